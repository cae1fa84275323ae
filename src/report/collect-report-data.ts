// Gathers what the report shows from projections.csv and targets.csv rows, so charts match the CSV exactly.
import type { DataSet, Observation, Qualifier, Target } from '../data/types.js';
import { convertTargetUnit } from '../data/convert-target-unit.js';
import type { TargetStatus } from '../evaluate/target-status.js';
import type { Cell } from '../io/to-csv.js';
import { projectionRows } from '../output/projections-table.js';
import { comparatorOf, recordColumns, recordRows, targetRows } from '../output/targets-table.js';
import { dataVintage, recordVerdict } from '../evaluate/target-verdict.js';
import { targetKind } from '../evaluate/target-kinds/registry.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import type {
  MarkerKind,
  ReportData,
  ReportPoint,
  ReportProjection,
  ReportRecordRow,
  ReportScenario,
  ReportTarget,
  ReportTargetMarker,
  ReportVariable,
  ReportVerdict,
} from './report-data.js';
import type { SensitivityRow } from './sensitivity-row.js';
import { approxBand } from '../data/figure-bands.js';

/**
 * Half-width of the band drawn around an approximate figure ("接近", "近", "约"), as a fraction of
 * the figure: the band calibration draws such a figure from (approxBand), so the picture shows what
 * the engine assumed — "接近3万亿元" as 29 100–30 900亿元.
 */
export const approxBandFraction = approxBand;

/** Length of the arrow drawn from a bound ("突破", "超过" / "不到") in the open direction, as a fraction of the bound. */
export const boundArrowFraction = 0.08;

/** The legend words of each marker, Chinese first. */
export const markerLabels: Readonly<Record<MarkerKind, string>> = {
  exact: '报告值 reported',
  approx: `约数 approx. (±${approxBandFraction * 100}%)`,
  atLeast: '下限 at least (突破/超过)',
  atMost: '上限 at most (不到)',
  externalForecast: '外部预测 external forecast',
  target: '目标 target',
};

/**
 * The band drawn for a figure with a qualifier: [value, value] for exact, ±approxBandFraction for
 * approx, and an arrow of boundArrowFraction in the open direction for bounds.
 * @example qualifierBand(30000, 'approx'); // => { low: 28500, high: 31500 }
 */
export function qualifierBand(value: number, qualifier: Qualifier): { low: number; high: number } {
  const spread = Math.abs(value);
  switch (qualifier) {
    case 'approx':
      return { low: value - spread * approxBandFraction, high: value + spread * approxBandFraction };
    case 'atLeast':
      return { low: value, high: value + spread * boundArrowFraction };
    case 'atMost':
      return { low: value - spread * boundArrowFraction, high: value };
    default:
      return { low: value, high: value };
  }
}

/** The target converted to `unit` when its unit converts (else as it is: it will not be drawn). */
function inUnit(target: Target, unit: string): Target {
  try {
    return convertTargetUnit(target, unit);
  } catch {
    return target;
  }
}

