// Resource limits on hostile or careless input, each checked before the work it guards (docs/security.md).
//
// One table: each limit's value, why it has that value, and the environment variable that raises it.
// The CLI reads the environment once (limitsFromEnvironment) and installs the result (useLimits);
// the checks read activeLimits(), so the pure steps never touch the environment themselves.

/** Every limit the engine enforces on its inputs. */
export interface Limits {
  /** Bytes of one input file (YAML or CSV). */
  readonly fileBytes: number;
  /** Alias expansions (`*name`) in one YAML file. */
  readonly yamlAliases: number;
  /** Nesting of maps and lists in one YAML file. */
  readonly yamlDepth: number;
  /** Values (scalars, maps, lists) in one YAML file. */
  readonly yamlNodes: number;
  /** Characters of one formula. */
  readonly formulaLength: number;
  /** Nesting of one formula (parentheses and function calls). */
  readonly formulaDepth: number;
  /** Draws × simulated variables × simulated years of one scenario run. */
  readonly drawVariableYears: number;
  /** Values one scenario run holds at once for its draws (valuesHeldPerSummary × summaries, + paired outcomes). */
  readonly heldValues: number;
  /** Rows of draws.csv (`--export-draws` × variables × years × scenarios). */
  readonly exportRows: number;
  /** Variants of one `forecast sweep` (a --vary grid or a design file's rows). */
  readonly sweepVariants: number;
  /** Problems printed for one command (every problem is still counted). */
  readonly problemsShown: number;
  /** Bytes of one shard's part file (`forecast merge`), compressed and once inflated. */
  readonly partBytes: number;
}

/** Why each limit has its value, and how to raise it: the rows of docs/security.md's table. */
export interface LimitInfo {
  readonly value: number;
  readonly environment: string;
  /** What is limited, in words. */
  readonly what: string;
  /** When it is checked: always before the work it guards. */
  readonly checked: string;
  readonly why: string;
}

export const limitInfo: Readonly<Record<keyof Limits, LimitInfo>> = {
  fileBytes: {
    value: 20_000_000,
    environment: 'FORECAST_LIMIT_FILE_BYTES',
    what: 'bytes of one input file',
    checked: 'before the file is read (its size, then the bytes read)',
    why: 'the largest shipped file holds 49 KB; a 19 MB observations.csv (63,869 lines, 70,061 problems) validated in 5.7 s and 320 MB here',
  },
  yamlAliases: {
    value: 100,
    environment: 'FORECAST_LIMIT_YAML_ALIASES',
    what: 'alias expansions (`*name`) in one YAML file',
    checked: 'while the parsed document becomes a value, before any check',
    why: 'no shipped file uses an alias; 100 stops "billion laughs" expansion, which grows exponentially with nesting',
  },
  yamlDepth: {
    value: 32,
    environment: 'FORECAST_LIMIT_YAML_DEPTH',
    what: 'nesting of maps and lists in one YAML file',
    checked: 'after parsing, before the value is built',
    why: 'the deepest shipped file (models/beijing.yaml) nests 5 levels; recursion over deeper values risks the stack',
  },
  yamlNodes: {
    value: 200_000,
    environment: 'FORECAST_LIMIT_YAML_NODES',
    what: 'values in one YAML file',
    checked: 'after parsing, before the value is built',
    why: 'the largest shipped YAML file (data/targets.yaml) holds 483 values; every problem in a file is collected, so its size bounds the work',
  },
  formulaLength: {
    value: 2_000,
    environment: 'FORECAST_LIMIT_FORMULA_LENGTH',
    what: 'characters of one formula',
    checked: 'before the formula is parsed',
    why: 'the longest shipped formula has 45 characters; parsing is recursive, so a long expression risks the stack',
  },
  formulaDepth: {
    value: 40,
    environment: 'FORECAST_LIMIT_FORMULA_DEPTH',
    what: 'nesting of parentheses and calls in one formula',
    checked: 'before the formula is parsed',
    why: 'shipped formulas nest 2 levels; the compiled formula is a tree of closures as deep as the expression',
  },
  drawVariableYears: {
    value: 2_000_000_000,
    environment: 'FORECAST_LIMIT_DRAW_VARIABLE_YEARS',
    what: 'draws × simulated variables × simulated years of one scenario',
    checked: 'after calibration, before any column is allocated',
    why: '10⁷ draws of the baseline (15 variables × 7 years: 1.05·10⁹) took 17 s on two threads here, so the limit is about half a minute on two cores',
  },
  heldValues: {
    value: 200_000_000,
    environment: 'FORECAST_LIMIT_HELD_VALUES',
    what: 'values one scenario run holds at once for its draws: each summary (a variable in a year, a judged target, a level target\'s growth factor from the base year) holds every draw when its quantiles are exact (at most 65,536 draws, or `--exact-quantiles`), else the pilot\'s at most 32,768; `compare` and `sensitivity` also hold 2 values a judged target, plus 2, for every draw',
    checked: 'after calibration, before any column is allocated',
    why: 'measured here on the baseline (108 summaries: 93 variable-years, 9 judged targets, 6 growth factors): `run --exact-quantiles` at 500,000 and 1,000,000 draws peaked at 830 and 1,675 MiB, about 16 bytes a held value, so 2·10⁸ is about 3.3 GB; `compare` of two scenarios at 10⁶ and 2·10⁶ draws at 363 and 650 MiB, about 150 bytes a draw per scenario (its 20 paired values); without exact quantiles a run holds nothing per draw (10⁷ draws on two threads peaked at 137 MB)',
  },
  exportRows: {
    value: 1_000_000,
    environment: 'FORECAST_LIMIT_EXPORT_ROWS',
    what: 'rows of draws.csv (`--export-draws`)',
    checked: 'after calibration, before any draw',
    why: 'draws.csv is built in memory: 1,971,001 rows (27,000 paths of the baseline) took 29 s and 1.6 GB at peak here; 10⁶ rows is about half that',
  },
  sweepVariants: {
    value: 10_000,
    environment: 'FORECAST_LIMIT_SWEEP_VARIANTS',
    what: 'variants of one `forecast sweep` (a grid, or a design file\'s rows)',
    checked: 'from the --vary counts before the grid is built; from a design\'s lines of values before it is parsed',
    why: 'each variant is a scenario run, and the variants are counted before any is built',
  },
  problemsShown: {
    value: 200,
    environment: 'FORECAST_LIMIT_PROBLEMS_SHOWN',
    what: 'problems printed by one command (all are counted)',
    checked: 'when the message is built',
    why: 'a broken file can have a problem per line; the first 200 say what to fix, the count says how many there are',
  },
  partBytes: {
    value: 268_435_456,
    environment: 'FORECAST_LIMIT_PART_BYTES',
    what: 'bytes of one shard part file (`forecast merge`), compressed and once inflated',
    checked: 'before the file is read (its size), then while it is inflated',
    why: 'the six shipped scenarios make a part of 7.7 MB inflated (3.9 MB on disk) at 10⁶ draws and 38 MB (20 MB) at 10⁷, measured here (counters grow as the square root of the draws; they are written as varints); the JSON text is held whole, and V8 strings stop at 512 MB',
  },
};

