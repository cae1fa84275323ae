// `forecast targets`: every official target, what it asks from the latest full year on record, what
// the record already decides, and the targets that pull against each other (with the arithmetic).
import { alignColumns } from '../../data/align-columns.js';
import type { Target } from '../../data/types.js';
import type { TargetNeed } from '../../evaluate/target-need.js';
import { targetKind } from '../../evaluate/target-kinds/registry.js';
import { stepUpPoints, targetsOverview, type TargetTension } from '../../evaluate/target-tensions.js';
import { dataVintage, recordVerdict } from '../../evaluate/target-verdict.js';
import { formatNumber } from '../../io/format-number.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { loadDataArgument, qualifierSymbol } from './data.js';

const percent = (rate: number, digits = 1) => `${(rate * 100).toFixed(digits)}%`;

/** `≥ 3000 亿元`, `> 1 万亿元`, `≥ 5 count (aspiration 10)`, `≈ 2000 亿元 ±5%`, `≥ 10.0%/yr`. */
function boundText(t: Target): string {
  const show = (v: number) => (t.unit === 'rate' ? percent(v) : formatNumber(v, 6));
  const unit = t.unit === 'rate' ? '/yr' : ` ${t.unit}`;
  if (t.approx !== undefined) return `≈ ${show(t.approx.value)}${unit} ±${percent(t.approx.tolerance, 0)}`;
  const parts: string[] = [];
  if (t.lower) parts.push(`${t.lower.inclusive ? '≥' : '>'} ${show(t.lower.value)}${unit}`);
  if (t.upper) parts.push(`${t.upper.inclusive ? '≤' : '<'} ${show(t.upper.value)}${unit}`);
  return parts.join(', ') + (t.aspiration !== undefined ? ` (aspiration ${show(t.aspiration)})` : '');
}

function latestText(n: TargetNeed): string {
  if (!n.latest) return '—';
  return `${n.latest.year}${n.latest.kind === 'estimate' ? ' (estimate)' : ''}: ${qualifierSymbol[n.latest.qualifier]}${formatNumber(n.latest.value, 6)}`;
}

/** What the target asks, in words short enough for a table cell. */
function needText(n: TargetNeed): string {
  const t = n.target;
  const floor = t.lower ? (t.lower.inclusive ? '≥' : '>') : t.upper ? (t.upper.inclusive ? '≤' : '<') : '';
  const kind = targetKind(t.kind);
  if (kind.unit === 'rate') return `${floor} ${percent(n.requiredCagr ?? Number.NaN)}/yr, ${kind.labelEn} ${t.fromYear ?? t.year}–${t.year}`;
  if (n.counted !== undefined) {
    const parts = [n.latest ? `${formatNumber(n.counted, 6)} counted since ${t.baseYear}` : 'no flow on record'];
    if (n.requiredPerYear !== undefined) parts.push(n.requiredPerYear <= 0 ? 'commitment met' : `needs ${formatNumber(n.requiredPerYear, 3)}/yr for ${n.years} yr`);
    if (n.room !== undefined) parts.push(`room ${formatNumber(n.room, 6)}`);
    return parts.join('; ');
  }
  if (!n.latest) return 'no full-year level on record';
  if (n.requiredCagr === undefined || !Number.isFinite(n.requiredCagr)) return '—';
  // From a lower-bound level the true requirement is at most this; from an approximate one, about this.
  const mark = n.latest.qualifier === 'atLeast' ? '≤ ' : n.latest.qualifier === 'approx' ? '≈ ' : n.latest.qualifier === 'atMost' ? '≥ ' : '';
  return `${mark}${percent(n.requiredCagr)}/yr over ${n.years} yr`;
}

