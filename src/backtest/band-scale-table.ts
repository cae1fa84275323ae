// From hindcast scores to the compound law's band factor per length class, and the generated file that stores it.
import type { StoredBandScale } from '../calibrate/stored-band-scale.js';
import { LENGTH_CLASSES, lengthClass, type LengthClass } from '../forecast/length-class.js';
import { inverseNormalCdf } from '../simulate/distributions/inverse-normal-cdf.js';
import { compoundBandHindcasts, type BandHindcast } from './compound-band-hindcasts.js';
import { MINIMUM_POOL } from './length-class-calibration.js';
import type { M3Series } from './read-m3-csv.js';
import { sortedSampleQuantile } from './sampled-forecast.js';

/** Largest horizon and draws per hindcast of the stored table (H = 6 as the default's tables). */
export const BAND_SCALE_HORIZON = 6;
export const BAND_SCALE_DRAWS = 400;

/** The two levels one factor serves, as lawIntervalScales: the 80% and the 95% band. */
const LEVELS = [0.8, 0.95] as const;

/** The levels reported by horizon. */
const REPORTED = { '80': 0.8, '90': 0.9, '95': 0.95 } as const;

/**
 * The factor c by which the compound law's own bands must widen, per length class of the window:
 *
 *   c_class = ½·[Q_0.8(|z|) / z_0.9 + Q_0.95(|z|) / z_0.975]
 *
 * over the class's hindcast scores at every horizon 1..H (Q type-7 quantiles; z_p = Φ⁻¹(p)): the
 * factor that makes the 80% band and the 95% band cover as often as they claim, averaged (errors have
 * heavier tails than the law's, so the 80% factor is smaller than the 95% one). A class with fewer
 * than 50 scores uses all classes' (as the default's pools: MINIMUM_POOL). Per horizon the same ratio
 * at 80%, 90% and 95% is kept for the docs.
 * @param hindcasts compoundBandHindcasts of training parts
 * @param horizon H
 * @param draws draws per hindcast (recorded)
 * @returns the table the engine stores
 * @throws Error when there is no score at all
 * @see Gneiting, Balabdaoui & Raftery (2007) JRSS B 69:243–268 (calibration by spread); Vovk et al. (2005) ch. 4 (class-conditional conformal).
 * @example bandScaleTable(hindcasts, 6, 400).byLengthClass['<10']; // => 1.47 (say)
 */
export function bandScaleTable(hindcasts: readonly BandHindcast[], horizon: number, draws: number): StoredBandScale {
  if (hindcasts.length === 0) throw new Error('bandScaleTable hindcasts must not be empty, got none');
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const own = Object.fromEntries(LENGTH_CLASSES.map((c) => [c, [] as number[]])) as Record<LengthClass, number[]>;
  const ownByHorizon = Object.fromEntries(LENGTH_CLASSES.map((c) => [c, Array.from({ length: horizon }, () => [] as number[])])) as Record<LengthClass, number[][]>;
  for (const hindcast of hindcasts) {
    if (hindcast.horizon < 1 || hindcast.horizon > horizon) continue;
    const c = lengthClass(hindcast.windowLength);
    own[c].push(hindcast.score);
    ownByHorizon[c][hindcast.horizon - 1].push(hindcast.score);
  }
  const all = sorted(LENGTH_CLASSES.flatMap((c) => own[c]));
  const allByHorizon = Array.from({ length: horizon }, (_, k) => sorted(LENGTH_CLASSES.flatMap((c) => ownByHorizon[c][k])));
  const ratio = (scores: readonly number[], level: number) => (scores.length === 0 ? Number.NaN : sortedSampleQuantile(scores, level) / inverseNormalCdf((1 + level) / 2));
  const byLengthClass = {} as Record<LengthClass, number>;
  const byHorizon = {} as Record<LengthClass, Record<'80' | '90' | '95', number[]>>;
  const counts = {} as Record<LengthClass, number>;
  const borrowed = {} as Record<LengthClass, boolean>;
  for (const c of LENGTH_CLASSES) {
    counts[c] = own[c].length;
    borrowed[c] = own[c].length < MINIMUM_POOL;
    const pool = borrowed[c] ? all : sorted(own[c]);
    byLengthClass[c] = (ratio(pool, LEVELS[0]) + ratio(pool, LEVELS[1])) / 2;
    const rows = ownByHorizon[c].map((scores, k) => (scores.length < MINIMUM_POOL ? allByHorizon[k] : sorted(scores)));
    byHorizon[c] = { '80': rows.map((r) => ratio(r, REPORTED['80'])), '90': rows.map((r) => ratio(r, REPORTED['90'])), '95': rows.map((r) => ratio(r, REPORTED['95'])) };
  }
  return { horizon, draws, byLengthClass, byHorizon, hindcasts: counts, borrowed };
}

