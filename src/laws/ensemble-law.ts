// The ensemble law: the default annual method's point path, with M3-calibrated intervals drawn as coherent paths.
import { baseLevel } from '../calibrate/base-level.js';
import { calibratedParams } from '../calibrate/calibrated-params.js';
import { calibrationMessages } from '../calibrate/calibration-messages.js';
import { yearLevels } from '../data/year-levels.js';
import { backtestMessages } from '../errors/messages.js';
import { ModelError } from '../errors/model-error.js';
import { defaultAnnualCalibration as stored } from '../forecast/default-annual-calibration.js';
import { probabilityNodes, tableQuantileAt, type ErrorQuantileTable } from '../forecast/error-quantile-table.js';
import { lengthClass } from '../forecast/length-class.js';
import { MINIMUM_ERROR_SCALE } from '../forecast/log-change-scale.js';
import { shrunkErrorScale } from '../forecast/shrunk-error-scale.js';
import type { Distribution } from '../model/distribution.js';
import { fitEnsemblePath, type EnsemblePath } from './ensemble-path.js';
import { ensemblePointRatio } from './ensemble-point-ratio.js';
import type { Calibration, CalibrationInput, EvidenceItem, Law, LawRuntime, LawStartInput } from './law.js';
import { paramColumn } from './param-column.js';
import { checkStep } from './step-counter.js';

/**
 * Fewest consecutive full-year levels the ensemble accepts: DOTM needs 4 to fit α and θ, and the
 * error scale needs a few log changes of its own besides the collections' typical scale. The default
 * it runs was scored down to 7 values per series (docs/backtest.md §1.5) with bands that held; below
 * 6, `compound` (whose posterior widens honestly with few points) stays the choice.
 * @example ENSEMBLE_MINIMUM_LEVELS; // => 6
 */
export const ENSEMBLE_MINIMUM_LEVELS = 6;

/** Internal path parameters: calibrated constants that carry the fitted path to `start`. */
const pathNames = ['trendWeight', 'driftSlope', 'dotmIntercept', 'dotmSlope', 'logThetaIntercept', 'logThetaSlope', 'logDriftSlope'] as const;

// The copula's nodes: z_j = Φ⁻¹(p_j) of the stored tables' probability grid (computed once).
const nodes = probabilityNodes(stored.probabilities);

/**
 * The engine's default statistical law for variables with at least six consecutive full-year levels.
 *
 * Point path: ŷ_h = V_0 · r_h, r_h = [w·drift + (1 − w)·median(DOTM, Theta on ln V, drift on ln V)] / y_n —
 * the engine's default annual method (default-annual-method.ts), w chosen by the selection protocol
 * on the M3 and tourism training parts (docs/backtest.md §0).
 * Intervals: Q_h(p) = ŷ_h · exp(s̃·k·q_{c,h}(p)) with q_{c,h} the stored split-conformal quantiles of the
 * default's hindcast errors for the history's length class c (default-annual-calibration.ts; q(½) = 0;
 * beyond the table's last horizon H, q_H·√(h/H)), s̃ = shrunkErrorScale of the history (its yearly log
 * changes shrunk towards the collections' typical scale), k = `intervalScale` (default 1).
 * Paths (a Gaussian copula with Brownian correlation): per draw e_1, e_2, … ~ N(0, 1) from the stream
 * `innovation`, Z_h = (e_1 + … + e_h)/√h (so Z_h ~ N(0, 1) and corr(Z_h, Z_{h+1}) = √(h/(h+1))), and
 * V_h = Q_h(Φ(Z_h)): every year has the calibrated marginal, and a draw that runs high stays high,
 * so year-on-year growth along a path is realistic (growthEachYear targets). Q_h∘Φ is evaluated by
 * linear interpolation in z between the nodes Φ⁻¹(p_j), extended linearly beyond the end nodes.
 * V_0 is the base draw (approx and bound levels keep their band); parameters: `intervalScale` k.
 * Reference: Fiorucci et al. (2016) IJF 32:1151–1161 (DOTM); Hyndman & Billah (2003) IJF 19:287–290
 * (Theta = SES with drift b/2); Lei et al. (2018) JASA 113:1094–1111 (split conformal intervals);
 * Pinson et al. (2009) Wind Energy 12:51–62 (scenarios from marginal quantiles via a Gaussian copula);
 * Nelsen (2006) An Introduction to Copulas §2.3 (Sklar).
 * @example
 * // levels 100·1.1^t for six years: the log-drift member grows 10% a year
 * ensembleLaw.calibrate(input).params.logDriftSlope; // => { dist: 'constant', value: 0.0953… }
 */
