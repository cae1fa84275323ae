// The ensemble law: the default annual method's point path, with M3-calibrated intervals drawn as coherent paths.
import { baseLevel } from '../calibrate/base-level.js';
import { calibratedParams } from '../calibrate/calibrated-params.js';
import { yearEndLevels } from '../calibrate/year-end-levels.js';
import { backtestMessages } from '../errors/messages.js';
import { ModelError } from '../errors/model-error.js';
import type { Distribution } from '../simulate/distribution.js';
import { inverseNormalCdf } from '../simulate/inverse-normal-cdf.js';
import { ensembleErrorQuantiles } from './ensemble-error-quantiles.js';
import { fitEnsemblePath, type EnsemblePath } from './ensemble-path.js';
import { ensemblePointRatio } from './ensemble-point-ratio.js';
import type { Calibration, CalibrationInput, EvidenceItem, Law, LawRuntime, LawStartInput } from './law.js';
import { paramColumn } from './param-column.js';
import { checkStep } from './step-counter.js';

/**
 * Fewest consecutive full-year levels the ensemble accepts: DOTM needs 4 to fit α and θ, and the
 * error scale s needs enough log changes to mean something (5 from 6 levels). On M3 the default
 * method was benchmarked on 14+ values; below 6, `compound` (whose posterior widens honestly with
 * few points) is the better choice.
 * @example ENSEMBLE_MINIMUM_LEVELS; // => 6
 */
export const ENSEMBLE_MINIMUM_LEVELS = 6;

/** Floor on the error scale s (as logChangeScale): a perfectly smooth, flat history still gets a band. */
const MINIMUM_ERROR_SCALE = 1e-3;

/** Internal path parameters: calibrated constants that carry the fitted path to `start`. */
const pathNames = ['dotmIntercept', 'dotmSlope', 'logThetaIntercept', 'logThetaSlope', 'logDriftSlope'] as const;

// The copula's nodes: z_j = Φ⁻¹(p_j) of the table's probability grid (computed once).
const nodes = Float64Array.from(ensembleErrorQuantiles.probabilities, (p) => inverseNormalCdf(p));
const middle = ensembleErrorQuantiles.probabilities.indexOf(0.5);
const tableHorizon = ensembleErrorQuantiles.byHorizon.length;

/**
 * The engine's default statistical law for variables with at least six consecutive full-year levels.
 *
 * Point path: ŷ_h = V_0 · r_h, r_h = median(DOTM, Theta on ln V, drift on ln V) / y_n — the default
 * annual method (`median_dotm_ltheta_ldrift`, M3 yearly sMAPE 15.78 against R thetaf 16.76).
 * Intervals: Q_h(p) = ŷ_h · exp(s·[q_h(½) + k·(q_h(p) − q_h(½))]) with q_h the per-horizon symmetric
 * split-conformal quantiles q_h(p) = sign(p − ½)·Q_h(|2p − 1|), Q_h the quantiles of the absolute
 * standardised log errors |ln(y/ŷ)|/s of the default method's rolling-origin hindcasts on the 645 M3
 * yearly training parts (ensemble-error-quantiles.ts; q_h(½) = 0; beyond h = 6, q_6·√(h/6)),
 * s = √(sd² + mean²) of the series' yearly log changes (as logChangeScale in src/backtest/: the
 * Theta family's errors grow with the trend), k = `intervalScale` (default 1).
 * Paths (a Gaussian copula with Brownian correlation): per draw e_1, e_2, … ~ N(0, 1) from the stream
 * `innovation`, Z_h = (e_1 + … + e_h)/√h (so Z_h ~ N(0, 1) and corr(Z_h, Z_{h+1}) = √(h/(h+1))), and
 * V_h = Q_h(Φ(Z_h)): every year has the calibrated marginal, and a draw that runs high stays high,
 * so year-on-year growth along a path is realistic (growthEachYear targets). Q_h∘Φ is evaluated by
 * linear interpolation in z between the nodes Φ⁻¹(p_j), extended linearly beyond the end nodes.
 * V_0 is the base draw (approx and bound levels keep their band); parameters: `intervalScale` k.
 * Reference: Fiorucci et al. (2016) IJF 32:1151–1161 (DOTM); Hyndman & Billah (2003) IJF 19:287–290
 * (Theta = SES with drift); Lei et al. (2018) JASA 113:1094–1111 (split conformal intervals);
 * Pinson et al. (2009) Wind Energy 12:51–62 (scenarios from marginal quantiles via a Gaussian copula);
 * Nelsen (2006) An Introduction to Copulas §2.3 (Sklar).
 * @example
 * // levels 100·1.1^t for six years: the median path grows 10% a year
 * ensembleLaw.calibrate(input).params.logDriftSlope; // => { dist: 'constant', value: 0.0953… }
 */
