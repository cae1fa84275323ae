// targets.csv (every target of data/targets.yaml in every scenario), first-passage.csv and record.csv.
import type { DataSet, Observation, Target } from '../data/types.js';
import { convertUnit, unitFactor } from '../data/units.js';
import { targetKind } from '../evaluate/target-kinds/registry.js';
import { verdictBound, judgedFromDraws } from '../evaluate/probability-bound.js';
import { dataVintage, recordVerdict, targetVerdicts, type TargetVerdict } from '../evaluate/target-verdict.js';
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import type { ScenarioResult } from '../model/scenario-result.js';

export const targetColumns = [
  'scenario', 'target', 'region', 'variable', 'kind', 'judged', 'year', 'fromYear', 'baseYear',
  'unit', 'comparator', 'threshold', 'ceiling', 'aspiration', 'proxy',
  'status', 'judgedOn', 'basis', 'probabilityMet', 'probabilityMetSe', 'probabilityMetBound', 'draws', 'drawsConsistent',
  'probabilityBelow', 'probabilityAbove', 'probabilityAspiration',
  'p05', 'p50', 'p95', 'gap', 'gapRelative', 'requiredCagr', 'assumedCagr', 'historicalCagr', 'firstYearMedianMeets',
  'recordOutcome', 'decidingSeries', 'decidingPeriod', 'decidingYear', 'decidingValue', 'decidingUnit', 'decidingQualifier', 'decidingSource',
  'source', 'reading', 'reason', 'notes',
] as const;

export const firstPassageColumns = ['scenario', 'target', 'variable', 'year', 'probabilityMet'] as const;

export const recordColumns = [
  'target', 'region', 'kind', 'series', 'window', 'fromYear', 'year', 'unit', 'comparator', 'threshold', 'aspiration',
  'outcome', 'windowClosed', 'value', 'qualifier', 'margin', 'marginRelative',
  'decidingSeries', 'decidingPeriod', 'decidingYear', 'decidingValue', 'decidingQualifier', 'decidingSource', 'decidingPublished', 'decidingQuote',
  'reason', 'nowcastScenario', 'nowcastStatus', 'nowcastProbabilityMet', 'nowcastProbabilityMetSe', 'nowcastProbabilityMetBound', 'source', 'reading',
] as const;

/**
 * The comparison a target states, in the words of its YAML: `atLeast` (≥), `above` (>) for the
 * commitment; `atMost` (≤), `below` (<) for a ceiling; both joined by `+` for a band the text
 * states at both ends (`atLeast+atMost`); `approx` for 左右/约 targets.
 * @example comparatorOf({ lower: { value: 3000, inclusive: true } }); // => 'atLeast'
 */
export function comparatorOf(target: Pick<Target, 'lower' | 'upper' | 'approx'>): string {
  if (target.approx) return 'approx';
  const words: string[] = [];
  if (target.lower) words.push(target.lower.inclusive ? 'atLeast' : 'above');
  if (target.upper) words.push(target.upper.inclusive ? 'atMost' : 'below');
  return words.join('+');
}

/** The deciding observations' columns, several joined by "; " (growth from two levels, a sum over years). */
function decidingCells(rows: readonly Observation[], f: (x: number | undefined) => Cell): Record<string, Cell> {
  const join = (pick: (o: Observation) => Cell) => (rows.length === 0 ? '' : rows.map((o) => String(pick(o) ?? '')).join('; '));
  return {
    decidingSeries: join((o) => o.series),
    decidingPeriod: join((o) => o.period),
    decidingYear: join((o) => o.year),
    decidingValue: join((o) => (o.value !== undefined ? f(o.value) : o.yoy !== undefined ? f(o.yoy) : '')),
    decidingUnit: join((o) => (o.value !== undefined ? o.unit : 'rate')),
    decidingQualifier: join((o) => o.qualifier),
    decidingSource: join((o) => o.source),
  };
}

/**
 * The cells compare.csv and sweep.csv share with targets.csv: what the target is (as the projection
 * judged it, else as written) and its verdict.
 * @param definedBy the projection whose target (bounds in its variable's unit) describes the row; default the verdict's own
 */
