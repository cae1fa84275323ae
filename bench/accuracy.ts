// Accuracy yardsticks: every annual method, the protocol's default and the engine's laws on M3 yearly
// (645 series, h = 6) and tourism yearly (518 series, h = 4), or on any collection in the same layout,
// set beside the R forecast reference run and the published tables.
//
//   node dist/bench/accuracy.js [--benchmarks ../shared/benchmarks] [--collection FILE …] [--horizon H]
//                               [--out out] [--check bench/accuracy-baseline.json] [--no-laws]
//                               [--pseudo-test | --holdout-last N] [--train-last N] [--default-only]
//   node dist/bench/accuracy.js --write-default-calibration src/forecast/default-annual-calibration.ts
//
// The default is chosen per collection by the selection protocol (docs/backtest.md §0) from the
// training parts only; the test parts are scored after the choice.
// --pseudo-test: each series' last H training values become its test part and the real test part is
// dropped (--holdout-last N: the last N); nothing of the real test parts is read.
// --train-last N: only the last N training values of every series (short histories).
// --default-only: the protocol's default alone (no other method, no law): its time on one core.
// Writes <out>/<collection>-metrics.csv and <collection>-by-length.csv as `forecast backtest --m3` does
// (the output folder's rules and its switch of whole generations: docs/outputs.md; the folder is
// checked before the work). With --check, exits 1 when the
// default's figures differ from the stored ones (bench/accuracy-baseline.json: what the protocol
// produced, not bands; accuracy only, never timing).
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { accuracyByLengthCsv, accuracyMetricsCsv } from '../src/backtest/accuracy-metrics-csv.js';
import { defaultCalibrationSource } from '../src/backtest/default-calibration-source.js';
import type { M3Series } from '../src/backtest/read-m3-csv.js';
import type { AccuracyRow } from '../src/backtest/run-accuracy.js';
import { runAccuracyBenchmark } from '../src/backtest/run-accuracy-benchmark.js';
import { selectDefaultAnnualMethod } from '../src/backtest/select-default-annual-method.js';
import { LENGTH_CLASSES } from '../src/forecast/length-class.js';
import { InputError } from '../src/errors/input-error.js';
import { writeOutputsAtomically, type OutputFile } from '../src/io/atomic-write.js';
import { checkOutputFolder } from '../src/io/output-folder.js';
import { benchArgs, fail, positiveInteger } from './bench-args.js';
import { readCollection, requireCollection } from './read-collection.js';

const usage = `node dist/bench/accuracy.js [--benchmarks DIR] [--collection FILE …] [--horizon H] [--out DIR] [--check FILE] [--no-laws]
                           [--pseudo-test | --holdout-last N] [--train-last N] [--default-only]
       node dist/bench/accuracy.js --write-default-calibration FILE`;
const values = benchArgs(usage, {
    benchmarks: { type: 'string', default: '../shared/benchmarks' },
    collection: { type: 'string', multiple: true },
    horizon: { type: 'string' },
    out: { type: 'string', default: 'out' },
    check: { type: 'string' },
    'write-default-calibration': { type: 'string' },
    'no-laws': { type: 'boolean', default: false },
    'default-only': { type: 'boolean', default: false },
    'pseudo-test': { type: 'boolean', default: false },
    'holdout-last': { type: 'string' },
    'train-last': { type: 'string' },
});

/** The two yardsticks run by default; any other collection takes H from its longest test part. */
const benchmarks = resolve(values.benchmarks!);
const yardsticks = values.collection?.map((file) => resolve(file)) ?? [join(benchmarks, 'm3-yearly.csv'), join(benchmarks, 'tourism-yearly.csv')];
const horizonOption = positiveInteger(values.horizon, 'horizon');
const holdoutLast = positiveInteger(values['holdout-last'], 'holdout-last');
const trainLast = positiveInteger(values['train-last'], 'train-last');
const pseudo = values['pseudo-test'] || holdoutLast !== undefined;
for (const file of yardsticks) requireCollection(file);
const nameOf = (file: string) => basename(file).replace(/\.csv$/i, '');
/** Training parts only: the test parts are dropped at once. */
const trainingOnly = (file: string): M3Series[] => readCollection(file).map((entry) => ({ ...entry, test: [] }));

if (values['write-default-calibration'] !== undefined) {
  // The engine's stored default: the protocol on the union of the yardsticks' training parts, H = 6.
  const sources = yardsticks.map((file) => ({ file, series: trainingOnly(file) }));
  const selection = selectDefaultAnnualMethod(sources.flatMap((source) => source.series.map((entry) => entry.train)), { horizon: horizonOption ?? 6 });
  const command = `npx tsc -p tsconfig.build.json && node dist/bench/accuracy.js --write-default-calibration ${values['write-default-calibration']}`;
  writeFileSync(values['write-default-calibration'], defaultCalibrationSource(selection, sources.map((s) => `${basename(s.file)} (${s.series.length} series)`), command));
  console.log(`wrote ${values['write-default-calibration']}: w = ${selection.trendWeight}, S = ${selection.pooledScale.toFixed(4)}`);
  process.exit(0);
}

