// The mean-reverting law: growth starts where it is and decays toward a long-run rate with a half-life.
import { baseLevel } from '../calibrate/base-level.js';
import { lawCalibration } from '../calibrate/calibrated-params.js';
import { minimumYearsForDynamics, priorDegreesOfFreedom, priorVolatility } from '../calibrate/calibration-constants.js';
import { calibrationMessages, calibrationNotes } from '../calibrate/calibration-messages.js';
import { fitWeightedLine } from '../calibrate/fit-weighted-line.js';
import { collectGrowthEvidence } from '../calibrate/growth-evidence.js';
import { growthRateDistribution } from '../calibrate/growth-rate-distribution.js';
import { posteriorGrowth } from '../calibrate/posterior-growth.js';
import { yearlyGrowth } from '../calibrate/yearly-growth.js';
import { ModelError } from '../errors/model-error.js';
import type { Distribution } from '../model/distribution.js';
import { newColumns, type Calibration, type CalibrationInput, type Law, type LawRuntime, type LawStartInput } from './law.js';
import { minimumGrowthRate } from './law-constants.js';
import { paramColumn } from './param-column.js';
import { checkStep } from './step-counter.js';

/**
 * Half-life (years) used when fewer than `minimumYearsForDynamics` consecutive yearly growths are
 * known: triangular(1, 3, 10). Growth rates of fast-growing economies and industries regress to the
 * mean quickly (Pritchett & Summers 2014, "Asiaphoria meets regression to the mean", NBER w20573).
 * @example meanRevertingDefaultHalfLife; // => { dist: 'triangular', min: 1, mode: 3, max: 10 }
 */
export const meanRevertingDefaultHalfLife: Distribution = { dist: 'triangular', min: 1, mode: 3, max: 10 };

/** Largest sdlog of a fitted half-life: beyond it the fit carries no information. */
const maximumHalfLifeSdlog = 1.5;

/**
 * Mean-reverting log growth (an AR(1) around a long-run rate, started at the current rate):
 *
 *   ln V_t = ln V_{t−1} + g_t,  g_t = g∞ + (g_{t−1} − g∞)·ρ + σ ε_t,  ρ = 2^(−1/halfLife),
 *   g_0 = ln(1 + initialGrowth),  g∞ = ln(1 + longRunGrowth)
 *
 * ε_t ~ N(0, 1) from the stream `innovation`. Parameters: `initialGrowth` (rate of the base year),
 * `longRunGrowth` (rate), `halfLife` (years, > 0), `volatility` σ (innovation sd, log points).
 * Calibration (growth samples from collectGrowthEvidence, pooled per year):
 * - with ≥ 8 pairs of consecutive yearly growths: g_t = a + ρ g_{t−1} by weighted least squares;
 *   halfLife = −ln 2 / ln ρ̂ as lognormal (sdlog by the delta method), σ from the residuals;
 *   otherwise halfLife = triangular(1, 3, 10) and σ = the marginal sd (posteriorGrowth), both noted;
 * - longRunGrowth: posteriorGrowth of all samples, its scale widened by √((1 + ρ)/(1 − ρ)) for
 *   the autocorrelation of an AR(1) mean (Hamilton 1994 §7.2);
 * - initialGrowth: the latest year's pooled growth; exact when a full year (weight ≥ 1) is known,
 *   otherwise a t around it with scale σ·√(1/w − 1) (the unseen months).
 * Reference: Hamilton, *Time Series Analysis* (1994) §3.4 and §7.2; BDA3 §14.2.
 * @example
 * // initialGrowth 0.2, longRunGrowth 0.05, halfLife 1, no volatility: g_1 = ln 1.05 + (ln 1.2 − ln 1.05)/2
 * meanRevertingLaw.start(input).next(1, out);
 */
