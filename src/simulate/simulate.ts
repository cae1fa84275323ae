// The Monte Carlo core: draws in blocks of 4096, each block simulated through every year on its own.
//
//   for block in blocks (any order: each block has its own random streams):
//     per variable: its base into its own column; parameters sampled (a law's into pooled columns
//       that it copies what it keeps from, a formula's into columns of its own); the law's runtime
//     observer.observeBase(base, block)
//     for year = firstYear … horizon:
//       previous ← output        only for variables someone reads a year back (lag(), growth targets)
//       for variable in evaluation order:
//         law:     runtime.next(step, value, scratch)   advances the value column in place
//         formula: compiled loop over the input columns, into the value column
//         shocks:  output = value · cumulative shock factor (a column of its own only when shocked)
//       observe(columns of this block and year)   → summaries and target accumulators take them now
// Memory ∝ block size × (variables + law state), never × draws or × years.
import type { BlockColumns, LawRuntime, LawStartInput } from '../laws/law.js';
import type { PreparedModel, PreparedVariable } from '../model/prepared-model.js';
import type { Shock } from '../spec/scenario-spec.js';
import { isWholeNumberUnit } from '../data/units.js';
import { blockStreams, type BlockStreams } from './random/create-stream.js';
import { driverFactors, driverMultiplier, loadingsByVariable, type DriverFactors, type VariableLoadings } from './driver-factors.js';
import { blockSize, drawBlocks, type DrawBlock } from './draw-blocks.js';
import { blockColumns } from './block-columns.js';
import { sampleDistribution } from './distributions/sample-distribution.js';
import type { Distribution } from '../model/distribution.js';

/** Read access to the columns of one block in the year just simulated, handed to observers. */
export interface YearColumns {
  readonly year: number;
  /** The block these columns hold: draw `block.offset + i` is at index i. */
  readonly block: DrawBlock;
  /** Values of `variable` in `year` (one per draw of the block), or undefined before its first simulated year. */
  current(variable: string): Float64Array | undefined;
  /**
   * Values of `variable` in `year − 1` (the base column in its first year), or undefined when it had
   * none. Kept only for variables named in `keepPrevious` or lagged by a formula.
   * @throws Error (a bug in the caller) for a variable whose previous values are not kept
   */
  previous(variable: string): Float64Array | undefined;
}

export interface SimulationOptions {
  readonly draws: number;
  readonly seed: number;
  readonly shocks: readonly Shock[];
  /** Variables to simulate (default: all); must hold every variable their formulas use. */
  readonly variables?: ReadonlySet<string>;
  /** Variables whose previous year observers read (formula lags are kept anyway). */
  readonly keepPrevious?: ReadonlySet<string>;
  /**
   * The blocks to simulate, in this order (default: every block of `draws`, in index order); any
   * iterable, e.g. one that claims blocks from a counter shared with other threads.
   */
  readonly blocks?: Iterable<DrawBlock>;
  /** Called once per block and simulated year, after every variable of that year is computed. */
  readonly observe: (columns: YearColumns) => void;
  /**
   * Called at the start of every block with its base columns (for targets that need base-year
   * levels). The columns are the simulation's own and change from the first year on: copy what you keep.
   */
  readonly observeBase?: (base: ReadonlyMap<string, Float64Array>, block: DrawBlock) => void;
  /** Called once a block's last year is observed. */
  readonly afterBlock?: (block: DrawBlock) => void;
}

/**
 * The base column of a variable in one block exactly as the simulation draws it (stream
 * (seed, variable, 'base') of that block): observers that need the base late redraw it instead of
 * keeping a copy.
 * @param out receives block.count values
 * @returns false (and `out` untouched) when the variable has no base
 */
export function sampleBaseColumn(prepared: PreparedVariable, streams: BlockStreams, block: DrawBlock, out: Float64Array): boolean {
  if (!prepared.base) return false;
  sampleDistribution(prepared.base, streams.stream(block.index, prepared.spec.name, 'base'), out.subarray(0, block.count));
  return true;
}

/**
 * Per-draw samples of a distribution for `draws` draws, each block from its stream keyed
 * (seed, variable, component): the very numbers the simulation draws for that parameter.
 */
