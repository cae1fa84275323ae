// The pseudo-test evidence behind the selection protocol (docs/backtest.md §0.2): training parts only.
//
//   node dist/bench/protocol-evidence.js [--benchmarks ../shared/benchmarks] [--no-subsets]
//
// Each yardstick's test parts are dropped at load. A pseudo-test of depth d holds out the last H values
// of each training part after dropping (d − 1)·H more (series with at least H + 3 values are kept);
// the protocol, or a rival rule, runs on what is left and is scored on the held-out values.
//   A. the drift weight w the protocol chooses, against the best w in hindsight, w = 0 and w = 1;
//   B. the rejected rival: choosing among 288 combinations (162 means, 126 medians) of up to four of
//      eight methods by the same hindcast criterion (depths 1 and 2);
//   C. interval rules: error scales (own, whole training part, shrunk with k = 2, 3, 5, pooled only)
//      and pools (by length class or all together) for the chosen w;
//   D. robust slopes for D (Theil–Sen, median of differences, least squares, the last five years).
import { join, resolve } from 'node:path';
import { calibratedQuantile } from '../src/backtest/calibrate-intervals.js';
import { defaultMemberHindcasts, mixedHindcastPoint } from '../src/backtest/default-member-hindcasts.js';
import { calibrateByLengthClass, type LengthClassCalibration } from '../src/backtest/length-class-calibration.js';
import type { M3Series } from '../src/backtest/read-m3-csv.js';
import { selectDefaultAnnualMethod, TREND_WEIGHTS } from '../src/backtest/select-default-annual-method.js';
import { smape } from '../src/backtest/smape.js';
import type { AnnualMethod } from '../src/forecast/annual-method.js';
import { annualMethods } from '../src/forecast/annual-methods.js';
import { forecastDefaultMembers, mixDefaultMembers } from '../src/forecast/default-members.js';
import { lengthClass } from '../src/forecast/length-class.js';
import { logChangeMoments } from '../src/forecast/log-change-scale.js';
import { shrunkErrorScale } from '../src/forecast/shrunk-error-scale.js';
import { benchArgs } from './bench-args.js';
import { readCollection } from './read-collection.js';

