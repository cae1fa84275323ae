// M3 yearly accuracy benchmark: runs every annual method on the 645 M3 yearly series and sets the
// results beside the published M3 table and the R forecast reference run.
//
//   node dist/bench/m3-accuracy.js [--m3 ../shared/benchmarks/m3-yearly.csv] [--out out]
//                                  [--check bench/m3-baseline.json] [--no-laws] [--train-last N]
//                                  [--holdout-last N]
//   node dist/bench/m3-accuracy.js --write-ensemble-table src/laws/ensemble-error-quantiles.ts
//
// --holdout-last N (pseudo-test, training parts only): every series' last N training values become
// its test part and the M3 test part is dropped, so calibration choices can be judged without ever
// touching the M3 test years.
//
// Engine laws run as law:<name> (own intervals), law:<name>+cal (conformal) and law:<name>+scale (one
// factor), 500 draws per test forecast and 200 per hindcast (src/backtest/run-m3-laws.ts).
// Writes <out>/m3-metrics.csv. With --check, exits 1 when the default method's sMAPE exceeds the
// baseline by more than its tolerance, a coverage leaves its band or an interval score exceeds its
// ceiling (accuracy only, never timing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { ensembleErrorTable } from '../src/backtest/ensemble-error-table.js';
import { readM3Csv } from '../src/backtest/read-m3-csv.js';
import { m3MetricsCsv } from '../src/backtest/m3-metrics-csv.js';
import type { M3MetricsRow } from '../src/backtest/run-m3.js';
import { runM3Benchmark, type M3BenchmarkRow } from '../src/backtest/run-m3-benchmark.js';
import { runM3Laws } from '../src/backtest/run-m3-laws.js';
import type { M3Series } from '../src/backtest/read-m3-csv.js';
import { mase } from '../src/backtest/mase.js';
import { smape } from '../src/backtest/smape.js';
import { defaultAnnualMethod } from '../src/forecast/default-annual-method.js';

/** Stored regression figures for the default method (bench/m3-baseline.json). */
interface M3Baseline {
  method: string;
  smape: number;
  smapeTolerance: number;
  coverage80: { min: number; max: number };
  coverage95: { min: number; max: number };
  intervalScore80: { max: number };
  intervalScore95: { max: number };
}

