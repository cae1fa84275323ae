// Targets that pull against each other, or against the record: which one binds, and by how much.
import type { DataSet } from '../data/types.js';
import { requiredGrowth } from './required-growth.js';
import { targetKind } from './target-kinds/registry.js';
import type { TargetNeed } from './target-need.js';
import { recordVerdict } from './target-verdict.js';

/** One step of a path of level targets: from the previous point to this target's commitment. */
export interface TensionStep {
  readonly target: string;
  readonly year: number;
  /** The commitment, in the series' unit. */
  readonly threshold: number;
  /** (threshold / previous)^(1 / years) − 1: the constant growth this step asks, a fraction per year. */
  readonly growth: number;
}

/** One tension between targets, or between a target and the pace on record. */
export interface TargetTension {
  /**
   * `growthBinds`: a growth floor asks more than a level target on the same quantity needs, so the
   * level follows if the floor is met; `levelBinds`: the level asks more than the floor;
   * `consistent`: they ask the same; `stepUp`: on a path of level targets (the latest level, then
   * each target in year order) a step asks at least `stepUpPoints` more growth a year than the step
   * before it; `paceAboveCeiling`: a cumulative target's ceiling is below what the latest yearly
   * flow, kept up, would give.
   */
  readonly kind: 'growthBinds' | 'levelBinds' | 'consistent' | 'stepUp' | 'paceAboveCeiling';
  readonly targets: readonly string[];
  /** The quantity: `<region>/<variable>` for targets judged on one variable, else the series id. */
  readonly quantity: string;
  /** level vs growth: the level target's required CAGR and the growth floor (fractions per year). */
  readonly requiredCagr?: number;
  readonly growthFloor?: number;
  /** level vs growth: latest × (1 + floor)^years, the level the growth floor alone implies at the level target's year. */
  readonly impliedLevel?: number;
  /** stepUp: the path from the latest level, each step with the growth it asks, and the average over the path. */
  readonly latest?: { readonly year: number; readonly value: number };
  readonly steps?: readonly TensionStep[];
  readonly averageGrowth?: number;
  /** cumulative: the latest yearly flow, and the total it gives by the target year if kept up. */
  readonly pace?: number;
  readonly projectedTotal?: number;
  readonly ceiling?: number;
  /** The latest level is a lower bound (e.g. "超过2500亿元"): required growth is then at most the figure shown. */
  readonly fromLowerBound: boolean;
}

/** Rates closer than this are "the same" (a tenth of a basis point). */
const sameRate = 1e-5;

/** A step that asks this much more growth a year than the step before it (10 percentage points) is flagged. */
export const stepUpPoints = 0.1;

/** Targets on one quantity: the region and variable they are judged on, else their series. */
function quantityOf(need: TargetNeed): string | undefined {
  const t = need.target;
  return t.variable !== undefined ? `${t.region}/${t.variable}` : t.series;
}

/**
 * Compares targets on one quantity (the same region and model variable, else the same series):
 * - a level (or share) target L due in Y, not decided on record, against a growth floor G whose
 *   window reaches into the years after L's latest level: r_L = (threshold_L / latest)^(1 / (Y −
 *   latest year)) − 1 against g; g > r_L → growthBinds; g < r_L → levelBinds; |g − r_L| < 1e-5 → consistent;
 * - the path of level targets in year order from the latest level (latest → L₁ in Y₁ → L₂ in Y₂ …):
 *   step k asks r_k = (L_k / L_{k−1})^(1 / (Y_k − Y_{k−1})) − 1; a step with r_k − r_{k−1} ≥ 10 points
 *   is a stepUp (4500 → 5500 in 2026 → 1万亿 in 2027 asks +22% then +82%);
 * - a cumulative target with a ceiling: counted + latest flow × years left above the ceiling → paceAboveCeiling.
 * Targets decided on record (`decided`) are left out: the record settles them.
 * @example targetTensions(needs)[0].kind; // => 'growthBinds' (3000亿元 by 2025 needs ≤ 9.5% a year, the floor asks 10%)
 */