/** A number from a CSV cell written by formatNumber ('' → NaN, 'Inf' → Infinity). */
function numberOf(cell: Cell): number {
  if (cell === undefined || cell === '') return Number.NaN;
  if (cell === 'Inf') return Number.POSITIVE_INFINITY;
  if (cell === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(cell);
}

function observationPoint(o: Observation & { value: number }, marker: MarkerKind): ReportPoint {
  return {
    year: o.year,
    value: o.value,
    marker,
    markerLabel: markerLabels[marker],
    qualifier: o.qualifier,
    ...qualifierBand(o.value, o.qualifier),
    source: o.source,
    series: o.series,
    quote: o.quote,
  };
}

/**
 * Collects the report's numbers:
 * 1. scenarios in run order;
 * 2. per variable (first model's order, each name once): history and projections from
 *    `projectionRows` (the rows of projections.csv, parsed back), external forecasts of its series
 *    (or of a growth series with the same unit and region), and level targets as markers;
 * 3. per target (data order): the `targetRows` of every scenario and its first-passage curve;
 * 4. the observations and sources behind all of it.
 * @param results one ScenarioResult per scenario, in run order
 * @param data the data set the run used
 * @param sensitivity optional tornado rows (another command computes them)
 * @returns the report's data; no numbers are computed here, only read back
 * @example collectReportData(results, data).variables.map((v) => v.name); // => ['infoSoftwareRevenue', …]
 */
export function collectReportData(
  results: readonly ScenarioResult[],
  data: DataSet,
  sensitivity: readonly SensitivityRow[] = [],
): ReportData {
  // 1. Scenarios.
  const scenarios: ReportScenario[] = results.map((r) => ({
    name: r.scenario.scenario,
    description: r.scenario.description,
    model: r.model.spec.model,
    modelLabelZh: r.model.spec.labelZh,
    modelLabelEn: r.model.spec.labelEn,
    draws: r.targets[0]?.draws ?? r.scenario.draws,
    seed: r.scenario.seed,
    horizon: r.scenario.horizon,
  }));

  // 2. Variables, from the projections.csv rows.
  const rows = projectionRows(results, data);
  const variableSpecs = new Map(results.flatMap((r) => r.model.spec.variables.map((v) => [v.name, v] as const)).reverse());
  const order = [...new Set(results.flatMap((r) => r.model.spec.variables.map((v) => v.name)))];
  const usedObservations = new Set<Observation>();
  const variables: ReportVariable[] = order.map((name) => {
    const spec = variableSpecs.get(name)!;
    const mine = rows.filter((row) => row.variable === name);
    const historyByYear = new Map<number, ReportPoint>();
    const ownObservations = data.observations.filter((o) => spec.series !== undefined && o.series === spec.series);
    for (const row of mine.filter((row) => row.kind === 'history')) {
      const year = numberOf(row.year);
      if (historyByYear.has(year)) continue;
      const value = numberOf(row.mean);
      const qualifier = row.qualifier as Qualifier;
      // The row's own observation (same year and source; the same value when several match).
      const candidates = ownObservations.filter((o) => o.kind === 'observed' && o.period === 'FY' && o.year === year && o.source === row.source);
      const quoted = candidates.find((o) => o.value === value) ?? candidates[0];
      historyByYear.set(year, {
        year,
        value,
        marker: qualifier,
        markerLabel: markerLabels[qualifier],
        qualifier,
        ...qualifierBand(value, qualifier),
        source: String(row.source ?? ''),
        series: spec.series ?? '',
        quote: quoted?.quote ?? '',
      });
    }
    const projections: ReportProjection[] = mine
      .filter((row) => row.kind === 'projection')
      .map((row) => ({
        scenario: String(row.scenario),
        year: numberOf(row.year),
        mean: numberOf(row.mean),
        p05: numberOf(row.p05),
        p10: numberOf(row.p10),
        p25: numberOf(row.p25),
        p50: numberOf(row.p50),
        p75: numberOf(row.p75),
        p90: numberOf(row.p90),
        p95: numberOf(row.p95),
      }));

    const seriesInfo = new Map(data.series.map((s) => [s.id, s]));
    const ownInfo = spec.series ? seriesInfo.get(spec.series) : undefined;
    const related = new Set(
      spec.growthSeries.filter((id) => {
        const info = seriesInfo.get(id);
        return info !== undefined && info.unit === spec.unit && info.region === (ownInfo?.region ?? spec.region);
      }),
    );
    const externalForecasts = data.observations
      .filter((o): o is Observation & { value: number } =>
        o.kind === 'externalForecast' && o.value !== undefined && (o.series === spec.series || related.has(o.series)))
      .map((o) => observationPoint(o, 'externalForecast'));

    // Targets in the variable's unit, as the run judged them (4.8万亿元 → 48000亿元).
    const ownTargets = data.targets.filter((t) => t.variable === name).map((t) => inUnit(t, spec.unit));
    const drawn = ownTargets.filter((t) => targetKind(t.kind).judged === 'level' && t.unit === spec.unit);
    const targetMarkers: ReportTargetMarker[] = drawn.map((t) => ({
      id: t.id,
      label: `${t.labelZh} ${t.labelEn}`.trim() || t.id,
      year: t.year,
      lower: t.lower?.value,
      upper: t.upper?.value,
    }));

    for (const o of data.observations) {
      if (o.series === spec.series || spec.growthSeries.includes(o.series) || related.has(o.series)) usedObservations.add(o);
    }
    return {
      name,
      labelZh: spec.labelZh,
      labelEn: spec.labelEn,
      unit: spec.unit,
      region: spec.region,
      description: spec.description,
      series: spec.series,
      history: [...historyByYear.values()].sort((a, b) => a.year - b.year),
      projections,
      externalForecasts,
      targetMarkers,
      otherTargets: ownTargets.filter((t) => !drawn.includes(t)).map((t) => t.id),
    };
  });

  // 3. Targets, from the targets.csv rows: every target some scenario judges from its draws (a
  //    projection, or a nowcast of a closed window), with a sub-row per such scenario. What the record
  //    decides, and the closed windows it leaves unknown, are the plan record (record.csv), shown once;
  //    the others are listed with the reason.
  const verdictRows = targetRows(results, data);
  const fromDraws = (row: Record<string, Cell>) => row.judgedOn === 'projection' || row.judgedOn === 'nowcast';
  const judgedIds = new Set(verdictRows.filter(fromDraws).map((r) => String(r.target)));
  const vintage = dataVintage(data);
  const onRecord = new Set(data.targets.filter((t) => recordVerdict(t, data, vintage).status !== 'open').map((t) => t.id));
  const targets: ReportTarget[] = data.targets
    .filter((t) => judgedIds.has(t.id))
    .map((written) => {
      const verdicts: ReportVerdict[] = [];
      // The target as the first projecting scenario judged it (bounds in its variable's unit), else as written.
      let target: Target = written;
      let unit = written.unit;
      let variable = written.variable ?? '';
      for (const result of [...results].reverse()) {
        const judged = result.targets.find((t) => t.target.id === written.id);
        if (judged) ({ target, unit, variable } = { target: judged.target, unit: judged.unit, variable: judged.variable });
      }
      for (const result of results) {
        const judged = result.targets.find((t) => t.target.id === written.id);
        const row = verdictRows.find((r) => r.scenario === result.scenario.scenario && r.target === written.id)!;
        // Scenarios whose model does not judge the target from its draws have no sub-row.
        if (!fromDraws(row)) continue;
        verdicts.push({
          scenario: result.scenario.scenario,
          status: row.status as TargetStatus,
          judgedOn: String(row.judgedOn ?? ''),
          basis: String(row.basis ?? ''),
          probabilityMetBound: String(row.probabilityMetBound ?? ''),
          probabilityMet: numberOf(row.probabilityMet),
          probabilityMetSe: numberOf(row.probabilityMetSe),
          probabilityAspiration: numberOf(row.probabilityAspiration),
          p05: numberOf(row.p05),
          p50: numberOf(row.p50),
          p95: numberOf(row.p95),
          gap: numberOf(row.gap),
          gapRelative: numberOf(row.gapRelative),
          requiredCagr: numberOf(row.requiredCagr),
          assumedCagr: numberOf(row.assumedCagr),
          historicalCagr: numberOf(row.historicalCagr),
          firstYearMedianMeets: row.firstYearMedianMeets === undefined ? undefined : numberOf(row.firstYearMedianMeets),
          draws: numberOf(row.draws),
          notes: String(row.notes ?? ''),
          reason: String(row.reason ?? ''),
          firstPassage: judged?.firstPassage ?? [],
        });
      }
      return { target, variable, unit, comparator: comparatorOf(target), verdicts };
    });

  const skippedTargets = data.targets
    .filter((t) => !judgedIds.has(t.id) && !onRecord.has(t.id))
    .map((t) => ({ id: t.id, reason: String(verdictRows.find((r) => r.target === t.id)?.reason ?? ''), target: t }));
  const record = recordRows(data, undefined, results).map((row) => Object.fromEntries(recordColumns.map((c) => [c, row[c] === undefined ? '' : String(row[c])])) as ReportRecordRow);

  // The observations that decided a target on record are cited too (the plan record quotes them).
  for (const t of data.targets) for (const o of recordVerdict(t, data, vintage).judgement.deciding) usedObservations.add(o);

  // 4. The observations behind the charts, in data order, and the sources cited. Every forecast
  //    by others is listed too (those of other scopes are context, not drawn).
  const observations = data.observations.filter((o) => usedObservations.has(o) || o.kind === 'externalForecast');
  const cited = new Set([
    ...observations.map((o) => o.source),
    ...targets.map((t) => t.target.source),
    ...data.targets.filter((t) => onRecord.has(t.id)).map((t) => t.source),
    ...skippedTargets.flatMap((s) => (s.target ? [s.target.source] : [])),
  ]);
  const sources = data.sources.filter((s) => cited.has(s.id));

  const first = scenarios[0];
  const title = first ? `${first.modelLabelZh} ${first.modelLabelEn}`.trim() || first.model : 'Forecast report';
  return { title, scenarios, variables, targets, allTargets: data.targets, skippedTargets, record, vintage, sensitivity, observations, sources };
}
