// A scenario (scenarios/*.yaml) after `extends` is resolved and every value checked (contract types).
import type { LawName } from '../laws/law.js';
import type { Distribution } from '../model/distribution.js';
import type { SourceLocation } from './model-spec.js';

/** A one-off change in one year: a growth hit (fraction points off that year's growth) or a level step (fraction). */
export interface Shock {
  readonly variable: string;
  readonly year: number;
  /** Added to the year's growth rate; every later level moves by the same factor. */
  readonly growth?: Distribution;
  /** Multiplies the level from this year on by (1 + level). */
  readonly level?: Distribution;
  readonly note?: string;
  readonly location: SourceLocation;
}

/** What a shared driver moves: a level law's yearly log growth, or a count law's rate. */
export type DriverEffect = 'growth' | 'rate';

/** One variable a driver moves, and by how much per unit of the factor. */
export interface DriverLoading {
  readonly variable: string;
  /**
   * `growth`: the variable's log growth in year t moves by `loading · f_t` (a rate per unit of the
   * factor); `rate`: a count law's rate (Poisson λ, negative-binomial μ) is multiplied by
   * exp(loading · f_t) (log points per unit of the factor).
   */
  readonly effect: DriverEffect;
  readonly loading: number;
  readonly location: SourceLocation;
}

/**
 * A shared driver: one uncertain factor f_t, drawn per draw and year, that moves several variables
 * together. Its yearly values follow an AR(1) normal score z_t = ρ z_{t−1} + √(1 − ρ²) ε_t (z at the
 * first simulated year standard normal), mapped to the factor's distribution F by f_t = F⁻¹(Φ(z_t)):
 * every year's f_t has distribution F, and consecutive years are correlated through ρ.
 */
export interface Driver {
  /** camelCase name; its random numbers come from the stream keyed (seed, `driver:<name>`, component). */
  readonly name: string;
  readonly description?: string;
  /** The factor's distribution in a year (normal, uniform, triangular or PERT). */
  readonly factor: Distribution;
  /** ρ ∈ [0, 1]: 0 draws a fresh value each year, 1 one value per draw for every year. */
  readonly persistence: number;
  /** In the order written. */
  readonly loadings: readonly DriverLoading[];
  readonly location: SourceLocation;
}

/**
 * A `null` in a scenario: it removes what the scenario inherits at `path`, from a scenario it
 * extends (`removes` says where that was written) or, under `assumptions.<variable>`, from the model
 * (`removes` absent: checked against the model).
 */
export interface ScenarioRemoval {
  /** The removed key's path, e.g. ['assumptions', 'aiCoreIndustry', 'growth']. */
  readonly path: readonly string[];
  /** Where the `null` is written (with a code frame under it). */
  readonly location: KeyLocation;
  /** Where the removed value was written in the chain; absent when it removes the model's setting. */
  readonly removes?: SourceLocation;
}

export interface ScenarioSpec {
  readonly scenario: string;
  readonly description: string;
  /** Path of the model file, resolved relative to the scenario file. */
  readonly model: string;
  /** The model path as written in the file that gave it (for messages). */
  readonly modelWritten?: string;
  /** Files read, the scenario first then its ancestors (for the manifest). */
  readonly chain: readonly string[];
  /** Last projected year. */
  readonly horizon: number;
  readonly draws: number;
  readonly seed: number;
  /** variable → parameter → distribution; the parameter `start` overrides the starting level. */
  readonly assumptions: Readonly<Record<string, Readonly<Record<string, Distribution>>>>;
  /**
   * variable → the year of its `start` assumption, when the scenario gave one (`start: { year, value }`):
   * the projection then starts from that level in that year, with or without data.
   */
  readonly startYears?: Readonly<Record<string, number>>;
  readonly shocks: readonly Shock[];
  /** variable → the law the scenario switches it to (its parameters are then the new law's). */
  readonly laws?: Readonly<Record<string, LawName>>;
  /** Every `null` of the chain that removes an inherited setting, in the order written (ancestors first). */
  readonly removals?: readonly ScenarioRemoval[];
  /** Shared drivers, in the order written. */
  readonly drivers?: readonly Driver[];
  /** Why these assumptions (the scenario's own; never inherited). */
  readonly rationale?: string;
  /** Where each assumption came from: `variable.param` (and `variable.law`) → file:line:col. */
  readonly provenance: Readonly<Record<string, SourceLocation>>;
  /** The fully merged plain object, as written to the manifest. */
  readonly resolved: unknown;
  readonly file: string;
  /**
   * Where each key sits (`variable`, `variable.param`, `shocks[0].variable`), with a code frame, so
   * problems found against the model (validateScenarioAgainstModel) point at the line to fix.
   */
  readonly keyLocations?: Readonly<Record<string, KeyLocation>>;
  /**
   * Where each value of `resolved` was written, by its path as `formatPath` writes it (`horizon`,
   * `assumptions.aiCoreIndustry.growth`, `shocks[0]`): the file in the `extends` chain that won.
   * Distributions and list items are one value each. `forecast explain` prints these.
   */
  readonly valueLocations?: Readonly<Record<string, SourceLocation>>;
}

/** A key's position in a file, with the code frame under it. */
export interface KeyLocation extends SourceLocation {
  readonly frame: string;
}
