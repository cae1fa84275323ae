// The quick view after `forecast run`: every scenario's verdicts as an aligned table, in the units the
// targets were written in, then the plan record (outcomes the record decides) once.
import type { DataSet, Target } from '../data/types.js';
import { dataVintage, recordVerdict, targetVerdicts, type TargetVerdict } from '../evaluate/target-verdict.js';
import type { TargetStatus } from '../evaluate/target-status.js';
import { probabilityBound } from '../output/targets-table.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import { compactWritten, signedGap } from './display-number.js';

const colours: Record<TargetStatus, string> = {
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

/** The cells of one verdict. */
function verdictCells(v: TargetVerdict): string[] {
  const p = v.projection;
  const target = p?.target ?? v.target;
  const rate = p?.unit === 'rate' || target.unit === 'rate';
  const bound = v.judgedOn === 'projection' ? probabilityBound(target) : '';
  const met = v.judgedOn === 'none' ? '–' : `${bound === 'lower' ? '≥' : bound === 'upper' ? '≤' : ''}${percent(v.probabilityMet)}`;
  return [
    target.id,
    String(target.year),
    v.judgedOn === 'projection' ? met : v.judgedOn === 'record' ? met : '–',
    v.judgedOn === 'projection' && p ? percent(p.probabilityMetSe) : '–',
    p && target.aspiration !== undefined ? percent(p.probabilityAspiration) : '–',
    p ? (rate ? percent(p.p50) : compactWritten(target, p.p50)) : '–',
    thresholdCell(target),
    p && v.judgedOn === 'projection' ? signedGap(rate ? p.gap : p.gapRelative, rate) : '–',
    p ? percent(p.requiredCagr) : '–',
    v.basis ?? '–',
    v.status,
  ];
}

const header = ['target', 'year', 'P(met)', '±se', 'P(aim)', 'median', 'threshold', 'gap', 'need/yr', 'basis', 'status'];
const rightAligned = [false, true, true, true, true, true, true, true, true, false, false];

/**
 * Renders every scenario's verdicts as aligned text tables: projected targets with their likelihood,
 * targets the record decides with `achieved`/`missed` (P(met) 100% / 0%), closed windows the record
 * cannot decide as `unknown`; then which targets the model does not judge, which verdicts rest on
 * assumption alone, and the plan record once (the deciding observation of each decided target).
 * Values are shown in the unit each target was written in (4.8万亿元, not 48000); growth gaps in
 * percentage points, level gaps relative to the threshold.
 */
export function terminalSummary(results: readonly ScenarioResult[], data: DataSet, colour: boolean): string {
  const lines: string[] = [];
  for (const result of results) {
    const draws = result.targets[0]?.draws ?? result.scenario.draws;
    lines.push(`${result.scenario.scenario} — ${result.scenario.description.split('\n')[0]} (${draws.toLocaleString('en-US')} draws, seed ${result.scenario.seed})`);
    const verdicts = targetVerdicts(result, data);
    const shown = verdicts.filter((v) => v.status !== 'not judged');
    const rows = shown.map(verdictCells);
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
    lines.push('  ' + header.map((h, i) => pad(h, widths[i], rightAligned[i])).join('  ').trimEnd());
    rows.forEach((row, k) => {
      const cells = row.map((cell, i) => pad(cell, widths[i], rightAligned[i]));
      // The status is the last column: coloured without padding, so no line ends in spaces.
      const last = row.length - 1;
      cells[last] = colour ? `${colours[shown[k].status]}${row[last]}${reset}` : row[last];
      lines.push('  ' + cells.join('  ').trimEnd());
    });
    if (shown.length === 0) lines.push('  (no target judged by this model or on record)');
    const assumed = verdicts.filter((v) => v.judgedOn === 'projection' && v.basis === 'assumption');
    for (const v of assumed) lines.push(`  ${v.target.id}: the projection rests on assumption only (no observation informs ${v.projection!.variable})`);
    const notJudged = verdicts.filter((v) => v.status === 'not judged');
    if (notJudged.length > 0) lines.push(`  not judged by model ${result.model.spec.model} (reasons in targets.csv): ${notJudged.map((v) => v.target.id).join(', ')}`);
    lines.push('');
  }
  lines.push(...planRecordLines(data), '');
  return lines.join('\n');
}

/**
 * The plan record: each target the record decides, or whose window has closed, with how.
 * @example planRecordLines(data)[1]; // => '  bj-swinfo-revenue-2020  achieved  reached in 2018, 2 years early: 2018: ≥ 10000 (ref-chinanews-20220617)'
 */
export function planRecordLines(data: DataSet): string[] {
  const vintage = dataVintage(data);
  const rows = data.targets
    .map((target) => ({ target, record: recordVerdict(target, data, vintage) }))
    .filter(({ record }) => record.status !== 'open');
  if (rows.length === 0) return [`plan record (figures published up to ${vintage}): no target decided yet`];
  const width = Math.max(...rows.map(({ target }) => target.id.length));
  const statusWidth = Math.max(...rows.map(({ record }) => record.status.length));
  return [
    `plan record (figures published up to ${vintage}):`,
    ...rows.map(({ target, record }) => `  ${target.id.padEnd(width)}  ${record.status.padEnd(statusWidth)}  ${record.judgement.reason}`),
  ];
}
