// The numbers a report shows, gathered once from the same rows the CSV files are written from.
import type { Observation, Qualifier, Source, Target } from '../data/types.js';
import type { TargetStatus } from '../evaluate/target-status.js';
import type { recordColumns } from '../output/targets-table.js';
import type { SensitivityRow } from './sensitivity-row.js';

/** One scenario as the report introduces it. */
export interface ReportScenario {
  readonly name: string;
  readonly description: string;
  readonly model: string;
  readonly modelLabelZh: string;
  readonly modelLabelEn: string;
  readonly draws: number;
  readonly seed: number;
  readonly horizon: number;
}

/** What a point marker stands for; the chart legend shows these words. */
export type MarkerKind = 'exact' | 'approx' | 'atLeast' | 'atMost' | 'externalForecast' | 'target';

/** A point drawn on a fan chart: a reported level, an external forecast or a target threshold. */
export interface ReportPoint {
  readonly year: number;
  readonly value: number;
  readonly marker: MarkerKind;
  /** Bilingual legend text of `marker`. */
  readonly markerLabel: string;
  readonly qualifier: Qualifier;
  /** Lower and upper end of the drawn band or arrow (equal to value for exact figures). */
  readonly low: number;
  readonly high: number;
  /** Source id, series and quoted passage, for the chart's accessible description. */
  readonly source: string;
  readonly series: string;
  readonly quote: string;
}

/** One projection row (kind `projection` of projections.csv), numbers parsed back from the CSV cells. */
export interface ReportProjection {
  readonly scenario: string;
  readonly year: number;
  readonly mean: number;
  readonly p05: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p95: number;
}

/** A target drawn on its variable's fan chart: a threshold at the target year, or a range as a bar. */
export interface ReportTargetMarker {
  readonly id: string;
  readonly label: string;
  readonly year: number;
  readonly lower?: number;
  readonly upper?: number;
}

/** Everything one variable's section shows. */
export interface ReportVariable {
  readonly name: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly unit: string;
  readonly region: string;
  readonly description?: string;
  readonly series?: string;
  /** Full-year levels on record (kind `history` of projections.csv). */
  readonly history: readonly ReportPoint[];
  readonly projections: readonly ReportProjection[];
  /** Projections by others, quoted in the reports, of this series or a same-unit series it grows with. */
  readonly externalForecasts: readonly ReportPoint[];
  readonly targetMarkers: readonly ReportTargetMarker[];
  /** Targets on this variable not drawn on the level chart (growth, cumulative): ids. */
  readonly otherTargets: readonly string[];
}

/** One target in one scenario: a targets.csv row, numbers parsed back, plus the first-passage curve. */
export interface ReportVerdict {
  readonly scenario: string;
  readonly status: TargetStatus;
  /** `record`, `projection` or `none` (targets.csv's judgedOn). */
  readonly judgedOn: string;
  /** `data`, `mixed`, `assumption`; empty when not judged. */
  readonly basis: string;
  /** `lower` / `upper` when P(met) is a bound (a proxy), else empty. */
  readonly probabilityMetBound: string;
  readonly probabilityMet: number;
  readonly probabilityMetSe: number;
  readonly probabilityAspiration: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
  /** Level kinds: the gap as a fraction of the bound; growth kinds: the gap in rate units (0.01 = one point). */
  readonly gap: number;
  readonly gapRelative: number;
  readonly requiredCagr: number;
  readonly assumedCagr: number;
  readonly historicalCagr: number;
  readonly firstYearMedianMeets?: number;
  readonly draws: number;
  readonly notes: string;
  /** Why not judged, how the record decided it, or why a closed window stays unknown. */
  readonly reason: string;
  readonly firstPassage: readonly { readonly year: number; readonly probability: number }[];
}

/** One target across scenarios. */
export interface ReportTarget {
  readonly target: Target;
  readonly variable: string;
  /** Unit of p05/p50/p95: the variable's unit, `rate` or `count`. */
  readonly unit: string;
  readonly comparator: string;
  readonly verdicts: readonly ReportVerdict[];
}

/** One row of record.csv, as the plan record section shows it. */
export type ReportRecordRow = Readonly<Record<(typeof recordColumns)[number], string>>;

/** Everything a report shows, in report order. */
export interface ReportData {
  readonly title: string;
  readonly scenarios: readonly ReportScenario[];
  readonly variables: readonly ReportVariable[];
  /** Targets some scenario judges from its draws (projected, or nowcast), each with a sub-row per such scenario. */
  readonly targets: readonly ReportTarget[];
  /** Every target of the data set, in data order, as written. */
  readonly allTargets: readonly Target[];
  /** Targets neither judged from the draws nor in the plan record, with the reason. */
  readonly skippedTargets: readonly { readonly id: string; readonly reason: string; readonly target?: Target }[];
  /** The plan record: every target decided on record or with a closed window (record.csv), and the data vintage. */
  readonly record: readonly ReportRecordRow[];
  readonly vintage: string;
  readonly sensitivity: readonly SensitivityRow[];
  /** Observations shown or used by the models, in data order. */
  readonly observations: readonly Observation[];
  readonly sources: readonly Source[];
}
