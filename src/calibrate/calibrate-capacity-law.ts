// Calibration shared by the laws with a capacity (logistic, Gompertz): growth regressed on the level.
import { ModelError } from '../errors/model-error.js';
import type { Calibration, CalibrationInput, LawName } from '../laws/law.js';
import type { Distribution } from '../model/distribution.js';
import { distributionQuantile } from '../simulate/distributions/distribution-quantile.js';
import { baseLevel } from './base-level.js';
import { calibratedParams } from './calibrated-params.js';
import { minimumYearsForDynamics, priorDegreesOfFreedom, priorVolatility } from './calibration-constants.js';
import { calibrationMessages, calibrationNotes } from './calibration-messages.js';
import { fitWeightedLine, type WeightedPoint } from './fit-weighted-line.js';
import { collectGrowthEvidence } from './growth-evidence.js';
import { yearLevels } from '../data/year-levels.js';

/** How a capacity law ties log growth to the level: g = r·x(V, K) + σε, and g = a + b·z(V) when K is free. */
export interface CapacityShape {
  readonly law: LawName;
  /** x(V, K): 1 − V/K (logistic) or ln(K/V) (Gompertz). */
  regressor(level: number, capacity: number): number;
  /** z(V) of the line g = a + b·z: V (logistic) or ln V (Gompertz). */
  lineVariable(level: number): number;
  /** r and ln K, with the gradient of ln K in (a, b), from the fitted line; undefined when growth does not slow. */
  fromLine(a: number, b: number): { rate: number; rateIsIntercept: boolean; logCapacity: number; gradient: readonly [number, number] } | undefined;
}

/** Largest sdlog of a fitted capacity: beyond it the fit carries no information. */
const maximumCapacitySdlog = 2;

/**
 * Calibrates `rate`, `capacity` and `volatility` of g_t = r·x(V_{t−1}, K) + σε_t from growth samples
 * (collectGrowthEvidence) and the level at the start of each sample's years. Levels come from the
 * own series' full-year points, geometrically interpolated between them, or extrapolated from the
 * nearest one (or the base's median) at the mean growth (noted). For a k-year sample, x is averaged
 * over its years along the geometric path.
 * - capacity given: K = its median; r by weighted least squares through the origin (t_df), σ from residuals;
 * - capacity free: the line g = a + b·z(V) (≥ 8 samples, b < 0), r and ln K from (a, b); capacity ~
 *   lognormal(ln K̂, sdlog by the delta method, capped at 2); otherwise a ModelError asks for it.
 * Reference: Ricker (1954) and Gompertz (1825) growth in discrete time, e.g. Dennis et al. (2006)
 * "Estimating density dependence, process noise, and observation error", Ecological Monographs 76(3);
 * BDA3 §14.2 (regression posterior).
 * @param input the calibration input
 * @param shape the law's regressor
 * @returns the law's calibration
 * @throws ModelError when there is no growth evidence for a free parameter, or capacity cannot be fitted
 * @example calibrateCapacityLaw(input, logisticShape).params.capacity; // => { dist: 'lognormal', … }
 */