/**
 * The source text of src/calibrate/compound-band-scale.ts (4 decimals), with where it came from and
 * the command that regenerates it.
 * @example bandScaleSource(table, ['m3-yearly.csv (645 series)'], 'node …').startsWith('// GENERATED'); // => true
 */
export function bandScaleSource(table: StoredBandScale, sources: readonly string[], command: string): string {
  const number = (v: number) => (Number.isFinite(v) ? String(Number(v.toFixed(4))) : 'Number.NaN');
  const record = (value: (c: LengthClass) => string) => `{ ${LENGTH_CLASSES.map((c) => `'${c}': ${value(c)}`).join(', ')} }`;
  return [
    '// GENERATED from hindcasts of the compound law inside the training parts (never the test parts) of:',
    ...sources.map((source) => `//   ${source}`),
    `// with H = ${table.horizon} and ${table.draws} draws per hindcast. Regenerate with`,
    `//   ${command}`,
    '// Do not edit by hand; test/calibrate/band-floor.test.ts re-derives it when the data is present.',
    '',
    "import type { StoredBandScale } from './stored-band-scale.js';",
    '',
    '/**',
    " * The compound law's band factor per length class of its evidence (bandFloor): c = ½[Q_0.8(|z|)/z_0.9 + Q_0.95(|z|)/z_0.975]",
    " * over rolling-origin hindcasts of windows of that class, |z| = |ln(y/median)| / (the law's own 80% band / 2z_0.9).",
    " * `byHorizon[c][L][k − 1]` is Q_L(|z|)/z_((1+L)/2) at horizon k alone; `hindcasts[c]` the class's own scores.",
    " * @example compoundBandScale.byLengthClass['<10'] > 1; // => true",
    ' */',
    'export const compoundBandScale: StoredBandScale = {',
    `  horizon: ${table.horizon},`,
    `  draws: ${table.draws},`,
    `  byLengthClass: ${record((c) => number(table.byLengthClass[c]))},`,
    '  byHorizon: {',
    ...LENGTH_CLASSES.map((c) => `    '${c}': { ${(['80', '90', '95'] as const).map((level) => `'${level}': [${table.byHorizon[c][level].map(number).join(', ')}]`).join(', ')} },`),
    '  },',
    `  hindcasts: ${record((c) => String(table.hindcasts[c]))},`,
    `  borrowed: ${record((c) => String(table.borrowed[c]))},`,
    '};',
    '',
  ].join('\n');
}

/**
 * The stored table's source from the collections: hindcasts of the compound law on every series'
 * **training part** only (entry.train; entry.test is never read), H = 6, 400 draws, seed 1, then
 * bandScaleTable and bandScaleSource. bench/band-floor.ts writes it; the test re-derives it.
 * @param collections named collections (e.g. m3-yearly, tourism-yearly)
 * @param path where it is written (named in the regeneration command)
 * @returns the table and the file's text
 * @example compoundBandScaleFile([{ name: 'm3-yearly', series }], 'src/calibrate/compound-band-scale.ts').table.horizon; // => 6
 */
export function compoundBandScaleFile(collections: readonly { readonly name: string; readonly series: readonly M3Series[] }[], path: string): { table: StoredBandScale; source: string } {
  const training = collections.flatMap((c) => c.series.map((entry) => entry.train));
  const table = bandScaleTable(compoundBandHindcasts(training, { horizon: BAND_SCALE_HORIZON, draws: BAND_SCALE_DRAWS }), BAND_SCALE_HORIZON, BAND_SCALE_DRAWS);
  const command = `npx tsc -p tsconfig.build.json && node dist/bench/band-floor.js --write ${path}`;
  return { table, source: bandScaleSource(table, collections.map((c) => `${c.name}.csv (${c.series.length} series)`), command) };
}