export function targetTensions(needs: readonly TargetNeed[], decided: ReadonlySet<string> = new Set()): TargetTension[] {
  const tensions: TargetTension[] = [];
  const byQuantity = new Map<string, TargetNeed[]>();
  for (const need of needs) {
    const quantity = quantityOf(need);
    if (quantity === undefined || decided.has(need.target.id)) continue;
    byQuantity.set(quantity, [...(byQuantity.get(quantity) ?? []), need]);
  }
  const isGrowth = (n: TargetNeed) => targetKind(n.target.kind).unit === 'rate';
  const isLevel = (n: TargetNeed) => targetKind(n.target.kind).judged === 'level';
  for (const [quantity, group] of byQuantity) {
    const levels = group.filter((n) => isLevel(n) && n.target.lower && n.requiredCagr !== undefined && Number.isFinite(n.requiredCagr) && n.latest);
    const floors = group.filter((n) => isGrowth(n) && n.target.lower);
    for (const level of levels) {
      for (const floor of floors) {
        const latest = level.latest!;
        const windowStart = floor.target.fromYear ?? floor.target.year;
        // The floor must speak about some year between the latest level and the level's target year.
        if (floor.target.year <= latest.year || windowStart > level.target.year) continue;
        const r = level.requiredCagr!;
        const g = floor.target.lower!.value;
        tensions.push({
          kind: Math.abs(g - r) < sameRate ? 'consistent' : g > r ? 'growthBinds' : 'levelBinds',
          targets: [level.target.id, floor.target.id],
          quantity,
          requiredCagr: r,
          growthFloor: g,
          impliedLevel: latest.value * Math.pow(1 + g, level.target.year - latest.year),
          fromLowerBound: latest.qualifier === 'atLeast',
        });
      }
    }
    const step = stepUp(quantity, levels);
    if (step) tensions.push(step);
    for (const need of group) {
      if (need.room === undefined || need.counted === undefined || need.years === undefined) continue;
      const latest = need.latest;
      if (!latest || latest.year <= (need.target.baseYear ?? -Infinity)) continue;
      const projectedTotal = need.counted + latest.value * need.years;
      const ceiling = need.counted + need.room;
      if (projectedTotal > ceiling) {
        tensions.push({ kind: 'paceAboveCeiling', targets: [need.target.id], quantity, pace: latest.value, projectedTotal, ceiling, fromLowerBound: latest.qualifier === 'atLeast' });
      }
    }
  }
  return tensions;
}

/** The path latest → each level target in year order, when one of its steps asks ≥ stepUpPoints more than the step before. */
function stepUp(quantity: string, levels: readonly TargetNeed[]): TargetTension | undefined {
  if (levels.length < 2) return undefined;
  const sorted = [...levels].sort((a, b) => a.target.year - b.target.year);
  const latest = sorted[0].latest!;
  // One unit for the whole path: the first target's series unit; targets in another unit are left out.
  const path = sorted.filter((n) => n.thresholdUnit === sorted[0].thresholdUnit && n.target.year > latest.year && n.threshold !== undefined);
  if (path.length < 2) return undefined;
  const steps: TensionStep[] = [];
  let previous = { year: latest.year, value: latest.value };
  for (const need of path) {
    if (need.target.year === previous.year) continue;
    const growth = requiredGrowth(previous.value, need.threshold!, need.target.year - previous.year);
    steps.push({ target: need.target.id, year: need.target.year, threshold: need.threshold!, growth });
    previous = { year: need.target.year, value: need.threshold! };
  }
  const flagged = steps.some((s, k) => k > 0 && s.growth - steps[k - 1].growth >= stepUpPoints);
  if (!flagged) return undefined;
  const last = steps[steps.length - 1];
  return {
    kind: 'stepUp',
    targets: steps.map((s) => s.target),
    quantity,
    latest: { year: latest.year, value: latest.value },
    steps,
    averageGrowth: requiredGrowth(latest.value, last.threshold, last.year - latest.year),
    fromLowerBound: latest.qualifier === 'atLeast',
  };
}

/**
 * Every target's need and the tensions among the targets the record has not decided, as `forecast
 * targets` prints them.
 * @example targetsOverview(data).tensions.map((t) => t.kind); // => ['growthBinds']
 */
export function targetsOverview(data: DataSet): { needs: TargetNeed[]; tensions: TargetTension[] } {
  const needs = data.targets.map((t) =>
    targetKind(t.kind).need(t, t.series === undefined ? [] : data.observations.filter((o) => o.series === t.series && o.kind === 'observed')),
  );
  const decided = new Set(data.targets.filter((t) => recordVerdict(t, data).judgement.outcome !== 'undecided').map((t) => t.id));
  return { needs, tensions: targetTensions(needs, decided) };
}