export function calibrateCapacityLaw(input: CalibrationInput, shape: CapacityShape): Calibration {
  const base = baseLevel(input, shape.law, { positive: true });
  const found = collectGrowthEvidence(input, shape.law);
  const notes: string[] = [...base.notes, ...found.notes];
  const calibrated: Record<string, Distribution> = {};
  const free = ['rate', 'capacity', 'volatility'].filter((name) => input.fixed[name] === undefined);

  if (free.length > 0) {
    if (found.samples.length === 0) throw new ModelError(input.variable, shape.law, calibrationMessages.noEvidence(free));
    // 1. The level at the start of every sample's years.
    const window = input.observations.filter((o) => input.toYear === undefined || o.year <= input.toYear);
    const anchors = new Map(yearLevels(window).points.filter((p) => p.value > 0).map((p) => [p.year, p.value]));
    if (anchors.size === 0) anchors.set(base.baseYear, distributionQuantile(base.base, 0.5));
    const meanGrowth = found.samples.reduce((s, x) => s + x.weight * x.value, 0) / found.samples.reduce((s, x) => s + x.weight, 0);
    let extrapolated = 0;
    const levelAt = (year: number): number => {
      const known = anchors.get(year);
      if (known !== undefined) return known;
      const years = [...anchors.keys()];
      const before = Math.max(...years.filter((y) => y < year));
      const after = Math.min(...years.filter((y) => y > year));
      if (Number.isFinite(before) && Number.isFinite(after)) {
        const share = (year - before) / (after - before);
        return anchors.get(before)! ** (1 - share) * anchors.get(after)! ** share;
      }
      extrapolated++;
      const nearest = Number.isFinite(before) ? before : after;
      return anchors.get(nearest)! * Math.exp(meanGrowth * (year - nearest));
    };
    const pathOf = (sample: (typeof found.samples)[number]) => {
      const start = levelAt(sample.year - sample.years);
      return Array.from({ length: sample.years }, (_, j) => start * Math.exp(sample.value * j));
    };
    const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

    // 2. Capacity: given (its median), or fitted from the line g = a + b·z.
    let capacity = input.fixed.capacity;
    let lineRate: Distribution | undefined;
    if (capacity === undefined) {
      if (found.samples.length < minimumYearsForDynamics) {
        throw new ModelError(input.variable, shape.law, calibrationMessages.capacityNeedsData(found.samples.length, minimumYearsForDynamics));
      }
      const points: WeightedPoint[] = found.samples.map((s) => ({ x: mean(pathOf(s).map((v) => shape.lineVariable(v))), y: s.value, weight: s.weight }));
      const line = fitWeightedLine(points);
      const derived = shape.fromLine(line.intercept, line.slope);
      if (!derived) throw new ModelError(input.variable, shape.law, calibrationMessages.noCapacity(line.slope));
      const [da, db] = derived.gradient;
      const variance = da * da * line.interceptScale ** 2 + db * db * line.slopeScale ** 2 + 2 * da * db * line.covariance;
      capacity = { dist: 'lognormal', meanlog: derived.logCapacity, sdlog: Math.min(Math.sqrt(Math.max(variance, 0)), maximumCapacitySdlog) };
      lineRate = { dist: 'studentT', location: derived.rate, scale: derived.rateIsIntercept ? line.interceptScale : line.slopeScale, df: line.df };
      calibrated.capacity = capacity;
      notes.push(`capacity fitted from g = a + b·z on ${points.length} samples: K = ${Math.exp(derived.logCapacity).toPrecision(6)}`);
    }
    const capacityMedian = distributionQuantile(capacity, 0.5);
    if (!(Number.isFinite(capacityMedian) && capacityMedian > 0)) {
      throw new ModelError(input.variable, shape.law, calibrationMessages.noCapacity(Number.NaN));
    }

    // 3. Rate and volatility: g = r·x through the origin at the capacity's median.
    const points: WeightedPoint[] = found.samples.map((s) => ({
      x: mean(pathOf(s).map((v) => shape.regressor(v, capacityMedian))),
      y: s.value,
      weight: s.weight,
    }));
    const fit = fitWeightedLine(points, { throughOrigin: true });
    if (!Number.isFinite(fit.slope) || !Number.isFinite(fit.residualScale)) {
      throw new ModelError(input.variable, shape.law, calibrationMessages.noCapacity(fit.slope));
    }
    calibrated.rate = lineRate ?? { dist: 'studentT', location: fit.slope, scale: fit.slopeScale, df: fit.df };
    calibrated.volatility = { dist: 'scaledInvChi', scale: fit.residualScale, df: fit.df };
    if (extrapolated > 0) notes.push(`${extrapolated} start level(s) extrapolated from the nearest known level at the mean growth`);
    notes.push(
      `rate regressed on x(V, K) at K = ${capacityMedian.toPrecision(6)} (the capacity's median)`,
      calibrationNotes.weakPrior(priorVolatility, priorDegreesOfFreedom),
    );
  }
  const merged = calibratedParams(['rate', 'capacity', 'volatility'], calibrated, input.fixed);
  return {
    law: shape.law,
    baseYear: base.baseYear,
    base: base.base,
    params: merged.params,
    evidence: [...base.evidence, ...found.evidence],
    notes: [...notes, ...merged.notes],
  };
}