interface Baseline {
  readonly [collection: string]: {
    readonly trendWeight: number;
    readonly smape: number;
    readonly masePaper: number;
    readonly coverage80: number;
    readonly coverage95: number;
    readonly intervalScore80: number;
    readonly intervalScore95: number;
  };
}
const baseline = values.check === undefined ? undefined : (JSON.parse(readFileSync(values.check, 'utf8')) as Baseline);
if (baseline !== undefined && (pseudo || trainLast !== undefined)) {
  console.error('--check compares the real test parts with the stored figures; it cannot be combined with --pseudo-test, --holdout-last or --train-last');
  process.exit(2);
}
const problems: string[] = [];
const started = performance.now();
/** An --out problem is exit 2 with its message, as the CLI gives it. */
function outputFolderOrExit(write: () => void): void {
  try {
    write();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    fail(error.message);
  }
}
const out = resolve(values.out!);
outputFolderOrExit(() => checkOutputFolder(out, { shown: values.out }));
const outputs: OutputFile[] = [];

for (const file of yardsticks) {
  const name = nameOf(file);
  let series = readCollection(file);
  const horizon = horizonOption ?? (pseudo ? undefined : Math.max(...series.map((entry) => entry.test.length)));
  if (pseudo) {
    const hold = holdoutLast ?? Math.max(...series.map((entry) => entry.test.length));
    series = series.map((entry) => ({ ...entry, train: entry.train.slice(0, -hold), test: entry.train.slice(-hold) }));
    const dropped = series.filter((entry) => entry.train.length < 1);
    series = series.filter((entry) => entry.train.length >= 1);
    console.log(`\n${name}: pseudo-test — the last ${hold} training values of each series are its test part; the real test parts are not read${dropped.length > 0 ? ` (${dropped.length} series with no training value left are dropped)` : ''}`);
  }
  if (trainLast !== undefined) series = series.map((entry) => ({ ...entry, train: entry.train.slice(-trainLast) }));
  const defaultOnly = values['default-only'];
  const { rows, selection, horizon: h } = runAccuracyBenchmark(series, { horizon, methods: defaultOnly ? [] : undefined, laws: values['no-laws'] || defaultOnly ? [] : undefined });
  outputs.push({ name: `${name}-metrics.csv`, content: accuracyMetricsCsv(rows) }, { name: `${name}-by-length.csv`, content: accuracyByLengthCsv(rows) });
  printCollection(name, file, series, rows, selection, h);
  const chosen = rows.find((row) => row.method === 'default') as AccuracyRow;
  const stored = baseline?.[name];
  if (baseline !== undefined) {
    if (stored === undefined) problems.push(`${name}: no stored figures in ${values.check}`);
    else {
      if (selection.trendWeight !== stored.trendWeight) problems.push(`${name}: the protocol chose w = ${selection.trendWeight}, stored ${stored.trendWeight}`);
      if (chosen.smape > stored.smape + 0.01) problems.push(`${name}: default sMAPE ${chosen.smape.toFixed(4)} exceeds the stored ${stored.smape} + 0.01`);
      for (const key of ['masePaper', 'coverage80', 'coverage95', 'intervalScore80', 'intervalScore95'] as const) {
        const tolerance = key.startsWith('coverage') ? 0.002 : key === 'masePaper' ? 0.001 : 0.1;
        if (!(Math.abs(chosen[key] - stored[key]) <= tolerance)) problems.push(`${name}: default ${key} ${chosen[key].toFixed(4)} differs from the stored ${stored[key]} by more than ${tolerance}`);
      }
    }
  }
}
outputFolderOrExit(() => writeOutputsAtomically(out, outputs, { shown: values.out }));
console.log(`\nwrote ${yardsticks.map((file) => `${nameOf(file)}-metrics.csv, ${nameOf(file)}-by-length.csv`).join(', ')} to ${values.out}; whole run ${((performance.now() - started) / 1000).toFixed(1)} s wall time`);
if (baseline !== undefined) {
  if (problems.length > 0) {
    console.error(`accuracy check failed:\n  ${problems.join('\n  ')}`);
    process.exitCode = 1;
  } else console.log(`accuracy check passed: the default reproduces the stored figures (${values.check})`);
}

