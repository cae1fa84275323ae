// Targets that pull against each other, or against the record: which one binds, and by how much.
import type { DataSet } from '../data/types.js';
import { convertUnit, unitFactor } from '../data/units.js';
import { requiredGrowth } from './required-growth.js';
import { latestLevel } from './target-kinds/latest-level.js';
import { targetKind } from './target-kinds/registry.js';
import type { LatestLevel, TargetNeed } from './target-need.js';
import { dataVintage, recordVerdict } from './target-verdict.js';

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
  /**
   * stepUp: the path from the quantity's latest level (an outturn, else an estimate: `kind`, from
   * `series`), each step with the growth it asks; the average growth from the latest level to the
   * step that asks the step up; and the targets later on the path that ask no more than the one before.
   */
  readonly latest?: { readonly year: number; readonly value: number; readonly kind?: 'observed' | 'estimate'; readonly series?: string };
  readonly steps?: readonly TensionStep[];
  readonly averageGrowth?: number;
  /** stepUp: the year the average runs to (the step up's target year). */
  readonly averageTo?: number;
  /** stepUp: targets on the path whose commitment is no higher than an earlier one's (they ask nothing more). */
  readonly implied?: readonly TensionStep[];
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

/** The latest level of a quantity (the series its own targets are on), for the path of its level targets. */
export interface QuantityLatest extends LatestLevel {
  /** The series it is read from, and its unit (each target's commitment is converted to it). */
  readonly series: string;
  readonly unit: string;
}

/** What targetTensions needs besides the needs. */
export interface TensionOptions {
  /** Targets the record decides: left out (the record settles them). */
  readonly decided?: ReadonlySet<string>;
  /** Targets whose window has closed: they pull only against each other, never against open ones. */
  readonly closed?: ReadonlySet<string>;
  /** Per quantity, the latest level a path of level targets starts from (else the earliest target's own). */
  readonly latestOf?: ReadonlyMap<string, QuantityLatest>;
}

/**
 * Compares targets on one quantity (the same region and model variable, else the same series). The
 * targets the record decides are left out, and closed windows are compared only with closed ones,
 * open with open (a past window does not pull against a future one):
 * - a level (or share) target L due in Y against a growth floor G whose window reaches into the
 *   years after L's latest level: r_L = (threshold_L / latest)^(1 / (Y − latest year)) − 1 against
 *   g; g > r_L → growthBinds; g < r_L → levelBinds; |g − r_L| < 1e-5 → consistent;
 * - the path of level targets in year order from the quantity's latest level (latest → L₁ in Y₁ →
 *   L₂ in Y₂ …; each commitment in the latest level's unit; a target asking no more than an earlier
 *   one is set aside as implied): step k asks r_k = (L_k / L_{k−1})^(1 / (Y_k − Y_{k−1})) − 1; a step
 *   with r_k − r_{k−1} ≥ 10 points is a stepUp (4500 (2025e) → 5500 in 2026 → 1万亿 in 2027 asks +22%
 *   then +82%, on average (10000 / 4500)^(1/2) − 1 = 49% a year from 2025);
 * - a cumulative target with a ceiling: counted + latest flow × years left above the ceiling → paceAboveCeiling.
 * @example targetTensions(needs)[0].kind; // => 'growthBinds' (3000亿元 by 2025 needs ≤ 9.5% a year, the floor asks 10%)
 */
