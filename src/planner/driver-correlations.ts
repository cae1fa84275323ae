// What a scenario's shared drivers do to the co-movement of the variables they load: measured on a pilot, and analytic where it can be.
import type { PreparedModel } from '../model/prepared-model.js';
import { distributionVariance } from '../simulate/distributions/distribution-variance.js';
import { simulate } from '../simulate/simulate.js';
import type { Shock } from '../spec/scenario-spec.js';
import { pearsonCorrelation } from './spearman-correlation.js';

/** Draws of the pilot that measures the correlations: two blocks (the standard error of a correlation near 0 is about 1/√(draws × years)). */
export const driverPilotDraws = 8192;

/** The correlation of two loaded variables' yearly movement, with and without the drivers. */
export interface DriverCorrelation {
  readonly first: string;
  readonly second: string;
  /** Pearson correlation over (draw, year) pairs with the scenario's drivers. */
  readonly withDrivers: number;
  /** The same draws with the drivers left out (common random numbers: only the drivers differ). */
  readonly withoutDrivers: number;
  /**
   * Σ_d λ_first,d · λ_second,d · Var f_d: the covariance of the two yearly log growths the drivers
   * add (exact, whatever the laws), for two growth loadings; absent when either loads a count's rate.
   */
  readonly drivenCovariance?: number;
  /** (draw, year) pairs measured. */
  readonly pairs: number;
  /** First and last year pooled (years both variables move in). */
  readonly firstYear: number;
  readonly lastYear: number;
}

/** What each loaded variable contributes in a year: its log growth (growth loadings) or its count (rate loadings). */
type Movement = 'growth' | 'count';

/**
 * The correlation between every two variables a scenario's drivers load, measured on a pilot run of
 * the prepared model (its own seed, `driverPilotDraws` draws, every simulated year pooled): a level's
 * yearly log growth ln(x_t / x_{t−1}), a count's yearly value. Run twice — with the drivers and
 * without — on the same random numbers, so the difference is what the drivers induce. For two growth
 * loadings the drivers' added covariance is also given in closed form: for x = Σ_d λ_x,d f_d + ε_x and
 * y likewise, with factors independent of each other and of ε, Cov(x, y) gains Σ_d λ_x,d λ_y,d Var f_d.
 * @param model the prepared model, with its drivers
 * @param seed the scenario's seed
 * @param shocks the scenario's shocks (they stay in both runs)
 * @returns one entry per pair of loaded variables, in model order
 * @example driverCorrelations(prepared, 20240419, [])[0]; // => { first: 'aiCoreIndustry', second: 'newAiUnicorns', withDrivers: 0.3…, withoutDrivers: −0.00…, pairs: 57344, firstYear: 2024, lastYear: 2030 }
 */
export function driverCorrelations(model: PreparedModel, seed: number, shocks: readonly Shock[], draws = driverPilotDraws): DriverCorrelation[] {
  const drivers = model.drivers ?? [];
  const movement = new Map<string, Movement>();
  for (const driver of drivers) for (const loading of driver.loadings) movement.set(loading.variable, loading.effect === 'rate' ? 'count' : 'growth');
  const loaded = model.variables.map((v) => v.spec.name).filter((name) => movement.has(name));
  if (loaded.length < 2) return [];

  const measure = (withDrivers: boolean) => {
    const columns = new Map<string, Float64Array>(); // `${variable}\u0000${year}` → one value per draw
    simulate(withDrivers ? model : { ...model, drivers: [] }, {
      draws,
      seed,
      shocks,
      keepPrevious: new Set(loaded.filter((name) => movement.get(name) === 'growth')),
      observe: ({ year, block, current, previous }) => {
        for (const name of loaded) {
          const now = current(name);
          const before = movement.get(name) === 'growth' ? previous(name) : now;
          if (!now || !before) continue;
          const key = `${name}\u0000${year}`;
          const column = columns.get(key) ?? new Float64Array(draws);
          columns.set(key, column);
          for (let i = 0; i < block.count; i++) column[block.offset + i] = movement.get(name) === 'growth' ? Math.log(now[i] / before[i]) : now[i];
        }
      },
    });
    return columns;
  };
  const withColumns = measure(true);
  const withoutColumns = measure(false);

  const correlations: DriverCorrelation[] = [];
  for (let a = 0; a < loaded.length; a++) {
    for (let b = a + 1; b < loaded.length; b++) {
      const [first, second] = [loaded[a], loaded[b]];
      const pooled = (columns: Map<string, Float64Array>) => {
        const xs: number[] = [];
        const ys: number[] = [];
        const years: number[] = [];
        for (let year = model.firstYear; year <= model.horizon; year++) {
          const x = columns.get(`${first}\u0000${year}`);
          const y = columns.get(`${second}\u0000${year}`);
          if (!x || !y) continue;
          years.push(year);
          for (let i = 0; i < draws; i++) {
            xs.push(x[i]);
            ys.push(y[i]);
          }
        }
        return { xs, ys, years };
      };
      const withPairs = pooled(withColumns);
      const withoutPairs = pooled(withoutColumns);
      const bothGrowth = movement.get(first) === 'growth' && movement.get(second) === 'growth';
      let drivenCovariance = 0;
      for (const driver of drivers) {
        const lambda = (name: string) => driver.loadings.find((l) => l.variable === name)?.loading ?? 0;
        drivenCovariance += lambda(first) * lambda(second) * distributionVariance(driver.factor);
      }
      correlations.push({
        first,
        second,
        withDrivers: pearsonCorrelation(withPairs.xs, withPairs.ys),
        withoutDrivers: pearsonCorrelation(withoutPairs.xs, withoutPairs.ys),
        ...(bothGrowth && { drivenCovariance }),
        pairs: withPairs.xs.length,
        firstYear: withPairs.years[0],
        lastYear: withPairs.years[withPairs.years.length - 1],
      });
    }
  }
  return correlations;
}