function printCollection(name: string, file: string, series: readonly M3Series[], rows: readonly AccuracyRow[], selection: ReturnType<typeof selectDefaultAnnualMethod>, horizon: number): void {
  const pct = (value: number): string => (Number.isFinite(value) ? value.toFixed(2) : '');
  const frac = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : '');
  const hHeads = Array.from({ length: horizon }, (_, k) => `h${k + 1}`);
  console.log(`\n=== ${name}: ${series.length} series, h = ${horizon} (${file})`);
  console.log(`\nThe protocol's choice (training parts only): w = ${selection.trendWeight}; S = ${selection.pooledScale.toFixed(4)}; hindcasts by horizon ${selection.hindcastCounts.join(', ')}`);
  console.log(table(['w', 'hindcast sMAPE (balanced)', ...hHeads], selection.weights.map((w, j) => [`${w}${w === selection.trendWeight ? ' *' : ''}`, pct(selection.hindcastScore[j]), ...selection.hindcastSmape[j].map(pct)])));
  console.log('\nThis engine (coverage, IS = calibrated intervals; _model = the method\'s own; IS = log interval score ×100, lower is better; MASE_p = paper scale)');
  console.log(table(
    ['method', 'sMAPE', 'MASE', 'MASE_p', 'cov80', 'cov95', 'cov80_model', 'cov95_model', 'IS80', 'IS95', 'fallbacks', 'seconds', ...hHeads],
    rows.map((row) => [row.method === 'default' ? `default (w = ${selection.trendWeight})` : row.method, pct(row.smape), frac(row.mase), frac(row.masePaper), frac(row.coverage80), frac(row.coverage95),
      frac(row.coverage80Model), frac(row.coverage95Model), pct(row.intervalScore80), pct(row.intervalScore95), Number.isFinite(row.fallbacks) ? String(row.fallbacks) : '', row.seconds.toFixed(2), ...row.smapeByHorizon.map(pct)]),
  ));
  const classes = LENGTH_CLASSES.filter((c) => rows[0].byLength.some((group) => group.lengthClass === c));
  console.log(`\nBy training length (series: ${classes.map((c) => `${c} ${rows[0].byLength.find((group) => group.lengthClass === c)!.series}`).join(', ')}): sMAPE / cov80 / cov95`);
  console.log(table(['method', ...classes.flatMap((c) => [`${c} sMAPE`, 'cov80', 'cov95'])], rows.filter((row) => row.byLength.length > 0).map((row) => [
    row.method, ...classes.flatMap((c) => { const group = row.byLength.find((g) => g.lengthClass === c); return group ? [pct(group.smape), frac(group.coverage80), frac(group.coverage95)] : ['', '', '']; }),
  ])));
  if (pseudo || trainLast !== undefined) return;
  const reference = readCsv(join(dirname(file), `${name}-r-reference.csv`));
  if (reference.length > 0) {
    const paper = 'mase_paper_avg' in reference[0];
    console.log(`\nR forecast 8.20 reference run (${name}-r-reference.csv)`);
    console.log(table(['method', 'sMAPE', 'MASE', ...(paper ? ['MASE_p'] : []), 'cov80', 'cov95', ...hHeads],
      reference.map((r) => [r.method, r.smape_avg, r.mase_avg, ...(paper ? [r.mase_paper_avg] : []), r.coverage80, r.coverage95, ...hHeads.map((_, k) => r[`smape_h${k + 1}`] ?? '')])));
  }
  const published = readCsv(join(dirname(file), `${name}-published.csv`));
  if (published.length > 0 && 'measure' in published[0]) {
    // One row per method and measure (tourism): pivot to the averages over h = 1..H.
    const methods = [...new Set(published.map((r) => r.method))];
    const measures = [...new Set(published.map((r) => r.measure))];
    console.log(`\nPublished (${name}-published.csv; averages over h = 1..${horizon}; MASE on the paper's scale)`);
    console.log(table(['method', ...measures], methods.map((m) => [m, ...measures.map((measure) => published.find((r) => r.method === m && r.measure === measure)?.avg_1_4 ?? '')])));
  } else if (published.length > 0) {
    console.log(`\nPublished (${name}-published.csv)`);
    console.log(table(['method', 'sMAPE', 'MASE', ...hHeads, 'source'], published.map((r) => [r.method, r.smape_avg_1_6, r.mase_avg, ...hHeads.map((_, k) => r[`smape_h${k + 1}`] ?? ''), r.source.slice(0, 40)])));
  }
  const notes = rows.filter((row) => row.note !== '' && !row.method.includes('+'));
  if (notes.length > 0) console.log(`\nNotes\n${notes.map((row) => `  ${row.method}: ${row.note}`).join('\n')}`);
}

function table(head: string[], body: string[][]): string {
  const widths = head.map((title, i) => Math.max(title.length, ...body.map((line) => (line[i] ?? '').length)));
  const render = (cells: string[]): string => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [render(head), render(widths.map((w) => '-'.repeat(w))), ...body.map(render)].join('\n');
}

function readCsv(path: string): Record<string, string>[] {
  try {
    return parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch {
    return [];
  }
}
