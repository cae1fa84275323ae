// The quick view after `forecast run`: per scenario, the targets its model judges from its draws (in the
// units the targets were written in), then the plan record once (what the record decides, and the
// closed windows it cannot decide yet).
import type { DataSet, Target } from '../data/types.js';
import { dataVintage, recordVerdict, targetVerdicts, type TargetVerdict } from '../evaluate/target-verdict.js';
import { likelihoodOf, type TargetStatus } from '../evaluate/target-status.js';
import { probabilityBound, type ProbabilityBound } from '../evaluate/probability-bound.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import { compactWritten, groupedNumber, signedGap } from './display-number.js';

const wordColours: Readonly<Record<string, string>> = {
  'very likely': '\x1b[32m',
  likely: '\x1b[36m',
  'as likely as not': '\x1b[33m',
  unlikely: '\x1b[31m',
  'very unlikely': '\x1b[31m',
  achieved: '\x1b[32m',
  missed: '\x1b[31m',
  unknown: '\x1b[2m',
  'not judged': '\x1b[2m',
};
/** A status's colour: a nowcast takes its likelihood word's. */
const colourOf = (status: TargetStatus) => wordColours[likelihoodOf(status) ?? status];
const reset = '\x1b[0m';

/** True when colour may be used: a terminal, and NO_COLOR (https://no-color.org) not set. */
export function useColour(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

/** Width of a string in terminal cells (CJK characters take two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function percent(x: number | undefined, digits = 1): string {
  return x !== undefined && Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '–';
}

/**
 * The bounds as written: `≥3000亿元`, `≥4.8万亿元`, `>10%`, `≥5 aim 10`, `≈2000亿元 ±5%`, `≤8%`.
 * @example thresholdCell(infosoft2027); // => '≥4.8万亿元'
 */
export function thresholdCell(target: Target): string {
  const show = (value: number) => compactWritten(target, value);
  if (target.approx) return `≈${show(target.approx.value)} ±${Number((target.approx.tolerance * 100).toPrecision(4))}%`;
  const parts: string[] = [];
  if (target.lower) parts.push(`${target.lower.inclusive ? '≥' : '>'}${show(target.lower.value)}`);
  if (target.upper) parts.push(`${target.upper.inclusive ? '≤' : '<'}${show(target.upper.value)}`);
  return parts.join(' ') + (target.aspiration !== undefined ? ` aim ${show(target.aspiration)}` : '');
}

/**
 * P(met) as printed: a percentage, `≥` before a lower bound and `≤` before an upper bound (a proxy's).
 * @example probabilityCell(0.498, 'lower'); // => '≥49.8%'
 */
export function probabilityCell(probability: number, bound: ProbabilityBound): string {
  return `${bound === 'lower' ? '≥' : bound === 'upper' ? '≤' : ''}${percent(probability)}`;
}

/** The cells of one verdict judged by the model's draws (a projection or a nowcast). */
function verdictCells(v: TargetVerdict): string[] {
  const p = v.projection!;
  const target = p.target;
  const rate = p.unit === 'rate';
  return [
    target.id,
    String(target.year),
    probabilityCell(v.probabilityMet, probabilityBound(target)),
    percent(p.probabilityMetSe),
    target.aspiration !== undefined ? percent(p.probabilityAspiration) : '–',
    rate ? percent(p.p50) : compactWritten(target, p.p50),
    thresholdCell(target),
    signedGap(rate ? p.gap : p.gapRelative, rate),
    percent(p.requiredCagr),
    v.basis ?? '–',
    v.status,
  ];
}

const header = ['target', 'year', 'P(met)', '±se', 'P(aim)', 'median', 'threshold', 'gap', 'need/yr', 'basis', 'status'];
const rightAligned = [false, true, true, true, true, true, true, true, true, false, false];
/** The P(aim) column, shown only when some row has an aspiration. */
const aimColumn = header.indexOf('P(aim)');

/**
 * Renders the run as a planner reads it:
 * 1. per scenario, the targets its model judges from its draws: open windows (projections, their
 *    likelihood word), then closed windows the record cannot decide yet (nowcasts, `… (nowcast)`),
 *    each in data order; the verdicts that rest on assumption alone; and one line counting the
 *    targets the model does not judge (their reasons are in targets.csv);
 * 2. once per run, the plan record (planRecordLines): the targets the record decides, and the
 *    closed windows it leaves unknown, with how — they do not depend on the scenario.
 * Values are shown in the unit each target was written in (4.8万亿元, not 48000); growth gaps in
 * percentage points, level gaps relative to the threshold; a proxy's P(met) as a bound (`≥49.8%`).
 */
export function terminalSummary(results: readonly ScenarioResult[], data: DataSet, colour: boolean): string {
  const lines: string[] = [];
  const nowcasts = new Map<string, { scenario: string; status: TargetStatus }[]>();
  for (const result of results) {
    const draws = result.targets[0]?.draws ?? result.scenario.draws;
    lines.push(`${result.scenario.scenario} — ${result.scenario.description.split('\n')[0]} (${groupedNumber(draws)} draws, seed ${result.scenario.seed})`);
    const verdicts = targetVerdicts(result, data);
    const shown = [...verdicts.filter((v) => v.judgedOn === 'projection'), ...verdicts.filter((v) => v.judgedOn === 'nowcast')];
    for (const v of shown.filter((x) => x.judgedOn === 'nowcast')) nowcasts.set(v.target.id, [...(nowcasts.get(v.target.id) ?? []), { scenario: result.scenario.scenario, status: v.status }]);
    const withAim = shown.some((v) => v.target.aspiration !== undefined);
    const keep = (_: unknown, i: number) => withAim || i !== aimColumn;
    const rows = shown.map((v) => verdictCells(v).filter(keep));
    const heads = header.filter(keep);
    const right = rightAligned.filter(keep);
    if (rows.length > 0) {
      const widths = heads.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
      lines.push('  ' + heads.map((h, i) => pad(h, widths[i], right[i])).join('  ').trimEnd());
      rows.forEach((row, k) => {
        const cells = row.map((cell, i) => pad(cell, widths[i], right[i]));
        // The status is the last column: coloured without padding, so no line ends in spaces.
        const last = row.length - 1;
        cells[last] = colour ? `${colourOf(shown[k].status)}${row[last]}${reset}` : row[last];
        lines.push('  ' + cells.join('  ').trimEnd());
      });
    } else lines.push('  (no target judged by this model)');
    for (const v of shown.filter((x) => x.basis === 'assumption')) {
      lines.push(`  ${v.target.id}: the ${v.judgedOn === 'nowcast' ? 'nowcast' : 'projection'} rests on assumption only (no observation informs ${v.projection!.variable})`);
    }
    const notJudged = verdicts.filter((v) => v.status === 'not judged').length;
    if (notJudged > 0) lines.push(`  not judged by model ${result.model.spec.model}: ${notJudged} target${notJudged === 1 ? '' : 's'} (no variable of theirs, another region, or beyond the horizon; reasons in targets.csv)`);
    lines.push('');
  }
  lines.push(...planRecordLines(data, nowcasts), '');
  return lines.join('\n');
}

/**
 * The plan record, once per run: the targets the record decides (achieved, missed), then the closed
 * windows it cannot decide yet (unknown), each with how — and, for those, the scenarios whose model
 * nowcasts them (their rows are in the tables above).
 * @param nowcasts per target, the scenarios that nowcast it and the status each gives
 * @example planRecordLines(data)[2]; // => '    bj-ai-core-2025  achieved  reached in 2024, 1 year early: 2024: ≈ 3500 (ref26-bjgovpt-20250815)'
 */
export function planRecordLines(data: DataSet, nowcasts: ReadonlyMap<string, readonly { scenario: string; status: TargetStatus }[]> = new Map()): string[] {
  const vintage = dataVintage(data);
  const rows = data.targets
    .map((target) => ({ target, record: recordVerdict(target, data, vintage) }))
    .filter(({ record }) => record.status !== 'open');
  if (rows.length === 0) return [`plan record (figures published up to ${vintage}): no target decided yet, no window closed`];
  const decided = rows.filter(({ record }) => record.status !== 'unknown');
  const unknown = rows.filter(({ record }) => record.status === 'unknown');
  const width = Math.max(...rows.map(({ target }) => target.id.length));
  const statusWidth = Math.max(...rows.map(({ record }) => record.status.length));
  const line = ({ target, record }: (typeof rows)[number]) => {
    const byStatus = new Map<string, string[]>();
    for (const n of nowcasts.get(target.id) ?? []) byStatus.set(likelihoodOf(n.status)!, [...(byStatus.get(likelihoodOf(n.status)!) ?? []), n.scenario]);
    const nowcast = [...byStatus].map(([word, scenarios]) => `${word} in ${scenarios.join(', ')}`).join('; ');
    return `    ${target.id.padEnd(width)}  ${record.status.padEnd(statusWidth)}  ${record.judgement.reason}${nowcast ? ` — nowcast: ${nowcast}` : ''}`;
  };
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    `plan record (figures published up to ${vintage}): ${count(decided.length, 'target')} decided, ${count(unknown.length, 'closed window')} the record cannot decide yet`,
    ...(decided.length > 0 ? ['  decided on record:', ...decided.map(line)] : []),
    ...(unknown.length > 0 ? ['  window closed, not decided by the record (unknown):', ...unknown.map(line)] : []),
  ];
}
