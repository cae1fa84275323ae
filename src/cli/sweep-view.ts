// What a sweep prints and writes from the variants it kept: sweep.csv and sweep-effects.csv, the
// table of variants, what moves each target, and the plan of --dry-run (forecast sweep, forecast merge).
import { resolve } from 'node:path';
import { writeOutputsAtomically } from '../io/atomic-write.js';
import { judgedFromDraws, verdictBound } from '../evaluate/probability-bound.js';
import type { TargetVerdict } from '../evaluate/target-verdict.js';
import { sweepCsv, sweepVariantCsv } from '../output/sweep-table.js';
import { sweepEffectsCsv } from '../output/sweep-effects-table.js';
import type { Shard } from '../pipeline/shard-blocks.js';
import type { SweepPlan, SweepResult, SweepVariant } from '../planner/run-sweep.js';
import { sweepEffects, type SweepEffect, type SweepEffectTarget } from '../planner/sweep-effects.js';
import { variantRange } from '../planner/variant-range.js';
import type { CliIo } from './cli-io.js';
import { exitCodes } from './exit-codes.js';
import type { RunArguments } from './commands/run.js';

/**
 * `--dry-run`: the sweep as planned, every variant checked (planSweep), nothing run. Each path's
 * count of distinct values and its range, and with --shard the variants that shard would run.
 */
export function planSummary(scenario: string, draws: number, seed: number, plan: SweepPlan, design: string | undefined, shard: Shard | undefined): string {
  const from = design === undefined ? `a grid of ${plan.paths.length} path${plan.paths.length === 1 ? '' : 's'}` : `the rows of ${design}`;
  const lines = [`${scenario}: ${plan.grid.length} variants (${from}), ${draws} draws each, seed ${seed}; every variant checked against the model, nothing run or written`];
  const width = Math.max(...plan.paths.map((p) => p.length));
  plan.paths.forEach((path, j) => {
    const values = plan.grid.map((row) => row[j]);
    const distinct = new Set(values).size;
    const show = (x: number) => String(Number(x.toPrecision(6)));
    lines.push(`  ${path.padEnd(width)}  ${distinct} value${distinct === 1 ? '' : 's'}${distinct > 1 ? `, ${show(Math.min(...values))} to ${show(Math.max(...values))}` : `, ${show(values[0])}`}`);
  });
  if (shard) {
    const { first, end } = variantRange(plan.grid.length, shard);
    lines.push(`  shard ${shard.index} of ${shard.count}: ${end > first ? `variants ${first + 1}–${end} (${end - first})` : 'no variants'}`);
  }
  return lines.join('\n') + '\n';
}

/** What sweep.csv, sweep-effects.csv and the printed table need of one variant. */
export interface SweepVariantRows {
  /** Its rows of sweep.csv (sweepVariantCsv), as UTF-8. */
  readonly csv: Uint8Array;
  /** Each judged target, in data order: one array shared by every variant (they judge the same targets). */
  readonly targets: readonly SweepEffectTarget[];
  /** The variant's cell for each target in the printed table. */
  readonly cells: readonly string[];
  /** Each target's P(met) and median from the draws, [p₀, m₀, p₁, m₁, …]; NaN for a target the record decides. */
  readonly judged: Float64Array;
}

/** The `keep` of a sweep (runSweep, mergeSweep) whose sweep.csv is written with `precision` significant digits. */
export function sweepVariantRows(precision: number | undefined): (variant: SweepVariant, scenario: string) => SweepVariantRows {
  let shared: SweepEffectTarget[] = [];
  return ({ variant, values, outcome }, scenario) => {
    const verdicts = outcome.verdicts.filter((v) => v.status !== 'not judged');
    if (shared.length !== verdicts.length || verdicts.some((v, i) => v.target.id !== shared[i].id)) shared = verdicts.map(effectTarget);
    const judged = new Float64Array(2 * verdicts.length).fill(Number.NaN);
    verdicts.forEach((v, i) => {
      if (!judgedFromDraws(v)) return;
      judged[2 * i] = v.probabilityMet;
      judged[2 * i + 1] = v.projection?.p50 ?? Number.NaN;
    });
    return {
      csv: Buffer.from(sweepVariantCsv(scenario, variant, values, outcome, precision)),
      targets: shared,
      cells: verdicts.map(verdictCell),
      judged,
    };
  };
}

