// The histogram summaries' stated bound, on every shipped scenario, variable and year: each reported
// quantile within 1/20 of its own Monte Carlo standard error of the exact type-7 quantile of the same draws.
// Each scenario at its own draw count, so pilots of 2, 3 and 4 blocks are all checked (pilotBlocksFor),
// and the baseline at 10⁶ draws, a pilot of 8 blocks.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExactQuantileAccumulator } from '../../src/evaluate/quantile-accumulator.js';
import { pilotBlocksFor } from '../../src/evaluate/quantile-summaries.js';
import { histogramTargetFraction } from '../../src/evaluate/histogram-quantile-accumulator.js';
import { quantileProbabilities } from '../../src/evaluate/quantiles.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runScenario, type RunOptions } from '../../src/pipeline/run-scenario.js';
import type { DrawObserver } from '../../src/simulate/draw-observer.js';
import type { ScenarioResult } from '../../src/model/scenario-result.js';
import type { TargetOutcome } from '../../src/evaluate/target-outcome.js';
import { projectRoot } from '../helpers/project.js';

/** Draws of each scenario: the smallest pilot (2 blocks), then 3 and 4. */
const drawsOf: Record<string, number> = { baseline: 100_000, optimistic: 200_000, pessimistic: 300_000 };
const inputs = loadRunInputs(projectRoot, 'data', ['baseline', 'optimistic', 'pessimistic'].map((s) => join(projectRoot, 'scenarios', `${s}.yaml`)));

/**
 * Every draw of every variable and year (base years included), kept exactly by an observer; only
 * the keys `wanted` allows ("variable year"), each in a buffer of `draws` values.
 */
function collector(keep: Map<string, ExactQuantileAccumulator>, baseYears: Map<string, number>, wanted: (key: string) => boolean = () => true, draws = 0): DrawObserver {
  const into = (variable: string, year: number, column: Float64Array, count: number) => {
    const key = `${variable} ${year}`;
    if (!wanted(key)) return;
    if (!keep.has(key)) keep.set(key, new ExactQuantileAccumulator(draws));
    keep.get(key)!.add(column, count);
  };
  return {
    observeBase(base, block) {
      for (const [variable, column] of base) into(variable, baseYears.get(variable)!, column, block.count);
    },
    observe(columns) {
      for (const variable of baseYears.keys()) {
        const column = columns.current(variable);
        if (column) into(variable, columns.year, column, columns.block.count);
      }
    },
  };
}

/**
 * The quantile's Monte Carlo standard error from the draws themselves (distribution-free, from the
 * order statistics of the ±2 sd binomial rank interval): (Q(p + 2s) − Q(p − 2s))/4, s = √(p(1 − p)/N).
 */
function standardError(values: ExactQuantileAccumulator, p: number): number {
  const s = Math.sqrt((p * (1 - p)) / values.count);
  const [low, high] = values.quantiles([Math.max(0, p - 2 * s), Math.min(1, p + 2 * s)]);
  return (high - low) / 4;
}

/** Throws unless each reported quantile is within se/20 of the exact one of the same draws; returns how many were checked. */
function checkQuantiles(label: string, reported: readonly number[], exact: ExactQuantileAccumulator, probabilities: readonly number[]): number {
  const truth = exact.quantiles(probabilities);
  probabilities.forEach((p, k) => {
    const bound = standardError(exact, p) / histogramTargetFraction;
    const error = Math.abs(reported[k] - truth[k]);
    if (!(error <= bound)) throw new Error(`${label} p${p}: ${reported[k]} vs exact ${truth[k]}, error ${error} > se/${histogramTargetFraction} = ${bound}`);
  });
  return probabilities.length;
}

/** Each summary whose exact values `keep` holds against its exact quantiles; returns how many quantiles were checked. */
function checkBound(summaries: ScenarioResult['summaries'], keep: Map<string, ExactQuantileAccumulator>): number {
  let checked = 0;
  for (const row of summaries) {
    const exact = keep.get(`${row.variable} ${row.year}`);
    if (exact) checked += checkQuantiles(`${row.variable} ${row.year}`, row.quantiles, exact, quantileProbabilities);
  }
  return checked;
}

/**
 * Each judged target's p05, p50 and p95 against the exact quantiles of its judged quantity's draws
 * (kept by keepTargetDraws; NaN for a draw the record excludes, left out as the summary leaves it out).
 * Returns how many quantiles were checked.
 */
function checkTargetBound(targets: ScenarioResult['targets'], outcomes: readonly (TargetOutcome | undefined)[]): number {
  const drawsOf = new Map(outcomes.filter((o) => o !== undefined).map((o) => [o.target, o.values]));
  let checked = 0;
  for (const result of targets) {
    const values = drawsOf.get(result.target.id);
    if (!values) throw new Error(`no draws kept for ${result.target.id}`);
    const exact = new ExactQuantileAccumulator(values.length);
    exact.add(values, values.length);
    checked += checkQuantiles(result.target.id, [result.p05, result.p50, result.p95], exact, [0.05, 0.5, 0.95]);
  }
  return checked;
}