export const ensembleLaw: Law = {
  name: 'ensemble',
  levels: 'positive',
  summary: 'V_h = Q_h(Φ(Z_h)), Z_h = (e_1+…+e_h)/√h; Q_h = [w·drift + (1−w)·median(DOTM, log Theta, log drift)]·exp(s̃·q_h), q_h by length class from M3 and tourism hindcasts',
  parameters: [
    { name: 'intervalScale', description: 'multiplier k of the calibrated log deviations from the median (1: as calibrated on the M3 and tourism training parts)', unit: 'ratio', min: 0, max: 100, plausible: [0, 10] },
  ],

  calibrate(input: CalibrationInput): Calibration {
    const base = baseLevel(input, 'ensemble', { positive: true });
    const rows = input.observations.filter(
      (o) => (input.fromYear === undefined || o.year >= input.fromYear) && (input.toYear === undefined || o.year <= input.toYear),
    );
    const { points } = yearLevels(rows);
    const lastYear = points.length > 0 ? Math.max(...points.map((p) => p.year)) : undefined;
    if (lastYear !== base.baseYear) throw new ModelError(input.variable, 'ensemble', backtestMessages.ensembleBaseNotLevel(base.baseYear, lastYear));
    // 1. The latest run of consecutive years with a point level, ending at the base year.
    const byYear = new Map(points.map((p) => [p.year, p]));
    const run = [];
    for (let year = base.baseYear; byYear.has(year); year -= 1) run.unshift(byYear.get(year)!);
    if (run.length < ENSEMBLE_MINIMUM_LEVELS) throw new ModelError(input.variable, 'ensemble', backtestMessages.ensembleTooShort(ENSEMBLE_MINIMUM_LEVELS, run.length));
    // The members work on ln V: every level of the run must be positive (as the log-scale laws require).
    for (const level of run) if (!(level.value > 0)) throw new ModelError(input.variable, 'ensemble', calibrationMessages.nonPositiveLevel(level.observation));
    const series = run.map((level) => level.value);
    // 2. The path and the error scale, as constants for start().
    const path = fitEnsemblePath(series);
    const errorScale = shrunkErrorScale(series, stored.pooledScale, stored.scalePriorChanges);
    const calibrated: Record<string, Distribution> = {
      errorScale: { dist: 'constant', value: errorScale },
      historyLength: { dist: 'constant', value: series.length },
    };
    for (const name of pathNames) calibrated[name] = { dist: 'constant', value: path[name] };
    if (input.fixed.intervalScale === undefined) calibrated.intervalScale = { dist: 'constant', value: 1 };
    const merged = calibratedParams([...pathNames, 'errorScale', 'historyLength', 'intervalScale'], calibrated, input.fixed);
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
        `${path.trendWeight}·drift + ${Number((1 - path.trendWeight).toFixed(10))}·median(DOTM, Theta on ln y, drift on ln y) fitted on ${run.length} full-year levels ${run[0].year}–${base.baseYear}: growth ${(ratio(1) - 1).toFixed(4)} in year 1, ${(ratio(5) ** (1 / 5) - 1).toFixed(4)} a year over 5 years`,
        `intervals: standardised log errors of the default's hindcasts on the M3 and tourism training parts (length class ${lengthClass(run.length)}) times s̃ = ${errorScale.toFixed(4)} (the yearly log changes' √(sd² + mean²), shrunk towards ${stored.pooledScale}); paths by a Gaussian copula with random-walk correlation`,
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
    // The history's length is one constant (not user-facing): it picks the stored table of its class.
    const table: ErrorQuantileTable = { probabilities: stored.probabilities, byHorizon: stored.byLengthClass[lengthClass(paramColumn(input.params, 'historyLength', draws)[0])] };
    const base = new Float64Array(draws);
    // The path is one set of constants in every draw unless a scenario made it uncertain: then one
    // ratio per step serves all draws.
    const shared = pathNames.every((name) => columns[name].every((value) => value === columns[name][0]));
    const pathOf = (i: number): EnsemblePath => ({
      trendWeight: columns.trendWeight[i],
      driftSlope: columns.driftSlope[i],
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
        const sharedRatio = ensemblePointRatio(sharedPath, step);
        const rootStep = Math.sqrt(step);
        innovation.fillStandardNormal(scratch);
        for (let i = 0; i < draws; i++) {
          walk[i] += scratch[i];
          // The stored tables are symmetric (q(½) = 0), so k scales the deviation from the median.
          const q = tableQuantileAt(table, nodes, step, walk[i] / rootStep);
          const deviation = Math.max(errorScale[i], MINIMUM_ERROR_SCALE) * Math.max(intervalScale[i], 0) * q;
          const ratio = shared ? sharedRatio : ensemblePointRatio(pathOf(i), step);
          out[i] = base[i] * ratio * Math.exp(deviation);
        }
      },
    };
  },
};