export function sampleColumn(distribution: Distribution, draws: number, seed: number, variable: string, component: string): Float64Array {
  const out = new Float64Array(draws);
  const streams = blockStreams(seed);
  for (const block of drawBlocks(draws)) {
    sampleDistribution(distribution, streams.stream(block.index, variable, component), out.subarray(block.offset, block.offset + block.count));
  }
  return out;
}

interface VariableState {
  readonly prepared: PreparedVariable;
  readonly name: string;
  /** The law's level (advanced in place) or the formula's result; holds the base before the first year. */
  readonly value: Float64Array;
  /** What observers and formulas see: `value`, or value × shock factor for a shocked variable. */
  readonly output: Float64Array;
  /** Last year's output, for lags and growth; absent unless someone reads it. */
  readonly previous?: Float64Array;
  /** True once `output` holds a value (a base, or a simulated year). */
  hasValue: boolean;
  /** True once `previous` holds a value. */
  hasPrevious: boolean;
  started: boolean;
  readonly runtime?: LawRuntime;
  /** A formula's parameter draws (laws keep what they need from theirs at start). */
  readonly params: Readonly<Record<string, Float64Array>>;
  /** Cumulative multiplicative factor of shocks and drivers' growth; allocated only when the variable has either. */
  readonly shockFactor?: Float64Array;
  readonly shocksByYear: ReadonlyMap<number, readonly { readonly shock: Shock; readonly index: number }[]>;
  /** The shared drivers' loadings on this variable, if any. */
  readonly loadings?: VariableLoadings;
  /** A count law's rate multiplier this year (drivers' `rate` loadings); allocated only when it has them. */
  readonly rateFactor?: Float64Array;
}

/** A variable's columns, allocated once per run at the block size and reused by every block. */
interface VariableBuffers {
  readonly value: Float64Array;
  readonly output?: Float64Array;
  readonly previous?: Float64Array;
  readonly shockFactor?: Float64Array;
  readonly rateFactor?: Float64Array;
  /** A formula's parameter columns (laws copy what they keep from pooled ones). */
  readonly params: Record<string, Float64Array>;
}

/**
 * Simulates the variables of a prepared model for `draws` paths from its first year to its horizon,
 * block by block. Same model, options and seed ⇒ identical numbers, for any order of blocks: every
 * random number comes from a stream keyed by (seed, variable, component) and the block, so scenarios
 * share random numbers (common random numbers), a variable's numbers do not depend on which other
 * variables are simulated with it, and a block's do not depend on any other block.
 * @returns the objects the last block simulated made (BlockRuntime), undefined when there was none
 */
export function simulate(model: PreparedModel, options: SimulationOptions): BlockRuntime | undefined {
  const { draws, seed } = options;
  const included = model.variables.filter((v) => !options.variables || options.variables.has(v.spec.name));
  const lagged = new Set(included.flatMap((v) => v.formula?.lagged ?? []));
  const keepPrevious = (name: string) => lagged.has(name) || (options.keepPrevious?.has(name) ?? false);
  const streams = blockStreams(seed);
  const size = Math.min(blockSize, draws);
  // Parameter columns, lent to a law's start() and taken back before the next variable: a model's
  // parameters cost as many columns as its largest law has parameters, not their sum.
  const paramColumns = blockColumns(size);
  // The law runtimes' per-draw state, lent for one block and taken back before the next.
  const stateColumns = blockColumns(size);
  const scratchBuffer = new Float64Array(size);
  const buffers = new Map<string, VariableBuffers>();
  const shocksOf = new Map<string, Map<number, { shock: Shock; index: number }[]>>();
  const loadings = loadingsByVariable(model.drivers ?? []);
  for (const prepared of included) {
    const name = prepared.spec.name;
    const own = options.shocks.map((shock, index) => ({ shock, index })).filter(({ shock }) => shock.variable === name);
    const byYear = new Map<number, { shock: Shock; index: number }[]>();
    for (const item of own) byYear.set(item.shock.year, [...(byYear.get(item.shock.year) ?? []), item]);
    shocksOf.set(name, byYear);
    const shocked = own.length > 0 || (loadings.get(name)?.growth.length ?? 0) > 0;
    buffers.set(name, {
      value: new Float64Array(size),
      output: shocked ? new Float64Array(size) : undefined,
      previous: keepPrevious(name) ? new Float64Array(size) : undefined,
      shockFactor: shocked ? new Float64Array(size) : undefined,
      rateFactor: (loadings.get(name)?.rate.length ?? 0) > 0 ? new Float64Array(size) : undefined,
      params: prepared.formula ? Object.fromEntries(Object.keys(prepared.params).map((p) => [p, new Float64Array(size)])) : {},
    });
  }
  // Only the drivers that move a variable simulated here (a part of the model in a thread computes
  // its drivers itself: the same numbers, from the driver's own streams).
  const drivers = (model.drivers ?? []).filter((d) => d.loadings.some((l) => included.some((v) => v.spec.name === l.variable)));
  const driven = { drivers, loadings };
  let last: BlockRuntime | undefined;
  for (const block of options.blocks ?? drawBlocks(draws)) {
    stateColumns.reset(); // the last block's runtimes are done with theirs
    last = simulateBlock(included, block, streams, buffers, shocksOf, driven, paramColumns, stateColumns, scratchBuffer, model, options);
  }
  return last;
}