export function targetTensions(needs: readonly TargetNeed[], options: TensionOptions = {}): TargetTension[] {
  const decided = options.decided ?? new Set<string>();
  const closed = options.closed ?? new Set<string>();
  const tensions: TargetTension[] = [];
  const byQuantity = new Map<string, TargetNeed[]>();
  for (const need of needs) {
    const quantity = quantityOf(need);
    if (quantity === undefined || decided.has(need.target.id)) continue;
    // Closed and open windows form separate groups of one quantity.
    const key = `${closed.has(need.target.id) ? 'closed' : 'open'}\u0000${quantity}`;
    byQuantity.set(key, [...(byQuantity.get(key) ?? []), need]);
  }
  const isGrowth = (n: TargetNeed) => targetKind(n.target.kind).unit === 'rate';
  const isLevel = (n: TargetNeed) => targetKind(n.target.kind).judged === 'level';
  for (const [key, group] of byQuantity) {
    const quantity = key.slice(key.indexOf('\u0000') + 1);
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
    // The quantity's latest level starts the path of its open targets (closed ones start from their own).
    const step = stepUp(quantity, group.filter((n) => isLevel(n) && n.target.lower), key.startsWith('open') ? options.latestOf?.get(quantity) : undefined);
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

/**
 * The path latest → each level target's commitment in year order, when one of its steps asks ≥
 * stepUpPoints more than the step before. Starts from `start` (the quantity's latest level) when
 * given, else from the earliest target's own latest level; commitments in another unit than the
 * start's that do not convert are left out.
 */
function stepUp(quantity: string, levels: readonly TargetNeed[], start: QuantityLatest | undefined): TargetTension | undefined {
  if (levels.length < 2) return undefined;
  const sorted = [...levels].sort((a, b) => a.target.year - b.target.year);
  const first = sorted.find((n) => n.latest !== undefined);
  const latest = start ?? (first?.latest ? { ...first.latest, series: first.target.series ?? '', unit: first.thresholdUnit } : undefined);
  if (!latest) return undefined;
  const inUnit = (n: TargetNeed) => {
    const bound = n.target.lower!;
    if (n.target.unit === latest.unit) return bound.value;
    return unitFactor(n.target.unit, latest.unit) === undefined ? undefined : convertUnit(bound.value, n.target.unit, latest.unit);
  };
  const steps: TensionStep[] = [];
  const implied: TensionStep[] = [];
  let previous = { year: latest.year, value: latest.value };
  for (const need of sorted) {
    const threshold = inUnit(need);
    if (threshold === undefined || need.target.year <= previous.year) continue;
    const growth = requiredGrowth(previous.value, threshold, need.target.year - previous.year);
    // A commitment no higher than the one before asks nothing more of the path.
    if (steps.length > 0 && threshold <= previous.value) {
      implied.push({ target: need.target.id, year: need.target.year, threshold, growth });
      continue;
    }
    steps.push({ target: need.target.id, year: need.target.year, threshold, growth });
    previous = { year: need.target.year, value: threshold };
  }
  const flagged = steps.findIndex((s, k) => k > 0 && s.growth - steps[k - 1].growth >= stepUpPoints);
  if (flagged < 0) return undefined;
  const to = steps[flagged];
  return {
    kind: 'stepUp',
    targets: steps.map((s) => s.target),
    quantity,
    latest: { year: latest.year, value: latest.value, kind: latest.kind, ...(latest.series ? { series: latest.series } : {}) },
    steps,
    averageGrowth: requiredGrowth(latest.value, to.threshold, to.year - latest.year),
    averageTo: to.year,
    ...(implied.length > 0 ? { implied } : {}),
    fromLowerBound: latest.qualifier === 'atLeast',
  };
}

/**
 * Every target's need (measured from its series' latest level: an outturn, else an estimate) and the
 * tensions among the targets the record has not decided. A quantity's path of level targets starts
 * from the latest level of the series its own targets are on (those judged on it without `proxy`),
 * so a target on another scope ("人工智能产业规模", judged on the core industry) joins the core's path.
 * @example targetsOverview(data).tensions.map((t) => t.kind); // => ['stepUp', 'growthBinds']
 */
export function targetsOverview(data: DataSet): { needs: TargetNeed[]; tensions: TargetTension[] } {
  const rowsOf = (series: string | undefined) => (series === undefined ? [] : data.observations.filter((o) => o.series === series && o.kind !== 'externalForecast'));
  const needs = data.targets.map((t) => targetKind(t.kind).need(t, rowsOf(t.series)));
  const vintage = dataVintage(data);
  const records = new Map(data.targets.map((t) => [t.id, recordVerdict(t, data, vintage)]));
  const decided = new Set(data.targets.filter((t) => records.get(t.id)!.judgement.outcome !== 'undecided').map((t) => t.id));
  const closed = new Set(data.targets.filter((t) => records.get(t.id)!.windowClosed).map((t) => t.id));
  const latestOf = new Map<string, QuantityLatest>();
  for (const t of data.targets) {
    const quantity = t.variable !== undefined ? `${t.region}/${t.variable}` : undefined;
    if (quantity === undefined || t.proxy !== undefined || t.series === undefined || latestOf.has(quantity)) continue;
    const series = data.series.find((s) => s.id === t.series);
    const firstOpen = Math.min(...data.targets.filter((o) => o.variable === t.variable && o.region === t.region && !closed.has(o.id)).map((o) => o.year));
    const latest = latestLevel(rowsOf(t.series), Number.isFinite(firstOpen) ? firstOpen : Number.POSITIVE_INFINITY);
    if (latest && series) latestOf.set(quantity, { ...latest, series: t.series, unit: series.unit });
  }
  return { needs, tensions: targetTensions(needs, { decided, closed, latestOf }) };
}