export const ensembleLaw: Law = {
  name: 'ensemble',
  levels: 'positive',
  summary: 'V_h = Q_h(Φ(Z_h)), Z_h = (e_1+…+e_h)/√h; Q_h = median(DOTM, log Theta, log drift)·exp(s·q_h), q_h from M3 hindcasts',
  parameters: [
    { name: 'intervalScale', description: 'multiplier k of the calibrated log deviations from the median (1: as calibrated on M3)', unit: 'ratio', min: 0, max: 100, plausible: [0, 10] },
  ],

  calibrate(input: CalibrationInput): Calibration {
    const base = baseLevel(input, 'ensemble', { positive: true });
    const rows = input.observations.filter(
      (o) => (input.fromYear === undefined || o.year >= input.fromYear) && (input.toYear === undefined || o.year <= input.toYear),
    );
    const { points } = yearEndLevels(rows);
    const lastYear = points.length > 0 ? Math.max(...points.map((p) => p.year)) : undefined;
    if (lastYear !== base.baseYear) throw new ModelError(input.variable, 'ensemble', backtestMessages.ensembleBaseNotLevel(base.baseYear, lastYear));
    // 1. The latest run of consecutive years with a point level, ending at the base year.
    const byYear = new Map(points.map((p) => [p.year, p]));
    const run = [];
    for (let year = base.baseYear; byYear.has(year); year -= 1) run.unshift(byYear.get(year)!);
    if (run.length < ENSEMBLE_MINIMUM_LEVELS) throw new ModelError(input.variable, 'ensemble', backtestMessages.ensembleTooShort(ENSEMBLE_MINIMUM_LEVELS, run.length));
    const series = run.map((level) => level.value);
    // 2. The path and the error scale, as constants for start().
    const path = fitEnsemblePath(series);
    const errorScale = logChangeErrorScale(series);
    const calibrated: Record<string, Distribution> = { errorScale: { dist: 'constant', value: errorScale } };
    for (const name of pathNames) calibrated[name] = { dist: 'constant', value: path[name] };
    if (input.fixed.intervalScale === undefined) calibrated.intervalScale = { dist: 'constant', value: 1 };
    const merged = calibratedParams([...pathNames, 'errorScale', 'intervalScale'], calibrated, input.fixed);
    const evidence: EvidenceItem[] = run.map((level) => ({
      year: level.year,
      description: `level ${level.qualifier} ${level.value} (${level.series} ${level.observation.period}, ${level.observation.file}:${level.observation.line})`,
      value: level.value,
      weight: 1,
    }));
    const ratio = (h: number) => ensemblePointRatio(path, h);
    return {
      law: 'ensemble',
      baseYear: base.baseYear,
      base: base.base,
      params: merged.params,
      evidence: [...base.evidence, ...evidence.slice(0, -1)],
      notes: [
        ...base.notes,
        `median of DOTM, Theta on ln y and drift on ln y fitted on ${run.length} full-year levels ${run[0].year}–${base.baseYear}: growth ${(ratio(1) - 1).toFixed(4)} in year 1, ${(ratio(5) ** (1 / 5) - 1).toFixed(4)} a year over 5 years`,
        `intervals: M3-calibrated standardised log errors times s = ${errorScale.toFixed(4)} (√(sd² + mean²) of yearly log changes); paths by a Gaussian copula with random-walk correlation`,
        ...merged.notes,
      ],
    };
  },

  start(input: LawStartInput): LawRuntime {
    const { draws } = input;
    // Copies: the parameter columns are lent for start() only. The base is the level before step 1.
    const columns = Object.fromEntries(pathNames.map((name) => [name, paramColumn(input.params, name, draws).slice()])) as Record<(typeof pathNames)[number], Float64Array>;
    const errorScale = paramColumn(input.params, 'errorScale', draws).slice();
    const intervalScale = paramColumn(input.params, 'intervalScale', draws, 1).slice();
    const base = new Float64Array(draws);
    // The path is one set of constants in every draw unless a scenario made it uncertain: then one
    // ratio per step serves all draws.
    const shared = pathNames.every((name) => columns[name].every((value) => value === columns[name][0]));
    const pathOf = (i: number): EnsemblePath => ({
      dotmIntercept: columns.dotmIntercept[i],
      dotmSlope: columns.dotmSlope[i],
      logThetaIntercept: columns.logThetaIntercept[i],
      logThetaSlope: columns.logThetaSlope[i],
      logDriftSlope: columns.logDriftSlope[i],
    });
    const sharedPath = pathOf(0);
    const walk = new Float64Array(draws);
    const innovation = input.stream('innovation');
    let last = 0;
    return {
      next(step: number, out: Float64Array, scratch: Float64Array): void {
        checkStep('ensemble', last, step);
        if (last === 0) base.set(out);
        last = step;
        const row = ensembleErrorQuantiles.byHorizon[Math.min(step, tableHorizon) - 1];
        const widen = step > tableHorizon ? Math.sqrt(step / tableHorizon) : 1;
        const centre = row[middle] * widen;
        const sharedRatio = ensemblePointRatio(sharedPath, step);
        const rootStep = Math.sqrt(step);
        innovation.fillStandardNormal(scratch);
        for (let i = 0; i < draws; i++) {
          walk[i] += scratch[i];
          const q = interpolate(row, walk[i] / rootStep) * widen;
          const deviation = Math.max(errorScale[i], MINIMUM_ERROR_SCALE) * (centre + Math.max(intervalScale[i], 0) * (q - centre));
          const ratio = shared ? sharedRatio : ensemblePointRatio(pathOf(i), step);
          out[i] = base[i] * ratio * Math.exp(deviation);
        }
      },
    };
  },
};

/** q(Φ(z)): linear in z between the nodes z_j = Φ⁻¹(p_j); the end segments extended beyond them. */
function interpolate(row: readonly number[], z: number): number {
  const n = nodes.length;
  let low = 0;
  let high = n - 1;
  if (z <= nodes[1]) high = 1;
  else if (z >= nodes[n - 2]) low = n - 2;
  else {
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (nodes[mid] <= z) low = mid;
      else high = mid;
    }
  }
  const t = (z - nodes[low]) / (nodes[high] - nodes[low]);
  return row[low] + t * (row[high] - row[low]);
}

/**
 * s = √(sd(d)² + d̄²) of the yearly log changes d_t = ln(y_t/y_{t−1}) (sd with the n − 1 denominator),
 * floored at 0.001: the scale the stored table was standardised with (logChangeScale in src/backtest/).
 */
function logChangeErrorScale(series: readonly number[]): number {
  const changes = series.slice(1).map((value, t) => Math.log(value / series[t]));
  const mean = changes.reduce((sum, d) => sum + d, 0) / changes.length;
  const variance = changes.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (changes.length - 1);
  return Math.max(Math.sqrt(variance + mean * mean), MINIMUM_ERROR_SCALE);
}