const { values } = parseArgs({
  options: {
    m3: { type: 'string', default: '../shared/benchmarks/m3-yearly.csv' },
    out: { type: 'string', default: 'out' },
    check: { type: 'string' },
    'write-ensemble-table': { type: 'string' },
    'no-laws': { type: 'boolean', default: false },
    'train-last': { type: 'string' },
    'holdout-last': { type: 'string' },
  },
});
const m3Path = resolve(values.m3!);
if (values['write-ensemble-table'] !== undefined) {
  // The ensemble law's interval table, regenerated from the training parts (then stop).
  const table = ensembleErrorTable(readM3Csv(readFileSync(m3Path, 'utf8')));
  const rows = (values: readonly number[]) => `[${values.map((v) => Number(v.toFixed(5))).join(', ')}]`;
  const source = [
    '// GENERATED: the ensemble law\'s per-horizon symmetric quantiles q_k(p) = sign(p − ½)·Q_k(|2p − 1|), Q_k the',
    '// quantiles of the absolute standardised log errors |ln(y/ŷ)|/s of the default annual method (median of DOTM,',
    '// log Theta, log drift; s = logChangeScale), from rolling-origin hindcasts inside the 645 M3 yearly training',
    '// parts (latest 10 origins per series, h ≤ 6; src/backtest/ensemble-error-table.ts). Regenerate with',
    '//   npx tsc -p tsconfig.build.json && node dist/bench/m3-accuracy.js --write-ensemble-table src/laws/ensemble-error-quantiles.ts',
    '// Do not edit by hand; test/laws/ensemble-error-quantiles.test.ts re-derives it when the M3 data is present.',
    '',
    '/**',
    ' * q_k(p_j): `byHorizon[k − 1][j]` is the p_j-quantile of ln(y/ŷ)/s at horizon k (k = 1..6); `samples[k − 1]` hindcasts behind it.',
    ' * Source: ../shared/benchmarks/m3-yearly.csv (Makridakis & Hibon 2000, via R package Mcomp 2.8).',
    ' * @example ensembleErrorQuantiles.probabilities[51]; // => 0.5',
    ' */',
    'export const ensembleErrorQuantiles: {',
    '  readonly probabilities: readonly number[];',
    '  readonly byHorizon: readonly (readonly number[])[];',
    '  readonly samples: readonly number[];',
    '} = {',
    `  probabilities: ${rows(table.probabilities)},`,
    '  byHorizon: [',
    ...table.byHorizon.map((row) => `    ${rows(row)},`),
    '  ],',
    `  samples: ${rows(table.samples)},`,
    '};',
    '',
  ].join('\n');
  writeFileSync(values['write-ensemble-table'], source);
  console.log(`wrote ${values['write-ensemble-table']} (${table.samples.join(', ')} hindcasts by horizon)`);
  process.exit(0);
}
const benchmarkStarted = performance.now();
const holdoutLast = values['holdout-last'] === undefined ? undefined : Number(values['holdout-last']);
const m3 = readM3Csv(readFileSync(m3Path, 'utf8')).map((entry) =>
  holdoutLast === undefined ? entry : { ...entry, train: entry.train.slice(0, -holdoutLast), test: entry.train.slice(-holdoutLast) },
);
if (holdoutLast !== undefined) console.log(`pseudo-test: the last ${holdoutLast} training values of each series are its test part; the M3 test part is not read\n`);
// --train-last N: keep only the last N training values of every series (short histories, as in the
// Beijing data); the annual methods then run without their hindcast calibration (default only).
const trainLast = values['train-last'] === undefined ? undefined : Number(values['train-last']);
const rows = trainLast === undefined
  ? runM3Benchmark(m3, { laws: values['no-laws'] ? [] : undefined })
  : runM3ShortHistories(m3.map((entry) => ({ ...entry, train: entry.train.slice(-trainLast) })));
const wallSeconds = (performance.now() - benchmarkStarted) / 1000;

/** Short histories: the default method's point forecasts (no hindcasts possible) and the raw law rows. */
function runM3ShortHistories(series: readonly M3Series[]): M3BenchmarkRow[] {
  const started = performance.now();
  let smapeTotal = 0;
  let maseTotal = 0;
  const byHorizon = new Array<number>(6).fill(0);
  for (const entry of series) {
    const point = defaultAnnualMethod.forecast(entry.train, 6).point;
    const test = entry.test.slice(0, 6);
    smapeTotal += smape(test, point);
    maseTotal += mase(entry.train, test, point);
    test.forEach((value, k) => (byHorizon[k] += smape([value], [point[k]])));
  }
  const nan = Number.NaN;
  const seconds = (performance.now() - started) / 1000;
  return [
    { method: 'default', description: defaultAnnualMethod.name, smape: smapeTotal / series.length, mase: maseTotal / series.length, coverage80: nan, coverage95: nan,
      coverage80Model: nan, coverage95Model: nan, intervalScore80: nan, intervalScore95: nan, hindcastSmape: nan, seconds, smapeByHorizon: byHorizon.map((total) => total / series.length) },
    ...runM3Laws(series),
  ];
}

// 1. CSV output (columns: docs/backtest.md).
const horizons = rows[0].smapeByHorizon.map((_, k) => `smape_h${k + 1}`);
mkdirSync(values.out!, { recursive: true });
const outFile = join(values.out!, 'm3-metrics.csv');
writeFileSync(outFile, m3MetricsCsv(rows));