function effectTarget(v: TargetVerdict): SweepEffectTarget {
  const target = v.projection?.target ?? v.target;
  return { id: target.id, variable: v.projection?.variable ?? target.variable ?? '', unit: v.projection?.unit ?? target.unit ?? '', year: target.year, bound: verdictBound(v) };
}

/** A verdict in the printed table: on record its outcome; a projection its P(met), ≥ or ≤ for a proxy's bound, * for a nowcast. */
function verdictCell(v: TargetVerdict): string {
  if (!judgedFromDraws(v)) return v.status;
  const bound = verdictBound(v);
  return `${bound === 'lower' ? '≥' : bound === 'upper' ? '≤' : ''}${(v.probabilityMet * 100).toFixed(0)}%${v.judgedOn === 'nowcast' ? '*' : ''}`;
}

/** The effects of the sweep's paths on its targets (sweep-effects.ts), from what each variant kept. */
export function effectsOfSweep(sweep: SweepResult<SweepVariantRows>): SweepEffect[] {
  const targets = sweep.variants[0]?.outcome.targets ?? [];
  const columns = targets.map((target, i) => ({
    target,
    probability: sweep.variants.map((v) => v.outcome.judged[2 * i]),
    p50: sweep.variants.map((v) => v.outcome.judged[2 * i + 1]),
  }));
  return sweepEffects(sweep.paths, sweep.variants.map((v) => v.values), columns);
}

/** Writes sweep.csv and sweep-effects.csv (atomically) and prints the sweep's table. @returns exit code 0 */
export function writeSweepOutputs(sweep: SweepResult<SweepVariantRows>, args: Pick<RunArguments, 'out' | 'quiet' | 'precision'>, io: CliIo): number {
  const csv = sweepCsv(sweep.paths, sweep.variants.map((v) => v.outcome.csv));
  const effects = effectsOfSweep(sweep);
  writeOutputsAtomically(
    resolve(io.cwd, args.out),
    [
      { name: 'sweep.csv', content: csv },
      { name: 'sweep-effects.csv', content: sweepEffectsCsv(sweep.scenario, sweep.draws, sweep.seed, effects, args.precision) },
    ],
    { cwd: io.cwd, shown: args.out },
  );
  if (!args.quiet) {
    io.stdout(sweepSummary(sweep, effects));
    io.stdout(`wrote sweep.csv and sweep-effects.csv to ${args.out}/\n`);
  }
  return exitCodes.ok;
}

/** Up to this many variants the terminal shows a row for each; beyond, sweep.csv holds them. */
export const printedVariantsAtMost = 100;

/** Paths shown for each target under "what moves each target", the strongest first (sweep-effects.csv has all). */
const printedPathsAtMost = 3;

/**
 * Terminal view: one row per variant (up to printedVariantsAtMost), its values, then the verdict of
 * each target that differs between variants (columns T1 … Tn, named below); the targets every
 * variant gives the same verdict, once; then what moves each target.
 */