/** The limits as shipped. */
export const defaultLimits: Limits = Object.fromEntries(Object.entries(limitInfo).map(([name, info]) => [name, info.value])) as unknown as Limits;

let active: Limits = defaultLimits;

/** The limits in force (the defaults unless the CLI installed others). */
export function activeLimits(): Limits {
  return active;
}

/** Installs the limits every check reads (the CLI does this once per command). @returns the previous limits */
export function useLimits(limits: Limits): Limits {
  const previous = active;
  active = limits;
  return previous;
}

/**
 * Limits that are no longer enforced, by their variable, and why: a variable set for one of them
 * would otherwise be ignored without a word.
 */
const retiredLimits: Readonly<Record<string, string>> = {
  FORECAST_LIMIT_DRAW_VARIABLES:
    'be unset: memory no longer grows with draws × variables (the draws are counted in blocks); FORECAST_LIMIT_HELD_VALUES limits the values a run holds for its draws',
};

/**
 * The limits with every `FORECAST_LIMIT_*` variable of `env` applied (a positive whole number each).
 * @returns the limits, and the variables that cannot be used (name, value and the rule they break):
 *   not a positive whole number, or a retired limit's
 * @example limitsFromEnvironment({ FORECAST_LIMIT_FILE_BYTES: '1000' }).limits.fileBytes; // => 1000
 */
export function limitsFromEnvironment(env: Readonly<Record<string, string | undefined>>): {
  limits: Limits;
  invalid: readonly { readonly name: string; readonly value: string; readonly rule: string }[];
} {
  const limits: Record<string, number> = { ...defaultLimits };
  const invalid: { name: string; value: string; rule: string }[] = [];
  for (const [key, info] of Object.entries(limitInfo)) {
    const text = env[info.environment];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (/^\d+$/.test(text.trim()) && Number.isSafeInteger(value) && value > 0) limits[key] = value;
    else invalid.push({ name: info.environment, value: text, rule: 'be a whole number greater than 0' });
  }
  for (const [name, rule] of Object.entries(retiredLimits)) {
    const text = env[name];
    if (text !== undefined && text !== '') invalid.push({ name, value: text, rule });
  }
  return { limits: limits as unknown as Limits, invalid };
}

/**
 * The limits as the rows of a Markdown table (docs/security.md holds this text; a test keeps it so).
 * @example limitsTable().split('\n')[0]; // => '| limit | value | raise with | checked | why this value |'
 */
export function limitsTable(): string {
  const rows = Object.values(limitInfo).map((info) => `| ${info.what} | ${info.value} | \`${info.environment}\` | ${info.checked} | ${info.why} |`);
  return ['| limit | value | raise with | checked | why this value |', '|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * How a message says a limit can be raised.
 * @example raiseHint('fileBytes'); // => 'a limit against resource exhaustion: FORECAST_LIMIT_FILE_BYTES raises it'
 */
export function raiseHint(limit: keyof Limits): string {
  return `a limit against resource exhaustion: ${limitInfo[limit].environment} raises it`;
}