/**
 * The objects one block's simulation made: its variables' states (their streams, law runtimes and
 * columns) and the inputs their laws started from. Opaque: what a caller does with it is keep it
 * reachable through a full garbage collection (src/pipeline/collect-garbage.ts). A block's objects
 * are garbage when it ends, and when a full collection finds no object of a map (a stream's, a
 * runtime's, a law input's) V8 frees the map and deoptimises every function optimised for it
 * ("weak objects"): the next block then runs that code cold.
 */
export interface BlockRuntime {
  readonly states: ReadonlyMap<string, unknown>;
  readonly lawInputs: readonly LawStartInput[];
}

/** One block through every year (see the outline at the top of this file). */
function simulateBlock(
  included: readonly PreparedVariable[],
  block: DrawBlock,
  streams: BlockStreams,
  buffers: ReadonlyMap<string, VariableBuffers>,
  shocksOf: ReadonlyMap<string, ReadonlyMap<number, readonly { shock: Shock; index: number }[]>>,
  driven: { readonly drivers: NonNullable<PreparedModel['drivers']>; readonly loadings: ReadonlyMap<string, VariableLoadings> },
  paramColumns: ReturnType<typeof blockColumns>,
  stateColumns: BlockColumns,
  scratchBuffer: Float64Array,
  model: PreparedModel,
  options: SimulationOptions,
): BlockRuntime {
  const n = block.count;
  const cut = (column: Float64Array) => (column.length === n ? column : column.subarray(0, n));
  const states = new Map<string, VariableState>();
  const lawInputs: LawStartInput[] = [];
  // 1. Base levels into each variable's own column; parameters; each law's runtime.
  for (const prepared of included) {
    const name = prepared.spec.name;
    const own = buffers.get(name)!;
    const value = cut(own.value);
    if (prepared.base) sampleDistribution(prepared.base, streams.stream(block.index, name, 'base'), value);
    const params: Record<string, Float64Array> = {};
    paramColumns.reset();
    for (const [param, distribution] of Object.entries(prepared.params)) {
      const column = prepared.formula ? cut(own.params[param]) : paramColumns.float64(n);
      sampleDistribution(distribution, streams.stream(block.index, name, `param:${param}`), column);
      params[param] = column;
    }
    let runtime: LawRuntime | undefined;
    if (prepared.law) {
      const input: LawStartInput = { draws: n, params, stream: (component) => streams.stream(block.index, name, component), columns: stateColumns };
      lawInputs.push(input);
      runtime = prepared.law.start(input);
    }
    const output = own.output ? cut(own.output) : value;
    if (own.output) output.set(value);
    const shockFactor = own.shockFactor ? cut(own.shockFactor).fill(1) : undefined;
    states.set(name, {
      prepared,
      name,
      value,
      output,
      previous: own.previous ? cut(own.previous) : undefined,
      hasValue: prepared.base !== undefined,
      hasPrevious: false,
      started: false,
      runtime,
      params: prepared.formula ? params : {},
      shockFactor,
      shocksByYear: shocksOf.get(name)!,
      loadings: driven.loadings.get(name),
      rateFactor: own.rateFactor ? cut(own.rateFactor) : undefined,
    });
  }
  if (options.observeBase) {
    const base = new Map<string, Float64Array>();
    for (const [name, state] of states) if (state.hasValue) base.set(name, state.output);
    options.observeBase(base, block);
  }

  const current = (name: string) => {
    const state = states.get(name);
    return state?.started ? state.output : undefined;
  };
  const previous = (name: string) => {
    const state = states.get(name);
    if (!state) return undefined;
    if (!state.previous) throw new Error(`internal: the previous year of ${name} was asked for but not kept (pass it in keepPrevious)`);
    return state.hasPrevious ? state.previous : undefined;
  };
  const formulaEnv = (state: VariableState) => ({
    current: (name: string) => mustHave(current(name), name, state.name),
    previous: (name: string) => mustHave(previous(name), name, state.name),
    param: (name: string) => mustHave(state.params[name], name, state.name),
  });

  // 2. Year by year, in dependency order; one scratch column shared by every law's step.
  const scratch = cut(scratchBuffer);
  const factors = driven.drivers.length > 0 ? driverFactors(driven.drivers, streams, block) : undefined;
  for (let year = model.firstYear; year <= model.horizon; year++) {
    factors?.advance();
    for (const state of states.values()) {
      if (state.previous && state.hasValue) {
        state.previous.set(state.output);
        state.hasPrevious = true;
      }
    }
    for (const state of states.values()) {
      const { prepared } = state;
      if (year < prepared.firstYear) continue;
      if (state.runtime) {
        const rateFactor = state.rateFactor && factors ? driverMultiplier(state.loadings!.rate, factors, state.rateFactor) : undefined;
        state.runtime.next(year - (prepared.baseYear ?? year - 1), state.value, scratch, rateFactor);
      } else if (prepared.formula) {
        prepared.formula.evaluate(formulaEnv(state), state.value);
      }
      applyShocks(state, year, streams, block, scratch, factors);
      state.started = true;
      state.hasValue = true;
    }
    options.observe({ year, block, current, previous });
  }
  options.afterBlock?.(block);
  return { states, lawInputs };
}