function sweepSummary(sweep: SweepResult<SweepVariantRows>, effects: readonly SweepEffect[]): string {
  const targets = sweep.variants[0]?.outcome.targets ?? [];
  const label = (i: number) => `T${i + 1}`;
  const same = targets.map((_, i) => sweep.variants.every((v) => v.outcome.cells[i] === sweep.variants[0].outcome.cells[i]));
  const moving = targets.flatMap((_, i) => (same[i] && sweep.variants.length > 1 ? [] : [i]));
  const lines = [`${sweep.scenario}: ${sweep.variants.length} variants × ${targets.length} targets (${sweep.draws} draws, seed ${sweep.seed}); P(met) per target`, ''];
  const tabled = sweep.variants.length <= printedVariantsAtMost;
  if (tabled) {
    const header = ['#', ...sweep.paths, ...moving.map(label)];
    const rows = sweep.variants.map((variant) => [
      String(variant.variant),
      ...variant.values.map((v) => String(Number(v.toPrecision(6)))),
      ...moving.map((i) => variant.outcome.cells[i]),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) => `  ${cells.map((c, i) => c.padStart(widths[i])).join('  ')}`;
    lines.push(line(header), ...rows.map(line), '');
  } else {
    lines.push(`  (a row for each of the ${sweep.variants.length} variants is in sweep.csv; the table shows up to ${printedVariantsAtMost})`, '');
  }
  if (tabled) moving.forEach((i) => lines.push(`  ${label(i)} = ${targets[i].id}`));
  const fixed = targets.flatMap((t, i) => (moving.includes(i) ? [] : [`${label(i)} ${t.id} ${sweep.variants[0].outcome.cells[i]}`]));
  if (fixed.length > 0) lines.push(...wrapped('the same in every variant: ', fixed, ' · '));
  lines.push('  (P(met) from the draws — ≥ a lower and ≤ an upper bound where a proxy judges the target, * a nowcast of a closed window; a target the record decides reads its outcome in every variant)');
  lines.push(...effectLines(sweep, effects, targets, label));
  return lines.join('\n') + '\n';
}

/** "What moves each target": for each target whose P(met) differs between variants, its strongest paths. */
function effectLines(sweep: SweepResult<SweepVariantRows>, effects: readonly SweepEffect[], targets: readonly SweepEffectTarget[], label: (i: number) => string): string[] {
  const moved = targets.flatMap((target, i) => {
    const rows = effects.filter((e) => e.target === target && Number.isFinite(e.prcc));
    return rows.length === 0 ? [] : [{ i, target, rows }];
  });
  if (moved.length === 0) return [];
  // Whole percents, but one decimal below 1% (so 0.1%–0.4% does not read as 0%–0%).
  const percent = (p: number) => `${(p * 100).toFixed(p > 0 && p < 0.01 ? 1 : 0)}%`;
  const signed = (r: number) => `${r < 0 ? '−' : '+'}${Math.abs(r).toFixed(2)}`;
  const heads = moved.map(({ i, target, rows }) => {
    const mark = target.bound === 'lower' ? '≥' : target.bound === 'upper' ? '≤' : '';
    return `${label(i)} ${target.id}  P(met) ${mark}${percent(rows[0].probabilityMin)}–${mark}${percent(rows[0].probabilityMax)}  R² ${rows[0].rankR2.toFixed(2)}`;
  });
  // Below this R² of the rank regression, the paths' monotone effects leave most of P(met)'s variation unexplained.
  const weak = 0.5;
  const width = Math.max(...heads.map((h) => h.length));
  return [
    '',
    `What moves each target across the ${sweep.variants.length} variants: the partial rank correlation of its P(met) with each path, the other paths held`,
    '(Marino et al. 2008; in parentheses where p ≥ 0.05, which the design\'s noise could give; R² of the rank regression on every path;',
    'every path and the medians\' in sweep-effects.csv):',
    ...moved.map(({ rows }, k) => {
      const paths = rows.slice(0, printedPathsAtMost).map((e) => `${e.path} ${e.pValue < 0.05 ? signed(e.prcc) : `(${signed(e.prcc)})`}`);
      const alone = rows.length === 1 && sweep.paths.length > 1 ? '  (no other path moves it)' : '';
      const unexplained = rows[0].rankR2 < weak ? '  (monotone effects explain little of it: look at its curve in sweep.csv)' : '';
      return `  ${heads[k].padEnd(width)}  ${paths.join('  ')}${alone}${unexplained}`;
    }),
  ];
}

/** `items` after `lead`, joined by `separator`, in lines of about 100 characters indented by two spaces. */
function wrapped(lead: string, items: readonly string[], separator: string): string[] {
  const lines: string[] = [];
  let line = `  ${lead}`;
  items.forEach((item, k) => {
    const piece = k < items.length - 1 ? `${item}${separator}` : item;
    if (line.length + piece.length > 100 && line.trim().length > lead.trim().length) {
      lines.push(line.trimEnd());
      line = '    ';
    }
    line += piece;
  });
  return [...lines, line];
}
