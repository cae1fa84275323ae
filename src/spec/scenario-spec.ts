// A scenario (scenarios/*.yaml) after `extends` is resolved and every value checked (contract types).
import type { Distribution } from '../simulate/distribution.js';
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
  /** Where each assumption came from: `variable.param` → file:line:col. */
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
