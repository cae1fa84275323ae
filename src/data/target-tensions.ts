// Targets that pull against each other, or against the record: which one binds, and by how much.
import type { TargetNeed } from './target-needs.js';

/** One tension between two targets, or between a target and the pace on record. */
export interface TargetTension {
  /**
   * `growthBinds`: a growth floor asks more than a level target on the same series needs, so the
   * level follows if the floor is met; `levelBinds`: the level asks more than the growth floor;
   * `consistent`: they ask the same; `paceAboveCeiling`: a cumulative target's ceiling is below
   * what the latest yearly flow, kept up, would give.
   */
  readonly kind: 'growthBinds' | 'levelBinds' | 'consistent' | 'paceAboveCeiling';
  readonly targets: readonly string[];
  readonly series: string;
  /** level vs growth: the level target's required CAGR and the growth floor (fractions per year). */
  readonly requiredCagr?: number;
  readonly growthFloor?: number;
  /** level vs growth: latest × (1 + floor)^years, the level the growth floor alone implies at the level target's year. */
  readonly impliedLevel?: number;
  /** cumulative: the latest yearly flow, and the total it gives by the target year if kept up. */
  readonly pace?: number;
  readonly projectedTotal?: number;
  readonly ceiling?: number;
  /** The latest level is a lower bound (e.g. "超过2500亿元"): the level's required CAGR is then at most the figure shown. */
  readonly fromLowerBound: boolean;
}

/** Rates closer than this are "the same" (a tenth of a basis point). */
const sameRate = 1e-5;

/**
 * Compares targets on the same series. For a level (or share) target L due in year Y (not already met
 * on record) and a growth
 * floor G (growthEachYear or cagr) whose window reaches into the years after L's latest level:
 *   r_L = (threshold_L / latest)^(1 / (Y − latestYear)) − 1 against g = G's floor;
 *   g > r_L → growthBinds (meeting G each year gives latest × (1 + g)^(Y − latestYear) ≥ threshold_L);
 *   g < r_L → levelBinds; |g − r_L| < 1e-5 → consistent.
 * For a cumulative target with a ceiling: pace = the latest full-year flow on record; if
 * counted + pace × years left exceeds the ceiling → paceAboveCeiling.
 * Pure: works only on the needs already measured by `targetNeeds`.
 * @example targetTensions([needOf(bj-ai-core-2025), needOf(bj-ai-core-growth-2023-2025)])[0].kind; // => 'growthBinds' (9.5% a year < 10%)
 */
export function targetTensions(needs: readonly TargetNeed[]): TargetTension[] {
  const tensions: TargetTension[] = [];
  const bySeries = new Map<string, TargetNeed[]>();
  for (const need of needs) {
    const series = need.target.series;
    if (series === undefined) continue;
    bySeries.set(series, [...(bySeries.get(series) ?? []), need]);
  }
  for (const [series, group] of bySeries) {
    const levels = group.filter((n) => (n.target.kind === 'level' || n.target.kind === 'share') && !n.metOnRecord && n.target.lower && n.requiredCagr !== undefined && Number.isFinite(n.requiredCagr) && n.latest);
    const floors = group.filter((n) => (n.target.kind === 'growthEachYear' || n.target.kind === 'cagr') && n.target.lower);
    for (const level of levels) {
      for (const floor of floors) {
        const latest = level.latest!;
        const windowStart = floor.target.fromYear ?? floor.target.year;
        // The floor must speak about some year between the latest level and the level's target year.
        if (floor.target.year <= latest.year || windowStart > level.target.year) continue;
        const r = level.requiredCagr!;
        const g = floor.target.lower!.value;
        const years = level.target.year - latest.year;
        tensions.push({
          kind: Math.abs(g - r) < sameRate ? 'consistent' : g > r ? 'growthBinds' : 'levelBinds',
          targets: [level.target.id, floor.target.id],
          series,
          requiredCagr: r,
          growthFloor: g,
          impliedLevel: latest.value * Math.pow(1 + g, years),
          fromLowerBound: latest.qualifier === 'atLeast',
        });
      }
    }
    for (const need of group) {
      if (need.target.kind !== 'cumulative' || need.room === undefined || need.counted === undefined || need.years === undefined) continue;
      const latest = need.latest;
      if (!latest || latest.year <= (need.target.baseYear ?? -Infinity)) continue;
      const projectedTotal = need.counted + latest.value * need.years;
      const ceiling = need.counted + need.room;
      if (projectedTotal > ceiling) {
        tensions.push({ kind: 'paceAboveCeiling', targets: [need.target.id], series, pace: latest.value, projectedTotal, ceiling, fromLowerBound: latest.qualifier === 'atLeast' });
      }
    }
  }
  return tensions;
}