export function verdictSummaryCells(v: TargetVerdict, f: (x: number | undefined) => Cell, definedBy = v.projection): Record<string, Cell> {
  const p = v.projection;
  const target = definedBy?.target ?? v.target;
  return {
    target: target.id,
    variable: definedBy?.variable ?? target.variable,
    unit: definedBy?.unit ?? target.unit,
    kind: target.kind,
    year: target.year,
    comparator: comparatorOf(target),
    threshold: f(target.lower?.value ?? target.upper?.value),
    aspiration: f(target.aspiration),
    draws: p?.draws,
    status: v.status,
    judgedOn: v.judgedOn,
    basis: v.basis,
    probabilityMet: f(v.probabilityMet),
    probabilityMetSe: v.judgedOn === 'record' ? f(0) : judgedFromDraws(v) ? f(p?.probabilityMetSe) : '',
    probabilityMetBound: verdictBound(v),
    probabilityAspiration: f(p?.probabilityAspiration),
    p05: f(p?.p05),
    p50: f(p?.p50),
    p95: f(p?.p95),
    gap: f(p?.gap),
    gapRelative: f(p?.gapRelative),
  };
}

/** One targets.csv row from a verdict. */
function verdictRow(scenario: string, v: TargetVerdict, f: (x: number | undefined) => Cell): Record<string, Cell> {
  const p = v.projection;
  const target = p?.target ?? v.target;
  const onRecord = v.judgedOn === 'record';
  return {
    ...verdictSummaryCells(v, f),
    scenario,
    region: target.region,
    judged: p?.judged ?? targetKind(target.kind).judged,
    fromYear: target.fromYear,
    baseYear: target.baseYear,
    ceiling: target.lower && target.upper ? f(target.upper.value) : '',
    proxy: target.proxy,
    drawsConsistent: p?.conditioned?.draws,
    probabilityBelow: f(p?.probabilityBelow),
    probabilityAbove: f(p?.probabilityAbove),
    requiredCagr: f(p?.requiredCagr),
    assumedCagr: f(p?.assumedCagr),
    historicalCagr: f(p?.historicalCagr),
    firstYearMedianMeets: p?.firstYearMedianMeets,
    recordOutcome: v.record.status,
    ...decidingCells(onRecord ? v.record.judgement.deciding : [], f),
    source: target.source,
    reading: target.reading,
    reason: v.reason ?? (onRecord ? v.record.judgement.reason : ''),
    notes: [...(p?.notes ?? []), ...(v.basis === 'assumption' && v.evidence ? [`the projection rests on assumption only: ${v.evidence.inputs.map((i) => `${i.input} (${i.from})`).join(', ')}`] : [])].join('; '),
  };
}

/** targets.csv rows: per scenario, every target of the data set in data order. */
export function targetRows(results: readonly ScenarioResult[], data: DataSet, digits?: number): Record<string, Cell>[] {
  const f = (x: number | undefined) => formatNumber(x, digits);
  return results.flatMap((result) => targetVerdicts(result, data).map((v) => verdictRow(result.scenario.scenario, v, f)));
}

export function targetsCsv(results: readonly ScenarioResult[], data: DataSet, digits?: number): string {
  return toCsv(targetColumns, targetRows(results, data, digits));
}

export function firstPassageCsv(results: readonly ScenarioResult[], digits?: number): string {
  const rows = results.flatMap((result) =>
    result.targets.flatMap((t) =>
      t.firstPassage.map((point) => ({
        scenario: result.scenario.scenario,
        target: t.target.id,
        variable: t.variable,
        year: point.year,
        probabilityMet: formatNumber(point.probability, digits),
      })),
    ),
  );
  return toCsv(firstPassageColumns, rows);
}

/** The years a target speaks of: `2023–2025` for a window, `2025` for a level in a year. */
export function windowText(target: Target): string {
  const from = target.fromYear ?? (target.baseYear !== undefined ? target.baseYear + 1 : undefined);
  return from !== undefined && from !== target.year ? `${from}–${target.year}` : String(target.year);
}

/**
 * The nowcast of each closed window the record leaves unknown: the first scenario, in run order,
 * whose model nowcasts it (targets.csv has every scenario's).
 */