export const meanRevertingLaw: Law = {
  name: 'meanReverting',
  levels: 'positive',
  summary: 'g_t = g∞ + (g_{t−1} − g∞)·2^(−1/halfLife) + σε_t from g_0 = ln(1 + initialGrowth); ln V_t = ln V_{t−1} + g_t',
  parameters: [
    { name: 'initialGrowth', description: 'growth rate of the base year, where the decay starts', unit: 'rate', min: -1, plausible: [-1, 1] },
    { name: 'longRunGrowth', description: 'growth rate approached in the long run', unit: 'rate', min: -1, plausible: [-1, 1] },
    { name: 'halfLife', description: 'years for the gap to the long-run rate to halve', unit: 'years', min: 0, plausible: [0, 100] },
    { name: 'volatility', description: 'sd of the yearly innovation of log growth σ (log points)', unit: 'rate', min: 0, max: 5, plausible: [0, 1] },
  ],

  calibrate(input: CalibrationInput): Calibration {
    const base = baseLevel(input, 'meanReverting', { positive: true });
    const found = collectGrowthEvidence(input, 'meanReverting');
    const notes: string[] = [...base.notes, ...found.notes];
    const free = ['initialGrowth', 'longRunGrowth', 'halfLife', 'volatility'].filter((name) => input.fixed[name] === undefined);
    const calibrated: Record<string, Distribution> = {};
    if (free.length > 0) {
      if (found.samples.length === 0) throw new ModelError(input.variable, 'meanReverting', calibrationMessages.noEvidence(free));
      const posterior = posteriorGrowth(found.samples);
      const yearly = yearlyGrowth(found.samples);
      const pairs = yearly.slice(1).flatMap((current, i) =>
        current.year === yearly[i].year + 1 ? [{ x: yearly[i].value, y: current.value, weight: current.weight }] : [],
      );
      let rho = 0.5 ** (1 / 3); // the default half-life's mode
      let volatility: Distribution = { dist: 'scaledInvChi', scale: posterior.volatilityScale, df: posterior.df };
      let innovationScale = posterior.volatilityScale;
      const line = pairs.length >= minimumYearsForDynamics ? fitWeightedLine(pairs) : undefined;
      if (line && line.slope > 0 && line.slope < 1) {
        rho = line.slope;
        const halfLife = -Math.LN2 / Math.log(rho);
        const halfLifeSe = (Math.LN2 * line.slopeScale) / (rho * Math.log(rho) ** 2);
        calibrated.halfLife = { dist: 'lognormal', meanlog: Math.log(halfLife), sdlog: Math.min(halfLifeSe / halfLife, maximumHalfLifeSdlog) };
        volatility = { dist: 'scaledInvChi', scale: line.residualScale, df: line.df };
        innovationScale = line.residualScale;
        notes.push(`AR(1) on ${pairs.length} pairs of consecutive yearly growths: ρ = ${rho.toFixed(4)}, half-life ${halfLife.toFixed(3)} years`);
      } else {
        calibrated.halfLife = meanRevertingDefaultHalfLife;
        notes.push(
          calibrationNotes.defaultUsed(
            'halfLife',
            'triangular(1, 3, 10) years',
            line ? `the AR(1) fit gave ρ = ${line.slope.toFixed(3)}, outside (0, 1)` : `${pairs.length} pairs of consecutive yearly growths, fewer than ${minimumYearsForDynamics}`,
          ),
          'volatility is the marginal sd of yearly growth (slightly above the innovation sd)',
        );
      }
      calibrated.volatility = volatility;
      const widen = Math.sqrt((1 + rho) / (1 - rho));
      calibrated.longRunGrowth = growthRateDistribution(posterior.location, posterior.scale * widen, posterior.df);
      const latest = yearly.at(-1) ?? { year: found.samples.at(-1)!.year, value: found.samples.at(-1)!.value, weight: found.samples.at(-1)!.weight };
      const unseen = innovationScale * Math.sqrt(Math.max(1 / latest.weight - 1, 0));
      calibrated.initialGrowth =
        unseen > 0 ? growthRateDistribution(latest.value, unseen, posterior.df) : { dist: 'constant', value: Math.expm1(latest.value) };
      notes.push(
        `initialGrowth from the growth of ${latest.year} (${latest.value.toFixed(4)} log points, weight ${latest.weight.toFixed(2)})`,
        calibrationNotes.weakPrior(priorVolatility, priorDegreesOfFreedom),
        calibrationNotes.growthAsRate(),
      );
    }
    return lawCalibration('meanReverting', base, ['initialGrowth', 'longRunGrowth', 'halfLife', 'volatility'], calibrated, input.fixed, found.evidence, notes);
  },

  start(input: LawStartInput): LawRuntime {
    const { draws } = input;
    const initial = paramColumn(input.params, 'initialGrowth', draws);
    const longRun = paramColumn(input.params, 'longRunGrowth', draws);
    const halfLife = paramColumn(input.params, 'halfLife', draws);
    const volatility = paramColumn(input.params, 'volatility', draws);
    const columns = input.columns ?? newColumns;
    const growth = columns.float64(draws);
    const target = columns.float64(draws);
    const rho = columns.float64(draws);
    const sigma = columns.float64(draws);
    for (let i = 0; i < draws; i++) {
      growth[i] = Math.log1p(Math.max(initial[i], minimumGrowthRate));
      target[i] = Math.log1p(Math.max(longRun[i], minimumGrowthRate));
      rho[i] = halfLife[i] > 0 ? Math.pow(2, -1 / halfLife[i]) : 0;
      sigma[i] = Math.max(volatility[i], 0);
    }
    const innovation = input.stream('innovation');
    let last = 0;
    return {
      next(step: number, level: Float64Array, scratch: Float64Array): void {
        checkStep('meanReverting', last, step);
        last = step;
        innovation.fillStandardNormal(scratch);
        for (let i = 0; i < draws; i++) {
          const g = target[i] + (growth[i] - target[i]) * rho[i] + sigma[i] * scratch[i];
          growth[i] = g;
          level[i] *= Math.exp(g);
        }
      },
    };
  },
};
