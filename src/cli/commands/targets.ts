// `forecast targets`: every official target, the growth it needs from the latest full year on record, and the targets that pull against each other.
import { alignColumns } from '../../data/align-columns.js';
import { observationsOf } from '../../data/observations-of.js';
import { targetNeeds, type TargetNeed } from '../../data/target-needs.js';
import { targetTensions, type TargetTension } from '../../data/target-tensions.js';
import type { Target } from '../../data/types.js';
import { formatNumber } from '../../io/format-number.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { loadDataArgument, qualifierSymbol } from './data.js';

const percent = (rate: number, digits = 1) => `${(rate * 100).toFixed(digits)}%`;

/** `≥ 3000 亿元`, `> 1 万亿元`, `5–10 count`, `≈ 2000 亿元 ±5%`, `≥ 10.0%/yr`. */
function boundText(t: Target): string {
  const show = (v: number) => (t.unit === 'rate' ? percent(v) : formatNumber(v, 6));
  const unit = t.unit === 'rate' ? '/yr' : ` ${t.unit}`;
  if (t.approx !== undefined) return `≈ ${show(t.approx.value)}${unit} ±${percent(t.approx.tolerance, 0)}`;
  if (t.lower && t.upper) return `${show(t.lower.value)}–${show(t.upper.value)}${unit}${t.lower.inclusive ? '' : ' (exclusive)'}`;
  if (t.lower) return `${t.lower.inclusive ? '≥' : '>'} ${show(t.lower.value)}${unit}${t.aspiration !== undefined ? ` (aspiration ${show(t.aspiration)})` : ''}`;
  if (t.upper) return `${t.upper.inclusive ? '≤' : '<'} ${show(t.upper.value)}${unit}`;
  return '';
}

function latestText(n: TargetNeed): string {
  if (!n.latest) return '—';
  return `${n.latest.year}: ${qualifierSymbol[n.latest.qualifier]}${formatNumber(n.latest.value, 6)}`;
}

/** What the target asks, in words short enough for a table cell. */
function needText(n: TargetNeed): string {
  const t = n.target;
  const floor = t.lower ? (t.lower.inclusive ? '≥' : '>') : t.upper ? (t.upper.inclusive ? '≤' : '<') : '';
  if (t.kind === 'growthEachYear') return `${floor} ${percent(n.requiredCagr ?? Number.NaN)} every year ${t.fromYear}–${t.year}`;
  if (t.kind === 'cagr') return `${percent(n.requiredCagr ?? Number.NaN)}/yr on average ${t.fromYear}–${t.year}`;
  if (t.kind === 'cumulative') {
    if (n.counted === undefined) return '—';
    const parts = [n.latest ? `${formatNumber(n.counted, 6)} counted since ${t.baseYear}` : 'no flow on record'];
    if (n.requiredPerYear !== undefined) parts.push(n.requiredPerYear <= 0 ? 'floor met' : `needs ${formatNumber(n.requiredPerYear, 3)}/yr for ${n.years} yr`);
    if (n.room !== undefined) parts.push(`room ${formatNumber(n.room, 6)}`);
    return parts.join('; ');
  }
  if (!n.latest) return 'no full-year level on record';
  if (n.metOnRecord) return `met on record in ${n.latest.year}`;
  if (n.requiredCagr === undefined || !Number.isFinite(n.requiredCagr)) return '—';
  // From a lower-bound level the true requirement is at most this; from an approximate one, about this.
  const mark = n.latest.qualifier === 'atLeast' ? '≤ ' : n.latest.qualifier === 'approx' ? '≈ ' : n.latest.qualifier === 'atMost' ? '≥ ' : '';
  return `${mark}${percent(n.requiredCagr)}/yr over ${n.years} yr`;
}

/** One sentence per tension. */
function tensionText(t: TargetTension): string {
  if (t.kind === 'paceAboveCeiling') {
    return `${t.targets[0]}: at the latest yearly pace (${formatNumber(t.pace, 6)} a year) the total would reach ${formatNumber(t.projectedTotal, 6)}, above the ceiling of ${formatNumber(t.ceiling, 6)}: the range's upper end pulls against the pace on record`;
  }
  const [level, growth] = t.targets;
  const required = `${t.fromLowerBound ? 'at most ' : ''}${percent(t.requiredCagr!)} a year`;
  const verdict =
    t.kind === 'growthBinds'
      ? `${growth} asks more (${percent(t.growthFloor!)} a year gives ${formatNumber(t.impliedLevel, 6)}): ${level} follows if ${growth} is met`
      : t.kind === 'levelBinds'
        ? `${level} asks more than the ${percent(t.growthFloor!)} floor of ${growth} (which gives only ${formatNumber(t.impliedLevel, 6)})`
        : `they ask the same`;
  return `${level} needs ${required} on ${t.series}; ${verdict}`;
}

export const targetsCommand: CommandDefinition = {
  command: 'targets',
  describe: 'list every official target, the growth it needs from the latest full year on record, and targets that pull against each other',
  builder: (yargs) =>
    yargs
      .option('as-of', { type: 'string', describe: 'only figures and targets published by this date (YYYY-MM-DD or YYYY-MM)' })
      .example('forecast targets', 'every target and what it asks')
      .example('forecast targets --as-of 2023-12', 'as the record stood at the end of 2023'),
  async run(argv, io) {
    const { data } = loadDataArgument(argv, io);
    const needs = data.targets.map((t) => targetNeeds(t, t.series === undefined ? [] : observationsOf(data, t.series)));
    const rows = [
      ['target', 'region', 'kind', 'year', 'bound', 'series', 'latest FY', 'needs'],
      ...needs.map((n) => [n.target.id, n.target.region, n.target.kind, String(n.target.year), boundText(n.target), n.target.series ?? '—', latestText(n), needText(n)]),
    ];
    const lines = [alignColumns(rows), ''];
    const tensions = targetTensions(needs);
    lines.push(tensions.length === 0 ? 'No targets pull against each other.' : 'Targets that pull against each other:');
    for (const t of tensions) lines.push(`  ${tensionText(t)}`);
    lines.push('', `Required growth: (threshold / latest)^(1 / (year − latest year)) − 1, from the latest observed full-year level before the target year.`);
    io.stdout(lines.join('\n') + '\n');
    return exitCodes.ok;
  },
};