function firstNowcasts(results: readonly ScenarioResult[], data: DataSet): Map<string, { scenario: string; verdict: TargetVerdict }> {
  const first = new Map<string, { scenario: string; verdict: TargetVerdict }>();
  for (const result of results) {
    for (const verdict of targetVerdicts(result, data)) {
      if (verdict.judgedOn === 'nowcast' && !first.has(verdict.target.id)) first.set(verdict.target.id, { scenario: result.scenario.scenario, verdict });
    }
  }
  return first;
}

/**
 * record.csv rows: every target the record decides (achieved, missed) or whose window has closed
 * (unknown), in data order — how past targets fared against what happened. Thresholds and values are
 * in the series' unit (`rate` for growth kinds); margin = value on record − threshold, relative to
 * the threshold for level kinds. A closed window the record leaves unknown keeps `unknown` and its
 * reason, and carries the nowcast of the first scenario (in run order) whose model simulates its year.
 * @param results the run's scenarios (for nowcasts; none: the nowcast columns stay empty)
 * @example recordRows(data).find((r) => r.target === 'bj-swinfo-revenue-2020')?.outcome; // => 'achieved'
 */
export function recordRows(data: DataSet, digits?: number, results: readonly ScenarioResult[] = []): Record<string, Cell>[] {
  const f = (x: number | undefined) => formatNumber(x, digits);
  const vintage = dataVintage(data);
  const nowcasts = firstNowcasts(results, data);
  const rows: Record<string, Cell>[] = [];
  for (const target of data.targets) {
    const record = recordVerdict(target, data, vintage);
    if (record.status === 'open') continue;
    const nowcast = record.status === 'unknown' ? nowcasts.get(target.id) : undefined;
    const judgement = record.judgement;
    const rate = targetKind(target.kind).unit === 'rate';
    const seriesUnit = judgement.deciding.find((o) => o.value !== undefined)?.unit ?? data.series.find((s) => s.id === target.series)?.unit;
    const unit = rate ? 'rate' : seriesUnit !== undefined && unitFactor(target.unit, seriesUnit) !== undefined ? seriesUnit : target.unit;
    const inUnit = (x: number | undefined) => (x === undefined || rate ? x : convertUnit(x, target.unit, unit));
    const threshold = inUnit((target.lower ?? target.upper)?.value);
    const margin = judgement.value !== undefined && threshold !== undefined && judgement.outcome !== 'undecided'
      ? (target.lower ? judgement.value - threshold : threshold - judgement.value)
      : undefined;
    const first = judgement.deciding[0];
    rows.push({
      target: target.id,
      region: target.region,
      kind: target.kind,
      series: target.series,
      window: windowText(target),
      fromYear: target.fromYear ?? (target.baseYear !== undefined ? target.baseYear + 1 : undefined),
      year: target.year,
      unit,
      comparator: comparatorOf(target),
      threshold: f(threshold),
      aspiration: f(inUnit(target.aspiration)),
      outcome: record.status,
      windowClosed: record.windowClosed ? 'true' : 'false',
      value: f(judgement.value),
      qualifier: judgement.value !== undefined ? judgement.qualifier : '',
      margin: f(margin),
      marginRelative: f(margin !== undefined && threshold && !rate ? margin / Math.abs(threshold) : undefined),
      ...Object.fromEntries(Object.entries(decidingCells(judgement.outcome === 'undecided' ? [] : judgement.deciding, f)).filter(([key]) => key !== 'decidingUnit')),
      decidingPublished: judgement.outcome === 'undecided' ? '' : judgement.deciding.map((o) => o.published).join('; '),
      decidingQuote: judgement.outcome === 'undecided' || !first ? '' : judgement.deciding.map((o) => o.quote).join(' / '),
      reason: judgement.reason,
      nowcastScenario: nowcast?.scenario,
      nowcastStatus: nowcast?.verdict.status,
      nowcastProbabilityMet: f(nowcast?.verdict.probabilityMet),
      nowcastProbabilityMetSe: f(nowcast?.verdict.projection?.probabilityMetSe),
      nowcastProbabilityMetBound: nowcast ? verdictBound(nowcast.verdict) : '',
      source: target.source,
      reading: target.reading,
    });
  }
  return rows;
}

/** record.csv text. */
export function recordCsv(data: DataSet, digits?: number, results: readonly ScenarioResult[] = []): string {
  return toCsv(recordColumns, recordRows(data, digits, results));
}