// 2. Aligned text: ours, then the R reference run and the published figures.
const table = (head: string[], body: string[][]): string => {
  const widths = head.map((title, i) => Math.max(title.length, ...body.map((line) => (line[i] ?? '').length)));
  const render = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [render(head), render(widths.map((w) => '-'.repeat(w))), ...body.map(render)].join('\n');
};
const pct = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '');
const fraction = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '');
const ours = rows.map((row) => [
  row.method === 'default' ? `default (= ${row.description})` : row.method,
  pct(row.smape),
  fraction(row.mase),
  fraction(row.coverage80),
  fraction(row.coverage95),
  fraction(row.coverage80Model),
  fraction(row.coverage95Model),
  pct(row.intervalScore80),
  pct(row.intervalScore95),
  row.seconds.toFixed(2),
  ...row.smapeByHorizon.map(pct),
]);
const hHeads = horizons.map((_, k) => `h${k + 1}`);
console.log(`M3 yearly, ${rows.length} methods, h = ${horizons.length} (${m3Path})\n`);
console.log('This engine (coverage = calibrated intervals; _model = the method\'s own Gaussian intervals; IS = log interval score ×100 of the calibrated intervals, lower is better)');
console.log(table(['method', 'sMAPE', 'MASE', 'cov80', 'cov95', 'cov80_model', 'cov95_model', 'IS80', 'IS95', 'seconds', ...hHeads], ours));

const readCsv = (file: string): Record<string, string>[] => {
  try {
    return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch {
    return [];
  }
};
const benchmarks = dirname(m3Path);
const reference = readCsv(join(benchmarks, 'm3-yearly-r-reference.csv'));
if (reference.length > 0) {
  console.log('\nR forecast 8.20 reference run (m3-yearly-r-reference.csv)');
  console.log(
    table(
      ['method', 'sMAPE', 'MASE', 'cov80', 'cov95', ...hHeads],
      reference.map((r) => [r.method, r.smape_avg, r.mase_avg, r.coverage80, r.coverage95, ...hHeads.map((_, k) => r[`smape_h${k + 1}`] ?? '')]),
    ),
  );
}
const published = readCsv(join(benchmarks, 'm3-yearly-published.csv'));
if (published.length > 0) {
  console.log('\nPublished (m3-yearly-published.csv)');
  console.log(
    table(
      ['method', 'sMAPE', 'MASE', ...hHeads, 'source'],
      published.map((r) => [r.method, r.smape_avg_1_6, r.mase_avg, ...hHeads.map((_, k) => r[`smape_h${k + 1}`] ?? ''), r.source.slice(0, 48)]),
    ),
  );
}
const notes = rows.filter((row) => 'note' in row && row.note !== '' && !row.method.includes('+'));
if (notes.length > 0) console.log(`\nNotes on engine laws\n${notes.map((row) => `  ${row.method}: ${'note' in row ? row.note : ''}`).join('\n')}`);
console.log(`\nwrote ${outFile}; whole run ${wallSeconds.toFixed(1)} s wall time (law rows share one timing per law)`);

// 3. Regression guard.
if (values.check !== undefined && holdoutLast !== undefined) {
  console.error('m3 check skipped: the baseline is for the M3 test parts, not a --holdout-last pseudo-test');
  process.exitCode = 1;
} else if (values.check !== undefined) {
  const baseline = JSON.parse(readFileSync(values.check, 'utf8')) as M3Baseline;
  const chosen = rows.find((row) => row.method === 'default') as M3MetricsRow;
  const problems: string[] = [];
  if (chosen.description !== baseline.method) problems.push(`default method is ${chosen.description}, baseline was measured for ${baseline.method}`);
  if (chosen.smape > baseline.smape + baseline.smapeTolerance) {
    problems.push(`default sMAPE ${chosen.smape.toFixed(4)} exceeds baseline ${baseline.smape} + ${baseline.smapeTolerance}`);
  }
  for (const key of ['coverage80', 'coverage95'] as const) {
    const band = baseline[key];
    if (chosen[key] < band.min || chosen[key] > band.max) problems.push(`default ${key} ${chosen[key].toFixed(4)} outside [${band.min}, ${band.max}]`);
  }
  for (const key of ['intervalScore80', 'intervalScore95'] as const) {
    if (chosen[key] > baseline[key].max) problems.push(`default ${key} ${chosen[key].toFixed(2)} exceeds ${baseline[key].max}`);
  }
  if (problems.length > 0) {
    console.error(`m3 check failed:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else {
    console.log(`m3 check passed: default sMAPE ${chosen.smape.toFixed(4)} ≤ ${baseline.smape} + ${baseline.smapeTolerance}; coverage within bands; interval scores below their ceilings`);
  }
}
