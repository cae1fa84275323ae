// `forecast merge`: the shards' states of one scenario folded into the state of the whole run.
//
//   lay out     simulate the pilot blocks for their values only: the histogram layouts every shard used
//   check       each part's state against the run: its blocks are its shard's, every summary and target
//               in order, every array of the layout's length, counts whole, within the draws, adding up
//   absorb      counts add, values gather, block sums take their blocks
//   finish      refine if need be (a second pass over every block), then the results of the whole run
// The merged state is the single-machine run's state, so the outputs are byte-identical to it.
import { InputError } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import type { HistogramLayoutSpec } from '../evaluate/histogram-quantile-accumulator.js';
import type { QuantileState } from '../evaluate/quantile-accumulator.js';
import type { DrawPoint } from '../evaluate/track-draws.js';
import type { TrackerState } from '../evaluate/track-target.js';
import type { PartScenario } from './part-file.js';
import { finishRun, startPart } from './run-scenario.js';
import type { RunSetup } from './run-setup.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import type { ScenarioState } from './scenario-accumulator.js';
import { shardBlocks, type Shard } from './shard-blocks.js';

/** One shard's state of the scenario being merged. */
export interface ScenarioPart {
  /** How the part file is named in messages. */
  readonly file: string;
  /** Where the scenario sits in the part (for field paths in messages). */
  readonly field: string;
  readonly shard: Shard;
  readonly part: PartScenario;
}

/**
 * The result of one scenario from the states of all its shards (one part per shard, checked to be
 * complete by the caller), exactly as a single run over every block gives it.
 * @returns the result and the sampled paths of every shard, in draw order
 * @throws InputError when a part's state does not fit the run (every problem of every part at once)
 */
export function mergeScenarioParts(setup: RunSetup, exactQuantiles: boolean, parts: readonly ScenarioPart[]): { result: ScenarioResult; points: DrawPoint[] } {
  const { accumulator, quantiles } = startPart(setup, [], { exactQuantiles });
  const layouts = quantiles.layoutSpecs();
  const shape = accumulator.shape();
  const problems = parts.flatMap((p) => checkState(setup, shape, layouts, p));
  if (problems.length > 0) throw new InputError(problems);
  for (const p of parts) accumulator.absorb(p.part.state);
  const result = finishRun(accumulator, quantiles);
  const order = new Map(setup.prepared.variables.map((v, i) => [v.spec.name, i]));
  const points = parts.flatMap((p) => p.part.points).sort((a, b) => a.draw - b.draw || order.get(a.variable)! - order.get(b.variable)! || a.year - b.year);
  return { result, points };
}

/** Counters of a layout (null: an exact summary). */
const countersOf = (layout: HistogramLayoutSpec | null) => (layout ? layout.regions.reduce((sum, r) => sum + r.bins, 0) : undefined);

/** Every way a part's state fails to fit the run (none: it can be absorbed). */
function checkState(
  setup: RunSetup,
  shape: ReturnType<import('./scenario-accumulator.js').ScenarioAccumulator['shape']>,
  layouts: readonly (HistogramLayoutSpec | null)[],
  { file, field, shard, part }: ScenarioPart,
): Problem[] {
  const problems: Problem[] = [];
  const problem = (at: string, rule: string, value: unknown) => {
    if (problems.length < 20) problems.push({ file, field: `${field}.${at}`, message: messages.mustBe(`${field}.${at}`, rule, value) });
  };
  const state: ScenarioState = part.state;
  if (part.scenario !== setup.scenario.scenario) problem('scenario', `be ${JSON.stringify(setup.scenario.scenario)} (the run's scenario in this place)`, part.scenario);
  if (part.draws !== setup.draws) problem('draws', `be ${setup.draws}, the run's draws`, part.draws);
  if (part.seed !== setup.seed) problem('seed', `be ${setup.seed}, the run's seed`, part.seed);
  const expected = shardBlocks(setup.draws, shard);
  const owned = expected.reduce((sum, b) => sum + b.count, 0);
  if (state.blocks.length !== expected.length || state.blocks.some((b, i) => b !== expected[i].index)) {
    problem('state.blocks', `be the blocks of shard ${shard.index} of ${shard.count}: ${expected.length === 0 ? 'none' : `${expected[0].index}–${expected[expected.length - 1].index}`}`, `${state.blocks.length} blocks`);
    return problems;
  }
  if (state.summaries.length !== shape.summaries.length) problem('state.summaries', `hold ${shape.summaries.length} summaries (one per variable and year of the model)`, `${state.summaries.length}`);
  if (state.trackers.length !== shape.trackers.length) problem('state.trackers', `hold ${shape.trackers.length} targets (those the model judges)`, `${state.trackers.length}`);
  if (problems.length > 0) return problems;

  state.summaries.forEach((summary, k) => {
    const at = `state.summaries[${k}]`;
    const want = shape.summaries[k];
    if (summary.variable !== want.variable || summary.year !== want.year) problem(at, `be the summary of ${want.variable} in ${want.year}`, `${summary.variable} in ${summary.year}`);
    if (!summary.sums.sums.every(Number.isFinite) || !summary.sums.compensations.every(Number.isFinite)) problem(`${at}.sums`, 'hold finite numbers', 'a value that is not');
    checkQuantiles(problem, `${at}.quantiles`, summary.quantiles, layouts[k], owned, true);
  });
  let next = shape.summaries.length;
  state.trackers.forEach((tracker, k) => {
    const at = `state.trackers[${k}]`;
    const want = shape.trackers[k];
    const judgedLayout = layouts[next++];
    const growthLayout = want.growthFactors ? layouts[next++] : undefined;
    if (tracker.target !== want.target) problem(`${at}.target`, `be ${JSON.stringify(want.target)}`, tracker.target);
    checkTracker(problem, `${at}.state`, tracker.state, setup, owned);
    checkQuantiles(problem, `${at}.state.judged`, tracker.state.judged, judgedLayout, tracker.state.counts.seen, true);
    if (want.growthFactors !== (tracker.state.growthFactors !== undefined)) problem(`${at}.state.growthFactors`, want.growthFactors ? 'be given (the target keeps its growth factors)' : 'be absent', tracker.state.growthFactors ? 'a summary' : 'nothing');
    else if (tracker.state.growthFactors) checkQuantiles(problem, `${at}.state.growthFactors`, tracker.state.growthFactors, growthLayout ?? null, tracker.state.counts.seen, false);
  });
  return problems;
}

