// The compound law's band floor (docs/backtest.md §8): the factor per length class, learnt on hindcasts
// inside the M3 and tourism training parts, and the evidence for the rule.
//
//   node dist/bench/band-floor.js [--benchmarks ../shared/benchmarks]            # evidence: pseudo-tests, then the test parts once
//   node dist/bench/band-floor.js --write src/calibrate/compound-band-scale.ts   # the engine's stored factors
//
// Evidence, on pseudo-tests (each training part's last H values held out; the rules learn only from
// what is left): the compound law's own bands, the same bands widened by the class factor (the rule),
// and the rival rule — a floor at the default annual method's pooled band (its conformal table by
// class and horizon times the window's shrunk error scale) — from the whole pseudo-training part and
// from its last 7 values (Beijing's length). Then the test parts, scored once with the stored factors.
import { writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { BAND_SCALE_DRAWS, BAND_SCALE_HORIZON, bandScaleTable, compoundBandScaleFile } from '../src/backtest/band-scale-table.js';
import { compoundBandHindcasts } from '../src/backtest/compound-band-hindcasts.js';
import { lawForecaster } from '../src/backtest/law-forecaster.js';
import { lengthClassForecast, type LengthClassCalibration } from '../src/backtest/length-class-calibration.js';
import type { M3Series } from '../src/backtest/read-m3-csv.js';
import type { SampledForecast } from '../src/backtest/sampled-forecast.js';
import { scaledForecast } from '../src/backtest/scaled-forecast.js';
import { scoreForecasts, type GroupScores } from '../src/backtest/score-forecasts.js';
import { selectDefaultAnnualMethod } from '../src/backtest/select-default-annual-method.js';
import { bandFloorFactor } from '../src/calibrate/band-floor.js';
import type { AnnualForecast } from '../src/forecast/annual-forecast.js';
import { LENGTH_CLASSES, lengthClass } from '../src/forecast/length-class.js';
import { shrunkErrorScale } from '../src/forecast/shrunk-error-scale.js';
import { laws } from '../src/laws/registry.js';
import { benchArgs } from './bench-args.js';
import { readCollection } from './read-collection.js';

const values = benchArgs('node dist/bench/band-floor.js [--benchmarks DIR] [--write src/calibrate/compound-band-scale.ts]', { benchmarks: { type: 'string', default: '../shared/benchmarks' }, write: { type: 'string' } });
const files = ['m3-yearly.csv', 'tourism-yearly.csv'].map((name) => join(resolve(values.benchmarks!), name));
const collections = files.map((file) => ({ name: basename(file).replace(/\.csv$/, ''), series: readCollection(file) }));
const HORIZON = BAND_SCALE_HORIZON;
const DRAWS = BAND_SCALE_DRAWS;

/** The table from hindcasts of the raw compound law inside these training parts. */
const tableOf = (training: readonly (readonly number[])[]) => bandScaleTable(compoundBandHindcasts(training, { horizon: HORIZON, draws: DRAWS }), HORIZON, DRAWS);

if (values.write !== undefined) {
  const { table, source } = compoundBandScaleFile(collections, values.write);
  writeFileSync(values.write, source);
  console.log(`wrote ${values.write}: ${LENGTH_CLASSES.map((c) => `${c} ${table.byLengthClass[c].toFixed(3)} (${table.hindcasts[c]} hindcasts)`).join(', ')}`);
  process.exit(0);
}

const raw = lawForecaster(laws.compound, { draws: 500, seed: 1 });
const engine = lawForecaster(laws.compound, { draws: 500, seed: 1, pooledBandFloor: true });

/** The rival floor: the law's band, widened to the default's pooled band around the law's median where that is wider. */
function defaultFloor(forecast: SampledForecast, window: readonly number[], calibration: LengthClassCalibration, pooledScale: number): AnnualForecast {
  const pooled = lengthClassForecast(forecast.point, shrunkErrorScale(window, pooledScale), calibration, window.length);
  return {
    point: forecast.point,
    quantile: (p) => forecast.quantile(p).map((value, k) => (p < 0.5 ? Math.min(value, pooled.quantile(p)[k]) : p > 0.5 ? Math.max(value, pooled.quantile(p)[k]) : value)),
  };
}

const row = (label: string, s: GroupScores, short: GroupScores | undefined) =>
  `| ${label} | ${s.coverage80.toFixed(3)} | ${s.coverage95.toFixed(3)} | ${s.intervalScore80.toFixed(2)} | ${s.intervalScore95.toFixed(2)} | ${short ? `${short.coverage80.toFixed(3)} | ${short.coverage95.toFixed(3)}` : '– | –'} |`;
const shortOf = (scores: ReturnType<typeof scoreForecasts>) => {
  const members = scores.byLength.filter((g) => g.lengthClass === '<10' || g.lengthClass === '10-13');
  if (members.length === 0) return undefined;
  const n = members.reduce((sum, g) => sum + g.series, 0);
  const mean = (key: keyof GroupScores) => members.reduce((sum, g) => sum + g[key] * g.series, 0) / n;
  return { series: n, smape: mean('smape'), mase: mean('mase'), masePaper: mean('masePaper'), coverage80: mean('coverage80'), coverage95: mean('coverage95'), intervalScore80: mean('intervalScore80'), intervalScore95: mean('intervalScore95') };
};
const header = '| rule | cov80 | cov95 | IS80 | IS95 | cov80 < 14 | cov95 < 14 |\n|---|---:|---:|---:|---:|---:|---:|';

// 1. Pseudo-tests: the last H training values held out; both rules learn from what is left.
const pseudo = collections.map((c) => {
  const hold = Math.max(...c.series.map((entry) => entry.test.length));
  const series: M3Series[] = c.series
    .filter((entry) => entry.train.length >= hold + 3)
    .map((entry) => ({ ...entry, train: entry.train.slice(0, -hold), test: entry.train.slice(-hold) }));
  return { name: c.name, hold, series };
});
const pseudoTraining = pseudo.flatMap((c) => c.series.map((entry) => entry.train));
const started = performance.now();
const pseudoTable = tableOf(pseudoTraining);
const pseudoDefault = selectDefaultAnnualMethod(pseudoTraining, { horizon: HORIZON });
console.log(`pseudo-test factors (learnt on ${pseudoTraining.length} pseudo-training parts, ${((performance.now() - started) / 1000).toFixed(1)} s): ${LENGTH_CLASSES.map((c) => `${c} ${pseudoTable.byLengthClass[c].toFixed(3)}`).join(', ')}\n`);
for (const c of pseudo) {
  for (const last of [undefined, 7] as const) {
    const series = c.series.filter((entry) => last === undefined || entry.train.length >= last).map((entry) => (last === undefined ? entry : { ...entry, train: entry.train.slice(-last) }));
    const forecasts = series.map((entry) => raw.forecast(entry.train, c.hold));
    const rules: [string, AnnualForecast[]][] = [
      ["the law's own bands", forecasts],
      ['**widened by the class factor (the rule)**', forecasts.map((f, i) => scaledForecast(f, bandFloorFactor(pseudoTable, lengthClass(series[i].train.length))))],
      ["floored at the default's pooled band", forecasts.map((f, i) => defaultFloor(f, series[i].train, pseudoDefault.calibration!, pseudoDefault.pooledScale))],
    ];
    console.log(`${c.name} pseudo-test (last ${c.hold} training values held out; ${series.length} series, forecasts from ${last === undefined ? 'the whole pseudo-training part' : `its last ${last} values`})\n${header}`);
    for (const [label, made] of rules) {
      const scores = scoreForecasts(series, made, c.hold);
      console.log(row(label, scores, shortOf(scores)));
    }
    console.log('');
  }
}

// 2. The test parts, once, with the stored factors (learnt on the whole training parts).
for (const c of collections) {
  const horizon = Math.max(...c.series.map((entry) => entry.test.length));
  const own = scoreForecasts(c.series, c.series.map((entry) => raw.forecast(entry.train, horizon)), horizon);
  const floored = scoreForecasts(c.series, c.series.map((entry) => engine.forecast(entry.train, horizon)), horizon);
  console.log(`${c.name} test parts (${c.series.length} series, h = ${horizon}; the engine's compound law with the stored factors)\n${header}`);
  console.log(row("the law's own bands", own, shortOf(own)));
  console.log(row('**the engine: widened by the stored class factor**', floored, shortOf(floored)));
  console.log(`by length class (engine): ${floored.byLength.map((g) => `${g.lengthClass} ${g.series} series ${g.coverage80.toFixed(3)} / ${g.coverage95.toFixed(3)}`).join('; ')}\n`);
}

