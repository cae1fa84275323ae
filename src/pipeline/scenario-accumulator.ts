// Everything a scenario run keeps from the blocks it simulates: a mergeable summary per variable and
// year (block sums for the mean, a quantile summary; none in a targets-only run) and a tracker per
// judged target. One per part of a run (a thread, a shard); parts fold together by state, in any
// order, to the same numbers.
//
//   simulate(blocks)   each block through every year; its columns feed summaries, trackers, observers
//   state()            what survives the blocks, as plain data (structured-cloneable, written to parts)
//   absorb(state)      folds in another part's state (its blocks must be new to this one)
//   rows(), targets()  read only the merged state
import { reportableMean } from '../evaluate/batch-means.js';
import { BlockSums, type BlockSumsState } from '../evaluate/block-sums.js';
import type { QuantileState } from '../evaluate/quantile-accumulator.js';
import type { ColumnQuantileAccumulator, QuantileSummaries } from '../evaluate/quantile-summaries.js';
import { quantileProbabilities } from '../evaluate/quantiles.js';
import type { SummaryRow } from '../model/summary-row.js';
import type { TargetResult } from '../model/target-result.js';
import { trackTarget, type TargetTracker, type TrackerState } from '../evaluate/track-target.js';
import type { DrawObserver } from '../simulate/draw-observer.js';
import { drawBlocks, type DrawBlock } from '../simulate/draw-blocks.js';
import { simulate, type BlockRuntime } from '../simulate/simulate.js';
import { InputError } from '../errors/input-error.js';
import { nonFiniteProblem, nonFiniteValues } from './non-finite-problem.js';
import type { PreparedModel, PreparedVariable } from '../model/prepared-model.js';
import type { RunSetup } from './run-setup.js';
import { variablesRead, variablesReading } from '../model/variable-graph.js';

/** The merged state of a set of blocks, as plain data. */
export interface ScenarioState {
  /** Indices of the blocks this state counts, each once. */
  readonly blocks: readonly number[];
  /** One per variable and year, in the accumulator's order (base years, then years, variable by variable). */
  readonly summaries: readonly { readonly variable: string; readonly year: number; readonly sums: BlockSumsState; readonly quantiles: QuantileState }[];
  /** One per judged target, in data order. */
  readonly trackers: readonly { readonly target: string; readonly state: TrackerState }[];
}

/** The mergeable summary of one variable in one year: block sums (the mean) and quantiles. */
interface Summary {
  readonly variable: string;
  readonly year: number;
  readonly sums: BlockSums;
  readonly quantiles: ColumnQuantileAccumulator;
}

export interface AccumulatorExtras {
  /** Keep each target's per-draw judged quantity and met flag (planners pair them across runs). */
  readonly keepTargetDraws?: boolean;
  /** Observers of the same simulation (e.g. sampled paths), created once the model is prepared. */
  readonly observers?: (model: PreparedModel, draws: number) => readonly DrawObserver[];
  /**
   * Only the targets are read (the planners: sweep, solve, sensitivity, compare): no summary per
   * variable and year is kept, so `rows()` is empty. Every column a summary would have counted is
   * still checked for values that are not finite, with the same error. Targets are the same numbers.
   */
  readonly targetsOnly?: boolean;
  /**
   * With targetsOnly: the run simulates only the variables its targets read, these variables and
   * those they reach (variablesReading), and whatever the formulas of all those read; the others
   * are neither made nor checked. For a planner's variant whose other variables have, draw for
   * draw, the numbers of a run that simulated every variable and whose outcome is reported before
   * its own (src/planner/run-variant.ts).
   */
  readonly changedVariables?: readonly string[];
}

export class ScenarioAccumulator {
  readonly setup: RunSetup;
  readonly trackers: readonly TargetTracker[];
  /** Whether this run keeps no summary per variable and year (AccumulatorExtras.targetsOnly). */
  readonly targetsOnly: boolean;
  private readonly changedVariables?: readonly string[];
  /** The variables simulated (undefined: every one). */
  private readonly simulated?: ReadonlySet<string>;
  private readonly summaries: Summary[] = [];
  /** The summary of each variable and year, or null where a targets-only run only checks the column. */
  private readonly byKey = new Map<string, Summary | null>();
  private readonly observers: readonly DrawObserver[];
  private readonly keepPrevious: ReadonlySet<string>;
  private readonly counted = new Set<number>();
  private readonly blockCount: number;
  /** The block simulated last (−1 before any): where an error thrown by simulate() arose. */
  private current = -1;