type Report = (at: string, rule: string, value: unknown) => void;

/** A quantile state: the path its layout says, its array's length, whole counts adding up to its values. */
function checkQuantiles(problem: Report, at: string, state: QuantileState, layout: HistogramLayoutSpec | null, values: number, exactly: boolean): void {
  const counters = countersOf(layout);
  if (counters === undefined) {
    if (state.kind !== 'exact') return problem(`${at}.kind`, 'be "exact" (this summary keeps its values)', state.kind);
    if (!state.values.every(Number.isFinite)) problem(`${at}.values`, 'hold finite numbers', 'a value that is not');
    const total = state.values.length + state.nanCount;
    if (exactly ? total !== values : total > values) problem(`${at}.values`, `hold ${exactly ? '' : 'at most '}${values} values with nanCount`, total);
    return;
  }
  if (state.kind !== 'histogram') return problem(`${at}.kind`, 'be "histogram" (this summary counts into the layout of the run\'s pilot)', state.kind);
  if (state.counts.length !== counters) return problem(`${at}.counts`, `hold ${counters} counters (the layout of the run's pilot)`, `${state.counts.length}`);
  const sum = sumOfCounts(state.counts);
  if (sum < 0) return problem(`${at}.counts`, 'hold counts of at least 0', state.counts.find((c) => c < 0)!);
  if (sum !== state.count) problem(`${at}.count`, `be the sum of the counters (${sum})`, state.count);
  const total = state.count + state.nanCount;
  if (exactly ? total !== values : total > values) problem(`${at}.count`, `be ${exactly ? '' : 'at most '}${values} with nanCount (the draws it summarises)`, total);
}

/**
 * The counters' sum, or −1 when one is negative. A function of its own so that V8 compiles the loop
 * with the function, not on the stack in the middle of checkQuantiles' first call (that code was
 * thrown away at the end of every later call: 12 deoptimisations merging two 10⁶-draw parts).
 */
function sumOfCounts(counts: Int32Array): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c < 0) return -1;
    sum += c;
  }
  return sum;
}

/** A tracker's counts: within the shard's draws and consistent with one another. */
function checkTracker(problem: Report, at: string, state: TrackerState, setup: RunSetup, owned: number): void {
  const { counts } = state;
  if (state.begun !== owned) problem(`${at}.begun`, `be ${owned}, the draws of the shard's blocks`, state.begun);
  if (counts.seen !== 0 && counts.seen !== owned) problem(`${at}.counts.seen`, `be 0 or ${owned}`, counts.seen);
  if (counts.consistent > counts.seen) problem(`${at}.counts.consistent`, `be at most counts.seen (${counts.seen})`, counts.consistent);
  if (counts.finite > counts.seen) problem(`${at}.counts.finite`, `be at most counts.seen (${counts.seen})`, counts.finite);
  for (const key of ['met', 'below', 'above', 'aspiration'] as const) {
    if (counts[key] > counts.finite) problem(`${at}.counts.${key}`, `be at most counts.finite (${counts.finite})`, counts[key]);
  }
  if (counts.met + counts.below > counts.finite) problem(`${at}.counts.met`, 'be at most counts.finite − counts.below', counts.met);
  for (const key of ['passage', 'metInYear'] as const) {
    const years = new Set<number>();
    for (const [year, n] of state[key]) {
      if (year < setup.prepared.firstYear || year > setup.prepared.horizon || years.has(year)) problem(`${at}.${key}`, `give each year from ${setup.prepared.firstYear} to ${setup.prepared.horizon} at most once`, year);
      if (n > owned) problem(`${at}.${key}`, `count at most ${owned} draws a year`, n);
      years.add(year);
    }
  }
}