/**
 * Growth hits and level steps: the level from `year` on is multiplied by (1 + hit) — a permanent
 * factor on the law's own path (the law never sees it), written into the variable's output column;
 * for a count the product is rounded to a whole number (halves up). Shared drivers' growth loadings
 * act the same way, every year: the factor is multiplied by exp(Σ λ·(f_t − E f)), so the year's log
 * growth moves by Σ λ·(f_t − E f).
 */
function applyShocks(state: VariableState, year: number, streams: BlockStreams, block: DrawBlock, scratch: Float64Array, factors: DriverFactors | undefined): void {
  const factor = state.shockFactor;
  if (!factor) return;
  for (const { shock, index } of state.shocksByYear.get(year) ?? []) {
    for (const [part, distribution] of [['growth', shock.growth], ['level', shock.level]] as const) {
      if (!distribution) continue;
      sampleDistribution(distribution, streams.stream(block.index, state.name, `shock:${index}:${part}`), scratch);
      for (let i = 0; i < factor.length; i++) factor[i] *= 1 + scratch[i];
    }
  }
  if (factors && state.loadings && state.loadings.growth.length > 0) {
    driverMultiplier(state.loadings.growth, factors, scratch);
    for (let i = 0; i < factor.length; i++) factor[i] *= scratch[i];
  }
  const { value, output } = state;
  // A count (a count law's variable, or any variable counting whole things) stays whole: its shocked level is
  // rounded to the nearest whole number, halves up (Math.round; counts are never negative). The law's
  // own path (value) is not rounded.
  if (state.prepared.law?.levels === 'count' || isWholeNumberUnit(state.prepared.spec.unit)) for (let i = 0; i < value.length; i++) output[i] = Math.round(value[i] * factor[i]);
  else for (let i = 0; i < value.length; i++) output[i] = value[i] * factor[i];
}

function mustHave(column: Float64Array | undefined, name: string, user: string): Float64Array {
  if (!column) throw new Error(`internal: ${user} needs ${name}, which has no values in this year`);
  return column;
}