const values = benchArgs('node dist/bench/protocol-evidence.js [--benchmarks DIR] [--no-subsets]', { benchmarks: { type: 'string', default: '../shared/benchmarks' }, 'no-subsets': { type: 'boolean', default: false } });
const yardsticks = [
  { name: 'M3', file: 'm3-yearly.csv', horizon: 6 },
  { name: 'tourism', file: 'tourism-yearly.csv', horizon: 4 },
];
interface PseudoTest { readonly label: string; readonly horizon: number; readonly series: readonly M3Series[] }
const pseudoTests: PseudoTest[] = yardsticks.flatMap(({ name, file, horizon }) => {
  const training = readCollection(join(resolve(values.benchmarks!), file)).map((entry) => entry.train);
  return [1, 2, 3].map((depth) => {
    const series = training
      .map((train) => train.slice(0, train.length - (depth - 1) * horizon))
      .filter((train) => train.length >= horizon + 3)
      .map((train, index) => ({ id: String(index), category: '', train: train.slice(0, -horizon), test: train.slice(-horizon) }));
    return { label: `${name} d${depth}`, horizon, series };
  });
});
const pct = (value: number) => value.toFixed(2);
const mean = (list: readonly number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;
const seriesSmape = (test: readonly number[], point: readonly number[]) => smape(test, point.slice(0, test.length));

// A. The drift weight.
console.log('A. Drift weight w chosen on hindcasts inside the pseudo-training parts, scored on the pseudo-test (sMAPE)\n');
console.log('| pseudo-test | series | w chosen | sMAPE | best w in hindsight | sMAPE | w = 0 (previous default) | w = 1 (drift) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
const chosenWeights = new Map<string, number>();
for (const pseudo of pseudoTests) {
  const selection = selectDefaultAnnualMethod(pseudo.series.map((entry) => entry.train), { horizon: pseudo.horizon });
  chosenWeights.set(pseudo.label, selection.trendWeight);
  const members = pseudo.series.map((entry) => forecastDefaultMembers(entry.train, pseudo.horizon));
  const scores = TREND_WEIGHTS.map((w) => mean(pseudo.series.map((entry, i) => seriesSmape(entry.test, mixDefaultMembers(members[i], w).point))));
  const best = scores.indexOf(Math.min(...scores));
  const chosen = TREND_WEIGHTS.indexOf(selection.trendWeight);
  console.log(`| ${pseudo.label} | ${pseudo.series.length} | ${selection.trendWeight} | ${pct(scores[chosen])} | ${TREND_WEIGHTS[best]} | ${pct(scores[best])} | ${pct(scores[0])} | ${pct(scores.at(-1)!)} |`);
}

// B. The rejected rival: many combinations, chosen by the same criterion.
if (!values['no-subsets']) {
  const pool = ['naive', 'drift', 'log_drift', 'theta', 'log_theta', 'dotm', 'damped', 'holt'].map((name) => annualMethods.find((m) => m.name === name)!);
  const candidates: { members: number[]; how: 'mean' | 'median' }[] = [];
  for (let mask = 1; mask < 1 << pool.length; mask += 1) {
    const members = pool.map((_, i) => i).filter((i) => mask & (1 << i));
    if (members.length > 4) continue;
    candidates.push({ members, how: 'mean' });
    if (members.length >= 3) candidates.push({ members, how: 'median' });
  }
  const pointsOf = (train: readonly number[], h: number) => pool.map((m: AnnualMethod) => {
    try {
      return train.length >= m.minimumLength ? [...m.forecast(train, h).point] : new Array<number>(h).fill(Number.NaN);
    } catch {
      return new Array<number>(h).fill(Number.NaN);
    }
  });
  const combine = (points: number[][], k: number, c: (typeof candidates)[number], fallback: number) => {
    const list = c.members.map((i) => points[i][k]).filter(Number.isFinite).sort((a, b) => a - b);
    if (list.length === 0) return fallback;
    if (c.how === 'mean') return mean(list);
    const middle = list.length >> 1;
    return list.length % 2 === 1 ? list[middle] : (list[middle - 1] + list[middle]) / 2;
  };
  console.log(`\nB. Rival rule: the best of ${candidates.length} mean/median combinations of up to four of ${pool.map((m) => m.name).join(', ')}, by the same hindcast criterion\n`);
  console.log('| pseudo-test | chosen combination | its sMAPE | its rank on the pseudo-test | best combination in hindsight | sMAPE | protocol (w chosen) |');
  console.log('|---|---|---:|---:|---|---:|---:|');
  for (const pseudo of pseudoTests.filter((p) => !p.label.endsWith('d3'))) {
    const H = pseudo.horizon;
    const totals = candidates.map(() => new Array<number>(H).fill(0));
    const counts = new Array<number>(H).fill(0);
    for (const entry of pseudo.series) {
      const n = entry.train.length;
      for (let origin = Math.max(4, n - 10); origin < n; origin += 1) {
        const steps = Math.min(H, n - origin);
        const points = pointsOf(entry.train.slice(0, origin), steps);
        for (let k = 0; k < steps; k += 1) {
          counts[k] += 1;
          candidates.forEach((c, j) => (totals[j][k] += smape([entry.train[origin + k]], [combine(points, k, c, entry.train[origin - 1])])));
        }
      }
    }
    const criterion = totals.map((row) => mean(row.map((total, k) => total / counts[k])));
    const chosen = criterion.indexOf(Math.min(...criterion));
    const testPoints = pseudo.series.map((entry) => pointsOf(entry.train, H));
    const test = candidates.map((c) => mean(pseudo.series.map((entry, i) => seriesSmape(entry.test, Array.from({ length: H }, (_, k) => combine(testPoints[i], k, c, entry.train.at(-1)!))))));
    const order = test.map((_, j) => j).sort((a, b) => test[a] - test[b]);
    const label = (c: (typeof candidates)[number]) => `${c.members.length > 1 ? `${c.how}(` : ''}${c.members.map((i) => pool[i].name).join(', ')}${c.members.length > 1 ? ')' : ''}`;
    const members = pseudo.series.map((entry) => forecastDefaultMembers(entry.train, H));
    const protocol = mean(pseudo.series.map((entry, i) => seriesSmape(entry.test, mixDefaultMembers(members[i], chosenWeights.get(pseudo.label)!).point)));
    console.log(`| ${pseudo.label} | ${label(candidates[chosen])} | ${pct(test[chosen])} | ${order.indexOf(chosen) + 1} of ${candidates.length} | ${label(candidates[order[0]])} | ${pct(test[order[0]])} | ${pct(protocol)} |`);
  }
}

// C. Interval rules for the chosen w.
type ScaleRule = { readonly label: string; readonly scale: (window: readonly number[], whole: readonly number[], pooled: number) => number; readonly byClass: boolean };
const own = (series: readonly number[]) => Math.max(Math.sqrt(logChangeMoments(series)?.squaredScale ?? 0), 1e-3);
const rules: ScaleRule[] = [
  { label: 'own s of the whole training part, all classes pooled (the previous rule)', scale: (_, whole) => own(whole), byClass: false },
  { label: 'own s of the window, by length class', scale: (window) => own(window), byClass: true },
  { label: 'shrunk s̃, k = 2, by length class', scale: (window, _, pooled) => shrunkErrorScale(window, pooled, 2), byClass: true },
  { label: '**shrunk s̃, k = 3, by length class (the rule)**', scale: (window, _, pooled) => shrunkErrorScale(window, pooled, 3), byClass: true },
  { label: 'shrunk s̃, k = 5, by length class', scale: (window, _, pooled) => shrunkErrorScale(window, pooled, 5), byClass: true },
  { label: 'shrunk s̃, k = 3, all classes pooled', scale: (window, _, pooled) => shrunkErrorScale(window, pooled, 3), byClass: false },
  { label: 'the collection\'s S only, by length class', scale: (_, __, pooled) => pooled, byClass: true },
];
console.log('\nC. Interval rules for the chosen w: coverage of the 80% / 95% intervals (all series; series with fewer than 14 values) and log interval scores ×100, mean over the six pseudo-tests\n');
console.log('| rule | cov80 | cov95 | cov80 < 14 | cov95 < 14 | IS80 | IS95 |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const rule of rules) {
  const figures = pseudoTests.map((pseudo) => {
    const H = pseudo.horizon;
    const training = pseudo.series.map((entry) => entry.train);
    const selection = selectDefaultAnnualMethod(training, { horizon: H });
    const w = selection.trendWeight;
    const pooled = selection.pooledScale;
    const { records } = defaultMemberHindcasts(training, H);
    const samples = records.map((r) => ({
      horizon: r.horizon, windowLength: rule.byClass ? r.windowLength : 20, actual: r.actual, point: mixedHindcastPoint(r, w),
      scale: rule.scale(training[r.series].slice(0, r.windowLength), training[r.series], pooled),
    }));
    const calibration: LengthClassCalibration = calibrateByLengthClass(samples, H);
    let inside80 = 0, inside95 = 0, short80 = 0, short95 = 0, shortPoints = 0, score80 = 0, score95 = 0, points = 0;
    pseudo.series.forEach((entry) => {
      const point = mixDefaultMembers(forecastDefaultMembers(entry.train, H), w).point;
      const pools = calibration.sortedScores[lengthClass(rule.byClass ? entry.train.length : 20)];
      const s = rule.scale(entry.train, entry.train, pooled);
      entry.test.forEach((y, k) => {
        const error = y > 0 ? Math.abs(Math.log(y / Math.max(point[k], 1e-9))) : Number.POSITIVE_INFINITY;
        const q80 = s * calibratedQuantile(pools[k], 0.9);
        const q95 = s * calibratedQuantile(pools[k], 0.975);
        const short = entry.train.length < 14;
        points += 1;
        if (error <= q80) { inside80 += 1; if (short) short80 += 1; }
        if (error <= q95) { inside95 += 1; if (short) short95 += 1; }
        if (short) shortPoints += 1;
        // log interval score of [ŷe^−q, ŷe^q] (Gneiting & Raftery 2007 eq. 43) ×100
        score80 += 100 * (2 * q80 + (2 / 0.2) * Math.max(0, error - q80));
        score95 += 100 * (2 * q95 + (2 / 0.05) * Math.max(0, error - q95));
      });
    });
    return [inside80 / points, inside95 / points, short80 / shortPoints, short95 / shortPoints, score80 / points, score95 / points];
  });
  const column = (i: number) => mean(figures.map((f) => f[i]));
  console.log(`| ${rule.label} | ${column(0).toFixed(3)} | ${column(1).toFixed(3)} | ${column(2).toFixed(3)} | ${column(3).toFixed(3)} | ${pct(column(4))} | ${pct(column(5))} |`);
}

// D. Robust slopes for the drift part: the last value plus h times a slope.
const median = (list: readonly number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const slopes: Record<string, (y: readonly number[]) => number> = {
  'drift (first to last)': (y) => (y[y.length - 1] - y[0]) / (y.length - 1),
  'Theil–Sen': (y) => median(y.flatMap((a, i) => y.slice(i + 1).map((b, j) => (b - a) / (j + 1)))),
  'median of differences': (y) => median(y.slice(1).map((value, t) => value - y[t])),
  'least squares': (y) => {
    const n = y.length;
    const meanT = (n - 1) / 2;
    const meanY = mean(y);
    let sxy = 0, sxx = 0;
    y.forEach((value, t) => { sxy += (t - meanT) * (value - meanY); sxx += (t - meanT) ** 2; });
    return sxy / sxx;
  },
  'last five years': (y) => { const m = Math.min(5, y.length - 1); return (y[y.length - 1] - y[y.length - 1 - m]) / m; },
};
console.log(`\nD. Slopes for the drift part D (sMAPE of y_n + h·slope on each pseudo-test)\n`);
console.log(`| slope | ${pseudoTests.map((p) => p.label).join(' | ')} |`);
console.log(`|---|${pseudoTests.map(() => '---:').join('|')}|`);
for (const [label, slope] of Object.entries(slopes)) {
  const row = pseudoTests.map((pseudo) => pct(mean(pseudo.series.map((entry) => {
    const b = slope(entry.train);
    return seriesSmape(entry.test, entry.test.map((_, k) => entry.train[entry.train.length - 1] + (k + 1) * b));
  }))));
  console.log(`| ${label} | ${row.join(' | ')} |`);
}
