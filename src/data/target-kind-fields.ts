// The part of a target kind the data layer needs: its own YAML keys and how to read them. The kinds
// themselves (src/evaluate/target-kinds/) satisfy it; whoever loads data passes their registry in,
// so data/ never imports the evaluation code.

/** What a kind's `parse` may use: typed readers of its own keys that report problems at file:line:col. */
export interface KindParseContext {
  /** An integer year 1900–2200 at `key`; a problem when it is required and missing, or malformed. */
  year(key: string, required: boolean): number | undefined;
  /** Reports `<field> must <rule>, got <value>` at `key`. */
  problem(key: string, rule: string, value: unknown): void;
  /** The target's `year`, when it is valid. */
  readonly targetYear?: number;
}

/** The fields a kind reads beyond the common ones. */
export interface KindFields {
  readonly fromYear?: number;
  readonly baseYear?: number;
}

/** The unit a kind's bounds are in: `rate` (fractions per year), `share` (percent) or a `level` unit. */
export type UnitFamily = 'rate' | 'share' | 'level';

/** A kind as the targets parser sees it: its name, its unit family, its own keys and their reader. */
export interface TargetKindFields {
  readonly name: string;
  /** The unit family of the bounds (the parser checks the target's unit against it). */
  readonly unit: UnitFamily;
  /** YAML keys this kind reads beyond the common ones (e.g. `fromYear`). */
  readonly keys: readonly string[];
  /** Reads the kind's own keys (bounds and common keys are read by the parser). */
  parse(item: Readonly<Record<string, unknown>>, context: KindParseContext): KindFields;
}

/** The kinds a data set's targets may use, by name (e.g. targetKindRegistry). */
export type TargetKindFieldsRegistry = ReadonlyMap<string, TargetKindFields>;