  /**
   * Summaries and trackers are created in a fixed order (summaries variable by variable, base year
   * first; then trackers in data order), so every part of a run — and a refine pass — makes the k-th
   * quantile summary for the same quantity.
   */
  constructor(setup: RunSetup, quantiles: QuantileSummaries, extras: AccumulatorExtras = {}) {
    this.setup = setup;
    this.targetsOnly = extras.targetsOnly ?? false;
    const { prepared, draws } = setup;
    if (extras.changedVariables) {
      if (!this.targetsOnly) throw new Error('internal: changedVariables leaves variables out, which only a targets-only run may');
      this.changedVariables = extras.changedVariables;
      const reached = variablesReading(prepared, extras.changedVariables);
      this.simulated = variablesRead(prepared, [...setup.judged.map((j) => j.variable.spec.name), ...reached]);
    }
    this.blockCount = drawBlocks(draws).length;
    for (const variable of prepared.variables) {
      const years = variable.baseYear !== undefined && variable.base ? [variable.baseYear] : [];
      for (let year = variable.firstYear; year <= prepared.horizon; year++) years.push(year);
      for (const year of years) {
        const key = `${variable.spec.name}\u0000${year}`;
        if (this.targetsOnly) {
          this.byKey.set(key, null);
          continue;
        }
        const summary = { variable: variable.spec.name, year, sums: new BlockSums(this.blockCount), quantiles: quantiles.create() };
        this.summaries.push(summary);
        this.byKey.set(key, summary);
      }
    }
    this.trackers = setup.judged.map(({ target, variable, observations }) =>
      trackTarget({ target, variable, observations, draws, keepDraws: extras.keepTargetDraws, quantiles: (probabilities) => quantiles.create(probabilities) }),
    );
    this.observers = extras.observers?.(prepared, draws) ?? [];
    this.keepPrevious = new Set([...this.trackers, ...this.observers].flatMap((o) => o.previousOf ?? []));
  }

  /**
   * A bare accumulator of the same run over other quantile summaries (a pilot block simulated only to
   * shape layouts, a refine pass): the same summaries and trackers in the same order, so its k-th
   * quantile summary is this one's k-th; no observers, no kept target draws.
   */
  sibling(quantiles: QuantileSummaries): ScenarioAccumulator {
    return new ScenarioAccumulator(this.setup, quantiles, { targetsOnly: this.targetsOnly, changedVariables: this.changedVariables });
  }

  /**
   * Simulates `blocks` (in the order given; any iterable, e.g. one that claims blocks from a shared
   * counter) and counts them in. `afterBlock` is called as each block is done.
   * @returns the last block's runtime objects (src/simulate/simulate.ts, BlockRuntime), undefined for no blocks
   * @throws Error (a bug in the caller) for a block counted already
   */
  simulate(blocks: Iterable<DrawBlock>, afterBlock?: (block: DrawBlock) => void): BlockRuntime | undefined {
    const { prepared, draws, seed, shocks } = this.setup;
    const { trackers, observers, counted } = this;
    const summaryOf = (variable: string, year: number) => this.byKey.get(`${variable}\u0000${year}`);
    const variables = prepared.variables;
    return simulate(prepared, {
      draws,
      seed,
      shocks,
      keepPrevious: this.keepPrevious,
      variables: this.simulated,
      blocks: markCounted(blocks, counted, (block) => (this.current = block.index)),
      observeBase: (base, block) => {
        // The starting level is a distribution too (an approximate figure's band, a bound's): its
        // summary is the projection's first point, in the variable's base year.
        for (const variable of variables) {
          const column = base.get(variable.spec.name);
          const summary = variable.baseYear === undefined ? undefined : summaryOf(variable.spec.name, variable.baseYear);
          if (column && summary !== undefined) summarise(summary, column, block, variable, variable.baseYear!);
        }
        for (const tracker of trackers) {
          tracker.beginBlock(block.count);
          tracker.observeBase(base);
        }
        for (const observer of observers) observer.observeBase?.(base, block);
      },
      observe: (columns) => {
        for (const variable of variables) {
          const values = columns.current(variable.spec.name);
          const summary = summaryOf(variable.spec.name, columns.year);
          if (values && summary !== undefined) summarise(summary, values, columns.block, variable, columns.year);
        }
        for (const observer of observers) observer.observe(columns);
        for (const tracker of trackers) tracker.observe(columns);
      },
      afterBlock: (block) => {
        for (const tracker of trackers) tracker.endBlock();
        afterBlock?.(block);
      },
    });
  }

  /**
   * What a state of this run must line up with: its summaries (variable, year) and trackers (target,
   * whether it keeps growth factors), in order.
   */
  shape(): { readonly summaries: readonly { readonly variable: string; readonly year: number }[]; readonly trackers: readonly { readonly target: string; readonly growthFactors: boolean }[] } {
    return {
      summaries: this.summaries.map(({ variable, year }) => ({ variable, year })),
      trackers: this.trackers.map((t) => ({ target: t.target.id, growthFactors: t.state().growthFactors !== undefined })),
    };
  }

  /** The block being simulated when simulate() threw (−1 before any block): threads report the lowest. */
  failedBlock(): number {
    return this.current;
  }

