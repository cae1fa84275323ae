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
  /** Draws × variables of one scenario run: the columns held in memory at once. */
  readonly drawVariables: number;
  /** Rows of draws.csv (`--export-draws` × variables × years × scenarios). */
  readonly exportRows: number;
  /** Variants of one `forecast sweep` grid. */
  readonly sweepVariants: number;
  /** Problems printed for one command (every problem is still counted). */
  readonly problemsShown: number;
}

/** Why each limit has its value, and how to raise it: the rows of docs/security.md's table. */
export const limitInfo: Readonly<Record<keyof Limits, { readonly value: number; readonly environment: string; readonly why: string }>> = {
  fileBytes: {
    value: 20_000_000,
    environment: 'FORECAST_LIMIT_FILE_BYTES',
    why: 'the largest shipped file is about 50 KB; 20 MB is 400× that and reads in well under a second',
  },
  yamlAliases: {
    value: 100,
    environment: 'FORECAST_LIMIT_YAML_ALIASES',
    why: 'no shipped file uses an alias; 100 stops "billion laughs" expansion, which grows exponentially with nesting',
  },
  yamlDepth: {
    value: 32,
    environment: 'FORECAST_LIMIT_YAML_DEPTH',
    why: 'the deepest shipped file nests 5 levels; recursion over deeper values risks the stack',
  },
  yamlNodes: {
    value: 200_000,
    environment: 'FORECAST_LIMIT_YAML_NODES',
    why: 'the shipped files hold a few thousand values; every problem in a file is collected, so its size bounds the work',
  },
  formulaLength: {
    value: 2_000,
    environment: 'FORECAST_LIMIT_FORMULA_LENGTH',
    why: 'the longest shipped formula has 45 characters; parsing is recursive, so a long expression risks the stack',
  },
  formulaDepth: {
    value: 40,
    environment: 'FORECAST_LIMIT_FORMULA_DEPTH',
    why: 'shipped formulas nest 2 levels; the compiled formula is a tree of closures as deep as the expression',
  },
  drawVariableYears: {
    value: 2_000_000_000,
    environment: 'FORECAST_LIMIT_DRAW_VARIABLE_YEARS',
    why: 'README\'s measurement (10⁶ draws × 70 variable-years in 3.15 s) is about 2·10⁷ a second on one core: the limit is about a minute and a half',
  },
  drawVariables: {
    value: 150_000_000,
    environment: 'FORECAST_LIMIT_DRAW_VARIABLES',
    why: 'each variable holds a few columns of 8-byte numbers per draw: 1.5·10⁸ is a few GB at most',
  },
  exportRows: {
    value: 2_000_000,
    environment: 'FORECAST_LIMIT_EXPORT_ROWS',
    why: 'draws.csv is built in memory at about 100 bytes a row: 2·10⁶ rows is about 200 MB of text',
  },
  sweepVariants: {
    value: 10_000,
    environment: 'FORECAST_LIMIT_SWEEP_VARIANTS',
    why: 'each variant is a whole scenario run, and the grid is counted before any variant is built',
  },
  problemsShown: {
    value: 200,
    environment: 'FORECAST_LIMIT_PROBLEMS_SHOWN',
    why: 'a broken file can have a problem per line; the first 200 say what to fix, the count says how many there are',
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
 * The limits with every `FORECAST_LIMIT_*` variable of `env` applied (a positive whole number each).
 * @returns the limits, and the variables that were not positive whole numbers (name and value)
 * @example limitsFromEnvironment({ FORECAST_LIMIT_FILE_BYTES: '1000' }).limits.fileBytes; // => 1000
 */
export function limitsFromEnvironment(env: Readonly<Record<string, string | undefined>>): {
  limits: Limits;
  invalid: readonly { readonly name: string; readonly value: string }[];
} {
  const limits: Record<string, number> = { ...defaultLimits };
  const invalid: { name: string; value: string }[] = [];
  for (const [key, info] of Object.entries(limitInfo)) {
    const text = env[info.environment];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (/^\d+$/.test(text.trim()) && Number.isSafeInteger(value) && value > 0) limits[key] = value;
    else invalid.push({ name: info.environment, value: text });
  }
  return { limits: limits as unknown as Limits, invalid };
}

/**
 * How a message says a limit can be raised.
 * @example raiseHint('fileBytes'); // => 'a limit against resource exhaustion: FORECAST_LIMIT_FILE_BYTES raises it'
 */
export function raiseHint(limit: keyof Limits): string {
  return `a limit against resource exhaustion: ${limitInfo[limit].environment} raises it`;
}