describe('histogram quantile summaries', () => {
  it('the three runs lay out from pilots of 2, 3 and 4 blocks', () => {
    expect(Object.values(drawsOf).map(pilotBlocksFor)).toEqual([2, 3, 4]);
  });

  for (const { scenario, model } of inputs.scenarios) {
    const draws = drawsOf[scenario.scenario];
    it(`${scenario.scenario}: every variable and year within se/${histogramTargetFraction} of the exact quantiles (${draws.toLocaleString('en-US')} draws)`, () => {
      const keep = new Map<string, ExactQuantileAccumulator>();
      let outcomes: (TargetOutcome | undefined)[] = [];
      const approximate = runScenario(model, inputs.data, scenario, {
        draws,
        observers: (prepared) => [collector(keep, new Map(prepared.variables.map((v) => [v.spec.name, v.baseYear ?? Number.NaN])))],
        keepTargetDraws: true,
        onTargetTrackers: (trackers) => (outcomes = trackers.map((t) => t.outcome())),
      });
      const checked = checkBound(approximate.summaries, keep);
      expect(checked).toBe(approximate.summaries.length * quantileProbabilities.length);
      // The targets' judged quantities (levels, growth rates, CAGRs) are summarised the same way.
      expect(checkTargetBound(approximate.targets, outcomes)).toBe(approximate.targets.length * 3);
      expect(approximate.targets.length).toBeGreaterThan(5);
      expect(approximate.summaries.length).toBeGreaterThan(60);
      // Counts are exact in both paths: the verdicts' probabilities do not move at all.
      const exactRun = runScenario(model, inputs.data, scenario, { draws, exactQuantiles: true });
      expect(approximate.targets.map((t) => t.probabilityMet)).toEqual(exactRun.targets.map((t) => t.probabilityMet));
      expect(approximate.summaries.map((s) => s.mean)).toEqual(exactRun.summaries.map((s) => s.mean));
    }, 120_000);
  }

  // The top of the range, where the pilot is largest (8 blocks) and the bins narrowest. Keeping every
  // draw of all ~100 variable-years at once would take 8 bytes × 10⁶ each (about 0.8 GB), so the run is
  // repeated (same seed, same blocks: the same summaries each time) and each pass keeps a group of them.
  it(`baseline at 1,000,000 draws (a pilot of ${pilotBlocksFor(1_000_000)} blocks): every variable and year within se/${histogramTargetFraction}`, () => {
    const draws = 1_000_000;
    const { scenario, model } = inputs.scenarios.find((s) => s.scenario.scenario === 'baseline')!;
    const run = (wanted: (key: string) => boolean, keep: Map<string, ExactQuantileAccumulator>, onTargetTrackers?: RunOptions['onTargetTrackers']) =>
      runScenario(model, inputs.data, scenario, {
        draws,
        observers: (prepared) => [collector(keep, new Map(prepared.variables.map((v) => [v.spec.name, v.baseYear ?? Number.NaN])), wanted, draws)],
        ...(onTargetTrackers ? { keepTargetDraws: true, onTargetTrackers } : {}),
      });
    const group = 20;
    // The first pass keeps the first `group` variable-years it meets, and the targets' draws; each
    // later pass the next group.
    const firstKeep = new Map<string, ExactQuantileAccumulator>();
    let outcomes: (TargetOutcome | undefined)[] = [];
    const approximate = run((key) => firstKeep.has(key) || firstKeep.size < group, firstKeep, (trackers) => (outcomes = trackers.map((t) => t.outcome())));
    expect(checkTargetBound(approximate.targets, outcomes)).toBe(approximate.targets.length * 3);
    outcomes = [];
    let checked = checkBound(approximate.summaries, firstKeep);
    for (const values of firstKeep.values()) values.release();
    const keys = approximate.summaries.map((row) => `${row.variable} ${row.year}`);
    expect(keys.length).toBeGreaterThan(60);
    const rest = keys.filter((key) => !firstKeep.has(key));
    for (let from = 0; from < rest.length; from += group) {
      const wanted = new Set(rest.slice(from, from + group));
      const keep = new Map<string, ExactQuantileAccumulator>();
      const again = run((key) => wanted.has(key), keep);
      expect(again.summaries).toEqual(approximate.summaries);
      expect([...keep.keys()].sort()).toEqual([...wanted].sort());
      checked += checkBound(approximate.summaries, keep);
      for (const values of keep.values()) values.release();
    }
    expect(checked).toBe(keys.length * quantileProbabilities.length);
  }, 300_000);
});