  /** Blocks counted so far (simulated here or absorbed), ascending. */
  blocks(): number[] {
    return [...this.counted].sort((a, b) => a - b);
  }

  /** Whether every block of the run is counted. */
  complete(): boolean {
    return this.counted.size === this.blockCount;
  }

  state(): ScenarioState {
    const blocks = this.blocks();
    return {
      blocks,
      summaries: this.summaries.map((s) => ({ variable: s.variable, year: s.year, sums: s.sums.state(blocks), quantiles: s.quantiles.state() })),
      trackers: this.trackers.map((t) => ({ target: t.target.id, state: t.state() })),
    };
  }

  /**
   * Folds in the state of another part of the same run.
   * @throws Error (a bug in the caller: parts are checked before) when the state does not line up or repeats a block
   */
  absorb(state: ScenarioState): void {
    if (state.summaries.length !== this.summaries.length || state.trackers.length !== this.trackers.length) {
      throw new Error('internal: a part of another shape cannot be absorbed');
    }
    for (const block of state.blocks) {
      if (this.counted.has(block) || !(block >= 0 && block < this.blockCount)) throw new Error(`internal: block ${block} counted twice or out of range`);
    }
    state.summaries.forEach((s, k) => {
      const own = this.summaries[k];
      if (s.variable !== own.variable || s.year !== own.year) throw new Error(`internal: summary ${k} is ${s.variable} ${s.year}, expected ${own.variable} ${own.year}`);
      own.sums.absorb(state.blocks, s.sums);
      own.quantiles.absorb(s.quantiles);
    });
    state.trackers.forEach((t, k) => {
      const own = this.trackers[k];
      if (t.target !== own.target.id) throw new Error(`internal: tracker ${k} is ${t.target}, expected ${own.target.id}`);
      own.absorb(t.state);
    });
    for (const block of state.blocks) this.counted.add(block);
  }

  /**
   * Mean and quantiles of every variable and year, by year then in the model's evaluation order. A
   * mean whose batch-means standard error is large against the 90% range is NaN (reportableMean).
   */
  rows(): SummaryRow[] {
    const blockDraws = Float64Array.from(drawBlocks(this.setup.draws), (b) => b.count);
    const rows = this.summaries.map((s) => {
      const quantiles = s.quantiles.quantiles(quantileProbabilities);
      const mean = s.sums.total() / s.quantiles.count;
      const spread = quantiles[quantiles.length - 1] - quantiles[0];
      return { variable: s.variable, year: s.year, mean: reportableMean(mean, s.sums.standardError(blockDraws), spread), quantiles };
    });
    return inSummaryOrder(rows, this.setup.prepared);
  }

  /** Every judged target's result, in data order. */
  targets(): TargetResult[] {
    return this.trackers.map((t) => t.result());
  }
}

/** [sum, compensation, non-finite count] of the column being summarised. */
const columnSums = new Float64Array(3);

/**
 * Adds a block's column to its summary in one pass — quantiles, the block's compensated sum, and a
 * count of NaN or infinite values — and throws the InputError of a non-finite value; with no summary
 * (a targets-only run) it only looks for such a value. Variables are summarised in evaluation order,
 * so the variable named is the one that made the value, not one that used it.
 * @throws InputError at the variable's formula or model entry, naming the year and how many draws
 */
function summarise(summary: Summary | null, column: Float64Array, block: DrawBlock, variable: PreparedVariable, year: number): void {
  if (summary === null) {
    const found = nonFiniteValues(column, block.count);
    if (found.count > 0) throw new InputError([nonFiniteProblem(variable, year, found, block.count)]);
    return;
  }
  columnSums.fill(0);
  summary.quantiles.addSummed(column, block.count, columnSums);
  summary.sums.addSum(block.index, columnSums[0], columnSums[1]);
  if (columnSums[2] > 0) throw new InputError([nonFiniteProblem(variable, year, nonFiniteValues(column, block.count), block.count)]);
}

/** Yields the blocks, recording each as counted (refusing one counted already). */
function* markCounted(blocks: Iterable<DrawBlock>, counted: Set<number>, starting: (block: DrawBlock) => void): Generator<DrawBlock> {
  for (const block of blocks) {
    if (counted.has(block.index)) throw new Error(`internal: block ${block.index} simulated twice`);
    counted.add(block.index);
    starting(block);
    yield block;
  }
}

/**
 * Summary rows in the order of every result: by year, then in the model's evaluation order (base
 * years come before the first simulated year).
 * @returns the same array, sorted
 */
export function inSummaryOrder(summaries: SummaryRow[], model: PreparedModel): SummaryRow[] {
  const order = new Map(model.variables.map((v, i) => [v.spec.name, i]));
  return summaries.sort((a, b) => a.year - b.year || order.get(a.variable)! - order.get(b.variable)!);
}
