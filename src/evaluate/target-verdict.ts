// The verdict on every target of the data set in one scenario run: on the record where the record
// decides it, else from the projection, else not judged with the reason — one status vocabulary.
import type { DataSet, Observation, Target } from '../data/types.js';
import { latestDayOf } from '../data/publication-date.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import { variableEvidence, type EvidenceBasis, type VariableEvidence } from './evidence-basis.js';
import type { RecordJudgement } from './record-judgement.js';
import type { TargetResult } from '../model/target-result.js';
import { nowcastStatus, projectedStatus, type TargetStatus } from './target-status.js';
import { targetKind } from './target-kinds/registry.js';

/** What the record says about one target, and whether its window has closed. */
export interface RecordVerdict {
  /** `achieved` / `missed` decided by an observation; `unknown` once the window has closed undecided; `open` before. */
  readonly status: 'achieved' | 'missed' | 'unknown' | 'open';
  /** True when the target year is over in the data vintage. */
  readonly windowClosed: boolean;
  readonly judgement: RecordJudgement;
}

/** One row of targets.csv: the verdict on one target in one scenario. */
export interface TargetVerdict {
  /** The target as written (unit and bounds as in data/targets.yaml). */
  readonly target: Target;
  readonly status: TargetStatus;
  /**
   * Where the status comes from: the record; the projection of an open window; a `nowcast` — the
   * model's draws of a closed window the record cannot decide yet; or neither.
   */
  readonly judgedOn: 'record' | 'projection' | 'nowcast' | 'none';
  /** 1 or 0 on record, the share of draws (of those the record allows) meeting it, NaN when not judged or unknown without draws. */
  readonly probabilityMet: number;
  readonly record: RecordVerdict;
  /** The model's projection, where it projects the target (also beside a record verdict). */
  readonly projection?: TargetResult;
  /** What the verdict rests on: the record is `data`; a projection, its variable's inputs. */
  readonly basis?: EvidenceBasis;
  readonly evidence?: VariableEvidence;
  /** Why the target is not judged, or why its closed window stays unknown. */
  readonly reason?: string;
}

/**
 * The data vintage: the latest publication date among the observed figures, as `YYYY-MM-DD` (a date
 * given to the month stands for its last day). A target's window has closed when its year ends before it.
 * @example dataVintage(data); // => '2024-07-26' for the shipped data
 */
export function dataVintage(data: DataSet): string {
  const known = vintages.get(data);
  if (known !== undefined) return known;
  let latest = '';
  for (const o of data.observations) {
    if (o.kind !== 'observed') continue;
    const day = latestDayOf(o.published);
    if (day > latest) latest = day;
  }
  vintages.set(data, latest);
  return latest;
}

// A data set is read-only once loaded, and every scenario's outputs (targets.csv, record.csv, the
// terminal summary) ask for the same record verdicts: each is worked out once per data set and target.
const vintages = new WeakMap<DataSet, string>();
const recordVerdicts = new WeakMap<Target, { readonly data: DataSet; readonly vintage: string; readonly verdict: RecordVerdict }>();

/** The observed rows of a target's series. */
function seriesRecord(data: DataSet, series: string | undefined): Observation[] {
  return series === undefined ? [] : data.observations.filter((o) => o.series === series && o.kind === 'observed');
}

/**
 * The record's verdict on a target: its kind judges the observed rows of its series; an undecided
 * target is `unknown` once its year is over in the data vintage (`vintage`, default dataVintage(data)),
 * `open` before.
 * @example recordVerdict(bjSwinfoRevenue2020, data).status; // => 'achieved'
 */
export function recordVerdict(target: Target, data: DataSet, vintage = dataVintage(data)): RecordVerdict {
  const known = recordVerdicts.get(target);
  if (known && known.data === data && known.vintage === vintage) return known.verdict;
  const verdict = judgeRecord(target, data, vintage);
  recordVerdicts.set(target, { data, vintage, verdict });
  return verdict;
}

function judgeRecord(target: Target, data: DataSet, vintage: string): RecordVerdict {
  const windowClosed = vintage > `${target.year}-12-31`;
  const judgement: RecordJudgement =
    target.series === undefined
      ? { outcome: 'undecided', deciding: [], reason: 'no series: the record cannot judge it' }
      : targetKind(target.kind).judgeOnRecord(target, seriesRecord(data, target.series));
  const status = judgement.outcome === 'undecided' ? (windowClosed ? 'unknown' : 'open') : judgement.outcome;
  return { status, windowClosed, judgement };
}

/**
 * Every target of the data set, in data order, with its verdict in this scenario:
 * 1. decided on record (`achieved` / `missed`): probability 1 or 0, basis `data`;
 * 2. else a closed window the model simulates: a nowcast — the likelihood word of P(met) over the
 *    draws the record allows, marked `(nowcast)` (`very likely (nowcast)`); the record's `unknown`
 *    and its reason stay in `record` (record.csv), and `reason` says both;
 * 3. else a closed window: `unknown` with the record's reason;
 * 4. else projected: the likelihood word of P(met), basis from the judged variable's inputs;
 * 5. else `not judged`, with the reason (no variable, another region, beyond the horizon, …).
 * @example targetVerdicts(result, data).find((v) => v.target.id === 'bj-ai-scholars-2025')?.status; // => 'likely (nowcast)'
 */
export function targetVerdicts(result: ScenarioResult, data: DataSet): TargetVerdict[] {
  const vintage = dataVintage(data);
  const projections = new Map(result.targets.map((t) => [t.target.id, t]));
  const skipped = new Map(result.skippedTargets.map((s) => [s.id, s.reason]));
  return data.targets.map((target): TargetVerdict => {
    const record = recordVerdict(target, data, vintage);
    const projection = projections.get(target.id);
    const evidence = projection ? variableEvidence(result.model, result.scenario, projection.variable) : undefined;
    const withProjection = { ...(projection ? { projection } : {}), ...(evidence ? { evidence } : {}) };
    if (record.status === 'achieved' || record.status === 'missed') {
      return { target, status: record.status, judgedOn: 'record', probabilityMet: record.status === 'achieved' ? 1 : 0, record, basis: 'data', ...withProjection };
    }
    if (record.status === 'unknown') {
      const closed = `window closed ${target.year}; ${record.judgement.reason}`;
      if (projection && projection.conditioned?.draws !== 0 && Number.isFinite(projection.probabilityMet)) {
        return {
          target, status: nowcastStatus(projection.probabilityMet), judgedOn: 'nowcast', probabilityMet: projection.probabilityMet, record,
          ...(evidence ? { basis: evidence.basis } : {}), ...withProjection,
          reason: `${closed}; nowcast from the model's draws of ${target.year}${projection.conditioned ? `, ${projection.conditioned.text}` : ''}`,
        };
      }
      return {
        target, status: 'unknown', judgedOn: 'none', probabilityMet: Number.NaN, record, ...withProjection,
        reason: `${closed}${projection ? `; no draw of the model lies within what the record says of ${target.year}, so no nowcast` : ''}`,
      };
    }
    if (projection) {
      return { target, status: projectedStatus(projection.probabilityMet), judgedOn: 'projection', probabilityMet: projection.probabilityMet, record, ...(evidence ? { basis: evidence.basis } : {}), ...withProjection };
    }
    return { target, status: 'not judged', judgedOn: 'none', probabilityMet: Number.NaN, record, reason: skipped.get(target.id) ?? 'no model variable projects it' };
  });
}