/** One sentence per tension, with its arithmetic. */
export function tensionText(tension: TargetTension): string {
  if (tension.kind === 'paceAboveCeiling') {
    return `${tension.targets[0]}: at the latest yearly pace (${formatNumber(tension.pace, 6)} a year) the total would reach ${formatNumber(tension.projectedTotal, 6)}, above the ceiling of ${formatNumber(tension.ceiling, 6)}`;
  }
  if (tension.kind === 'stepUp') {
    const latest = tension.latest!;
    const steps = tension.steps!.map((s, k) => {
      const from = k === 0 ? latest : { year: tension.steps![k - 1].year, value: tension.steps![k - 1].threshold };
      const years = s.year - from.year;
      return `${s.target} (${formatNumber(s.threshold, 6)} in ${s.year}) asks ${percent(s.growth)} a year: (${formatNumber(s.threshold, 6)} / ${formatNumber(from.value, 6)})^(1/${years}) − 1`;
    });
    const flagged = tension.steps!.findIndex((s) => s.year === tension.averageTo);
    const to = tension.steps![flagged];
    const jump = (to.growth - tension.steps![flagged - 1].growth) * 100;
    const start = `${tension.fromLowerBound ? 'at least ' : latest.kind === 'estimate' ? '≈ ' : ''}${formatNumber(latest.value, 6)} in ${latest.year}${latest.kind === 'estimate' ? ' (an estimate: no outturn yet)' : ''}${latest.series ? ` on ${latest.series}` : ''}`;
    const implied = (tension.implied ?? []).map((s) => `${s.target} (${formatNumber(s.threshold, 6)} in ${s.year}) asks nothing more`);
    return (
      `${tension.quantity}: from ${start}, ${steps.join('; then ')}` +
      ` — a step up of ${jump.toFixed(1)} percentage points a year (${(stepUpPoints * 100).toFixed(0)} or more is flagged); on average ${percent(tension.averageGrowth!)} a year from ${latest.year} to ${to.year}: (${formatNumber(to.threshold, 6)} / ${formatNumber(latest.value, 6)})^(1/${to.year - latest.year}) − 1` +
      (implied.length > 0 ? `; ${implied.join('; ')}` : '')
    );
  }
  const [level, growth] = tension.targets;
  const required = `${tension.fromLowerBound ? 'at most ' : ''}${percent(tension.requiredCagr!)} a year`;
  const verdict =
    tension.kind === 'growthBinds'
      ? `${growth} asks more (${percent(tension.growthFloor!)} a year gives ${formatNumber(tension.impliedLevel, 6)}): ${level} follows if ${growth} is met`
      : tension.kind === 'levelBinds'
        ? `${level} asks more than the ${percent(tension.growthFloor!)} floor of ${growth} (which gives only ${formatNumber(tension.impliedLevel, 6)})`
        : `they ask the same`;
  return `${level} needs ${required} on ${tension.quantity}; ${verdict}`;
}

export const targetsCommand: CommandDefinition = {
  builder: (yargs) =>
    yargs
      .option('as-of', { type: 'string', describe: 'only figures and targets published by this date (YYYY-MM-DD or YYYY-MM)' })
      .example('forecast targets', 'every target and what it asks')
      .example('forecast targets --as-of 2023-12', 'as the record stood at the end of 2023'),
  async run(argv, io) {
    const { data } = loadDataArgument(argv, io);
    const { needs, tensions } = targetsOverview(data);
    const vintage = dataVintage(data);
    const records = new Map(data.targets.map((t) => [t.id, recordVerdict(t, data, vintage)]));
    const rows = [
      ['target', 'region', 'kind', 'year', 'bound', 'series', 'latest FY', 'needs', 'on record'],
      ...needs.map((n) => {
        const record = records.get(n.target.id)!;
        // A target the record decides needs nothing more: its row says so instead of a growth.
        const needs = record.status === 'achieved' || record.status === 'missed' ? `— (${record.status} on record)` : needText(n);
        return [n.target.id, n.target.region, n.target.kind, String(n.target.year), boundText(n.target), n.target.series ?? '—', latestText(n), needs, record.status];
      }),
    ];
    const lines = [alignColumns(rows), ''];
    lines.push(`Read as (the reading of each sentence is in data/targets.yaml):`);
    for (const t of data.targets) lines.push(`  ${t.id}: ${targetKind(t.kind).describe(t)}`);
    lines.push('', `On record (figures published up to ${vintage}):`);
    const decided = [...records.entries()].filter(([, r]) => r.status !== 'open');
    if (decided.length === 0) lines.push('  no target decided yet');
    for (const [id, r] of decided) lines.push(`  ${id}: ${r.status} — ${r.judgement.reason}`);
    lines.push('', tensions.length === 0 ? 'No targets pull against each other.' : 'Targets that pull against each other:');
    for (const t of tensions) lines.push(`  ${tensionText(t)}`);
    lines.push('', `Required growth: (threshold / latest)^(1 / (year − latest year)) − 1, from the latest full-year level before the target year: an outturn, else an estimate (marked). Targets whose window has closed pull only against each other.`);
    io.stdout(lines.join('\n') + '\n');
    return exitCodes.ok;
  },
};
