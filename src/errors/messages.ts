// Every message wording lives here (vega-lite's log/message.ts lesson): `<field> must <rule>, got <value>`.

/** Longest text a message shows of a received value: messages report, they never reproduce a file. */
const maxShownText = 200;
/** Longest rendering of a map or list in a message. */
const maxShownJson = 60;

/**
 * Shows a received value the way a user wrote it: strings quoted, objects as compact JSON, both cut
 * short ("…") so a message never grows with the input.
 * @example showValue('compund'); // => '"compund"'
 * @example showValue({ dist: 'normal', mean: 25 }); // => '{"dist":"normal","mean":25}'
 */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > maxShownText ? `${value.slice(0, maxShownText)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  const json = boundedJson(value, maxShownJson + 1);
  return json.length > maxShownJson ? `${json.slice(0, maxShownJson - 3)}...` : json;
}

/** JSON of a value, stopping once `budget` characters are written (a deep or huge value costs O(budget)). */
function boundedJson(value: unknown, budget: number): string {
  let out = '';
  const write = (item: unknown): void => {
    if (out.length >= budget) return;
    if (item === null || typeof item !== 'object') {
      const text = JSON.stringify(typeof item === 'string' && item.length > budget ? item.slice(0, budget) : item) ?? 'null';
      out += text;
      return;
    }
    if (ArrayBuffer.isView(item)) {
      out += '"(binary)"';
      return;
    }
    const isList = Array.isArray(item);
    out += isList ? '[' : '{';
    let first = true;
    for (const [key, entry] of Object.entries(item)) {
      if (out.length >= budget) return;
      if (!first) out += ',';
      first = false;
      if (!isList) out += `${JSON.stringify(key)}:`;
      write(entry);
    }
    out += isList ? ']' : '}';
  };
  write(value);
  return out;
}

/**
 * What kind of value a whole file turned out to be, without showing it (a file read by mistake
 * must not be echoed: docs/security.md).
 * @example describeKind('root:x:0:0'); // => 'a text'
 */
export function describeKind(value: unknown): string {
  if (value === undefined || value === null) return 'an empty document';
  if (typeof value === 'string') return 'a text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  if (Array.isArray(value)) return 'a list';
  return 'a map';
}

export const messages = {
  mustBe: (field: string, rule: string, value: unknown) => `${field} must ${rule}, got ${showValue(value)}`,
  required: (field: string) => `${field} is required, got nothing`,
  unknownKey: (field: string, key: string) => `${field} has an unknown key, got ${showValue(key)}`,
  growthSeriesUnused: (field: string, series: string, count: number, law: string, why: readonly string[]) =>
    `${field} must name series that inform the growth, got ${series}, which contributes nothing to law ${law}: ` +
    `none of its ${count} observations gives a growth it can use${why.length > 0 ? ` (${why.join('; ')})` : ''}; remove it, or add its year-on-year growth or full-year levels to data/observations.csv`,
  oneOf: (field: string, allowed: readonly string[], value: unknown) =>
    `${field} must be one of: ${allowed.join(', ')}, got ${showValue(value)}`,
  notANumber: (field: string, value: string) =>
    value.includes(',') && /^\d+,\d+$/.test(value.trim())
      ? `${field} must be a number (use "." as the decimal separator), got ${showValue(value)}`
      : `${field} must be a number, got ${showValue(value)}`,
  duplicate: (field: string, value: unknown, firstLine: number) =>
    `${field} must be unique, got ${showValue(value)} again (first on line ${firstLine})`,
  unknownReference: (field: string, kind: string, value: unknown) =>
    `${field} must name a known ${kind}, got ${showValue(value)}`,
  yamlSyntax: (detail: string) => `file must be valid YAML: ${detail}`,
  csvSyntax: (detail: string) => `file must be valid CSV: ${detail}`,
  fileMissing: (file: string) => `file must exist and be readable, got ${showValue(file)}`,
  fileRefused: (rule: string, received: string) => `file must ${rule}, got ${received}`,
  referenceRefused: (field: string, kind: string, value: unknown) => `${field} must name ${kind} that can be read, got ${showValue(value)}`,
  reservedKey: (field: string, key: string) =>
    `${field} must not be a name every JavaScript object already has (__proto__, constructor, toString, …), got ${showValue(key)}`,
  yamlDepth: (limit: number) => `file must nest maps and lists at most ${limit} levels deep, got deeper`,
  yamlNodes: (limit: number, count: number) => `file must hold at most ${limit} values, got ${count}`,
  yamlAliases: (limit: number, aliases: number) =>
    `file must expand YAML aliases (*name) at most ${limit} times, got more from ${aliases} alias${aliases === 1 ? '' : 'es'}`,
  rootKind: (field: string, rule: string, value: unknown) => `${field} must ${rule}, got ${describeKind(value)}`,
} as const;

/**
 * Rule phrases for model and scenario files (spec/): the `<rule>` part of `<path> must <rule>, got <value>`.
 * Zod schemas carry these as their error text; spec/zod-problems.ts adds the path and the value.
 */
export const specRules = {
  text: 'be a text',
  nonEmptyText: 'be a non-empty text',
  integerYear: 'be an integer year',
  yearInRange: 'be a year from 1900 to 2200',
  draws: 'be a positive integer no greater than 10000000',
  seed: 'be an integer from 0 to 9007199254740991',
  map: 'be a map of keys to values',
  list: 'be a list',
  listOfTexts: 'be a list of texts',
  number: 'be a number or a percent such as "12%"',
  finite: 'be a finite number',
  distribution: 'be a number, a percent such as "12%" or a distribution such as { dist: normal, mean: 0.1, sd: 0.02 }',
  bareRange: 'state a distribution, not a bare range',
  positive: 'be greater than 0',
  camelCase: 'be a camelCase name (a lowercase letter, then letters and digits)',
  csvSafeId: 'be a name that does not begin with =, +, -, @, a tab or a carriage return and holds no control character (it is written to CSV as it is)',
  shockAboveMinus100: 'lie above -100% (a hit of -100% or more would make the level zero or negative)',
  yearOnlyForStart: 'be a number, a percent or a distribution ({ year, value } is for start only)',
} as const;

/** Messages of spec/ (models, scenarios, distributions, formulas). */
export const specMessages = {
  unknownKeyIn: (field: string, key: string) => `${field} has an unknown key, got ${showValue(key)}`,
  greaterThan: (field: string, other: string, otherValue: number, value: unknown) =>
    `${field} must be greater than ${other} (${otherValue}), got ${showValue(value)}`,
  between: (field: string, low: string, high: string, value: unknown) =>
    `${field} must lie between ${low} and ${high}, got ${showValue(value)}`,
  notBefore: (field: string, other: string, otherValue: number, value: unknown) =>
    `${field} must not be before ${other} (${otherValue}), got ${showValue(value)}`,
  lawOrFormula: (field: string) => `${field} must have a law or a formula, got neither`,
  formulaLaw: (field: string, law: string) =>
    `${field} must be formula (or be left out) when a formula is given, got ${showValue(law)}`,
  formulaMissing: (field: string) => `${field} is required when the law is formula, got nothing`,
  seriesOrStart: (field: string) => `${field} must have a series or a start, got neither`,
  paramForLaw: (field: string, law: string, allowed: readonly string[], value: string) =>
    `${field} must be a parameter of law ${law} (${allowed.join(', ')}), got ${showValue(value)}`,
  paramOfFormula: (field: string, value: string) =>
    `${field} must be a parameter used in the formula, got ${showValue(value)}`,
  paramShadowsVariable: (field: string, value: string) =>
    `${field} must not share its name with a variable, got ${showValue(value)}`,
  formulaSyntax: (field: string, value: string) => `${field} must be a valid expression, got ${showValue(value)}`,
  formulaFunction: (field: string, allowed: readonly string[], value: string) =>
    `${field} must use only the functions ${allowed.join(', ')}, got ${showValue(value)}`,
  formulaSymbol: (field: string, value: string) =>
    `${field} must use only known variables and parameters, got ${showValue(value)}`,
  formulaOperator: (field: string, value: string) =>
    `${field} must use only numbers, names, + - * / ^, parentheses and whitelisted functions, got ${showValue(value)}`,
  formulaArity: (field: string, name: string, arity: string, count: number) =>
    `${field} must call ${name}() with ${arity}, got ${count}`,
  formulaLag: (field: string, value: string) => `${field} must call lag() with one variable name, got ${showValue(value)}`,
  formulaLength: (field: string, limit: number, count: number) => `${field} must be at most ${limit} characters long, got ${count}`,
  formulaDepth: (field: string, limit: number) => `${field} must nest parentheses and calls at most ${limit} deep, got deeper`,
  formulaCycle: (field: string, cycle: readonly string[]) =>
    `${field} must not depend on itself in the same year, got ${cycle.join(' → ')}`,
  extendsCycle: (field: string, chain: readonly string[]) =>
    `${field} must not form a cycle, got ${chain.join(' → ')}`,
  extendsMissing: (field: string, value: string) =>
    `${field} must name a scenario file that exists, got ${showValue(value)}`,
  requiredInChain: (field: string) => `${field} is required in the scenario or one it extends, got nothing`,
  shockEffect: (field: string) => `${field} must give a growth or a level, got neither`,
  shockAfterHorizon: (field: string, horizon: number, value: unknown) =>
    `${field} must not be after the horizon (${horizon}), got ${showValue(value)}`,
  removesNothing: (field: string, where: string) => `${field} must remove a value the scenario inherits, got null (${where})`,
  removedRequired: (field: string, why: string) => `${field} must keep a value (${why}), got null`,
  lawForFormula: (field: string, formula: string, value: string) =>
    `${field} must not be given for a formula variable (${formula}), got ${showValue(value)}`,
  lawOfOtherKind: (field: string, kind: 'count' | 'level', allowed: readonly string[], variable: string, value: string) =>
    kind === 'count'
      ? `${field} must be a count law (${allowed.join(', ')}) for ${variable}, which counts whole things, got ${showValue(value)}`
      : `${field} must be a level law (${allowed.join(', ')}) for ${variable}, whose level is not a count, got ${showValue(value)}`,
  lawNotCalibrated: (field: string, detail: string, value: string) =>
    `${field} must name a law the variable can be calibrated for (${detail}), got ${showValue(value)}`,
  lawLeftover: (field: string, law: string, param: string, from: string) =>
    `${field} must leave no parameter that law ${law} lacks, got ${param} from ${from}`,
  driverFactor: (field: string, value: string) =>
    `${field} must be a normal, uniform, triangular or pert distribution (the factor's value in a year; its exponential must have a mean), got ${showValue(value)}`,
  driverPersistence: (field: string, value: unknown) => `${field} must lie in [0, 1] (the year-to-year correlation of the factor), got ${showValue(value)}`,
  driverNoLoadings: (field: string) => `${field} must load at least one variable, got none`,
  driverLoadingKind: (field: string, given: readonly string[]) =>
    `${field} must give one of growth or rate, got ${given.length === 0 ? 'neither' : given.join(' and ')}`,
  driverLoadingZero: (field: string) => `${field} must not be 0 (a loading of 0 moves nothing; remove the loading instead), got 0`,
  driverBareLoading: (field: string, value: number) =>
    `${field} must be a fraction per unit of the factor (|x| ≤ 1 as a bare number), got ${showValue(value)}`,
  driverLoadingEffect: (field: string, expected: 'growth' | 'rate', variable: string, law: string, value: string) =>
    expected === 'rate'
      ? `${field} must load the rate of ${variable}, a count (law ${law}), got ${showValue(value)}`
      : `${field} must load the growth of ${variable} (law ${law}), got ${showValue(value)}`,
  driverOnFormula: (field: string, formula: string, value: string) =>
    `${field} must name a variable with a law, got ${showValue(value)}, a formula (${formula}) that moves with its inputs`,
  modelFile: 'model file',
  scenarioFile: 'scenario file',
} as const;

/** Messages of the checks a run makes before it simulates (src/pipeline/check-before-simulating.ts) and while it does. */
export const runMessages = {
  horizonBeforeBase: (baseYear: number, variable: string, value: number) =>
    `horizon must be after the base year of every variable (${baseYear}, the last year on record of ${variable}), got ${value}`,
  positiveStart: (law: string) => `be greater than 0 (law ${law} works on the log scale of the level)`,
  countStart: (law: string) => `be at least 0 (law ${law} counts)`,
  shockYear: (field: string, variable: string, first: number, horizon: number, value: number) =>
    `${field} must lie in the simulated years of ${variable} (${first}–${horizon}), got ${value}`,
  shockOnRecord: (baseYear: number) => `years up to ${baseYear} are on record: a shock there would change nothing`,
  noLevel: (field: string, series: string) =>
    `${field} must have a starting level: a full-year level of ${series} or a start, got neither`,
  noLevelAsOf: (field: string, series: string, asOf: string, published: string, where: string) =>
    `${field} must have a starting level as of ${asOf}, got none: the first full-year level of ${series} was published ${published} (${where})`,
  heldValues: (limit: number, total: number, held: { readonly draws: number; readonly summaries: number; readonly pairedDraws: number; readonly pairedPerDraw: number }) =>
    `values held for the draws must be at most ${limit}, got ${held.draws} draws × ${held.summaries} summaries` +
    (held.pairedDraws > 0 ? ` + ${held.pairedDraws} draws × ${held.pairedPerDraw} paired outcomes` : '') +
    ` = ${total}`,
  drawVariableYears: (limit: number, draws: number, variables: number, years: number) =>
    `draws × variables × years must be at most ${limit}, got ${draws} × ${variables} × ${years} = ${draws * variables * years}`,
  nonFinite: (field: string, year: number, count: number, draws: number, value: number) =>
    `${field} must give a finite number in every draw, got ${Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'} in ${count} of ${draws} draws in ${year}`,
  unknownTargetVariable: (field: string, known: readonly string[], value: string) =>
    `${field} must name a variable of a model (${known.join(', ')}), got ${showValue(value)}`,
  duplicateScenario: (value: string, first: string) => `scenario must be unique among the scenarios of one run, got ${showValue(value)} again (first in ${first})`,
  modelFileKind: (value: string) => `model must name a YAML file (.yaml or .yml), got ${showValue(value)}`,
  exportRows: (limit: number, rows: number) => `--export-draws must give at most ${limit} rows of draws.csv, got ${rows}`,
} as const;

/** Messages of the command line itself (src/cli/main.ts). */
export const cliMessages = {
  seed: (value: unknown) => `--seed must be a whole number ≥ 0, got ${String(value)}`,
  repeatedOption: (key: string, values: readonly unknown[]) =>
    `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be given once, got ${values.length} values: ${values.map((v) => showValue(v)).join(', ')}`,
} as const;

/** Messages about the output folder (`--out`): src/io/atomic-write.ts. */
export const outMessages = {
  empty: () => '--out must name a folder, got ""',
  holdsProject: (value: string) => `--out must name a folder for outputs, not the project folder or one that holds it, got ${showValue(value)}`,
  notFolder: (value: string) => `--out must name a folder, got ${showValue(value)}, which is a file`,
  foreignLink: (value: string) => `--out must name a folder the engine writes, got ${showValue(value)}, a symbolic link to somewhere else`,
  foreignFolder: (value: string, count: number) =>
    `--out must name a folder that holds only outputs (csv, json, html, pdf, png, svg, txt files and charts/), got ${showValue(value)} with ${count} other entr${count === 1 ? 'y' : 'ies'}`,
  notWritable: (value: string, code: string) => `--out must name a folder the engine can create and write, got ${showValue(value)} (${code})`,
} as const;

/** Messages of shards and their merge (`forecast run --shard`, `forecast merge`): src/pipeline/part-file.ts, merge-parts.ts. */
export const shardMessages = {
  shardFormat: (max: number, value: unknown) => `--shard must be k/n, the shard k of n counted from 0 (0 ≤ k < n ≤ ${max}), got ${showValue(value)}`,
  notWithShard: (option: string) => `--${option} must be given to forecast merge, not to a shard, got it with --shard`,
  noParts: () => 'parts must name at least one part written by forecast run --shard, got none',
  sameRun: (field: string, first: string, value: unknown) => `${field} must be the same in every part of one run (as in ${first}), got ${showValue(value)}`,
  shardTwice: (index: number, first: string) => `shard.index must name each shard once, got ${index} again (first in ${first})`,
  shardsMissing: (count: number, missing: readonly number[]) =>
    `parts must hold every shard 0 … ${count - 1} of the run, got none for shard${missing.length === 1 ? '' : 's'} ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''}`,
  engine: (own: string, value: string) => `engine must be ${own}, the version merging (a part's state is read by the engine that wrote it), got ${showValue(value)}`,
  inputChanged: (path: string) => `inputs must be the files the shards read, got ${showValue(path)} with another content (SHA-256 differs)`,
  inputsDiffer: (expected: readonly string[], value: readonly string[]) =>
    `inputs must be the files this run reads (${expected.join(', ')}), got ${value.join(', ')}`,
} as const;

/** Messages of the planner's commands (compare, sweep, sensitivity, solve, explain): src/planner/. */
export const plannerMessages = {
  varyFormat: (value: string) =>
    `--vary must be <path>=<values> with values a list a,b,c or a range low:high:step, got ${showValue(value)}`,
  varyPath: (path: string) =>
    `--vary path must be assumptions.<variable>.<parameter> or assumptions.<variable>.<parameter>.<field> (or, for a sweep, a driver's drivers.<name>.persistence, drivers.<name>.factor.<field> or drivers.<name>.loadings.<variable>.growth|rate), got ${showValue(path)}`,
  varyValue: (path: string, value: string) => `--vary ${path} value must be a number or a percent such as "12%", got ${showValue(value)}`,
  varyRange: (path: string, value: string) =>
    `--vary ${path} range must be low:high:step with step > 0 and low ≤ high (at most 10000 values), got ${showValue(value)}`,
  tooManyVariants: (limit: number, count: number) => `--vary must give at most ${limit} variants in all, got ${count}`,
  varyDuplicate: (path: string) => `--vary paths must be distinct, got ${showValue(path)} twice`,
  designEmpty: (got: string) => `design must hold a header of assumption paths and at least one row of values, got ${got}`,
  tooManyDesignRows: (limit: number, count: number) => `design must hold at most ${limit} variants, got ${count} lines of values`,
  designColumn: (path: string) =>
    `column must be an assumption path assumptions.<variable>.<parameter> or assumptions.<variable>.<parameter>.<field>, or a driver's drivers.<name>.persistence, drivers.<name>.factor.<field> or drivers.<name>.loadings.<variable>.growth|rate, got ${showValue(path)}`,
  unknownDriver: (path: string, driver: string, known: readonly string[]) =>
    known.length === 0 ? `${path} must name a shared driver of the scenario, got ${showValue(driver)} (the scenario has none)` : `${path} must name a shared driver of the scenario (${known.join(', ')}), got ${showValue(driver)}`,
  unknownLoading: (path: string, known: readonly string[]) =>
    `${path} must name a loading the driver has (${known.join(', ')}), got ${showValue(path)}`,
  driverPathInSolve: (path: string) => `--vary must be an assumption path assumptions.<variable>.<parameter>[.<field>] (a driver's setting can be swept: forecast sweep), got ${showValue(path)}`,
  designColumnTwice: (path: string) => `columns must be distinct paths, got ${showValue(path)} twice`,
  designValue: (path: string, value: string) => `${path} must be a number or a percent such as "12%", got ${showValue(value)}`,
  varyOrDesign: () => 'sweep must be given --vary <path>=<values> or --design <file>, got neither',
  designVary: (value: string) => `--vary must be <path>=<low>:<high> with low < high, both finite (a number or a percent such as "12%"), got ${showValue(value)}`,
  designPoints: (limit: number, value: unknown) => `--points must be a whole number from 2 to ${limit} (the variants a sweep may run), got ${showValue(value)}`,
  designColumns: (max: number, count: number) => `--vary must be given from 1 to ${max} times (one column each), got ${count}`,
  designWithVary: () => '--design must be given without --vary (the design lists every variant), got both',
  unknownVariable: (path: string, variable: string, known: readonly string[]) =>
    `${path} must name a variable of the model (${known.join(', ')}), got ${showValue(variable)}`,
  unknownParameter: (path: string, parameter: string, known: readonly string[]) =>
    `${path} must name a parameter of the variable (${known.join(', ')}), got ${showValue(parameter)}`,
  unknownField: (path: string, field: string, known: readonly string[]) =>
    `${path} must name a field of its ${known.length > 0 ? 'distribution' : 'value'} (${known.join(', ')}), got ${showValue(field)}`,
  invalidVariant: (path: string, rule: string, value: number) => `${path} must ${rule}, got ${showValue(value)}`,
  decidedOnRecord: (id: string, status: string, reason: string) =>
    `--target must name a target the record has not decided, got ${showValue(id)}, ${status} on record (${reason})`,
  targetTwice: (id: string) => `--target must name each target once, got ${showValue(id)} twice`,
  unknownTarget: (known: readonly string[], value: string) =>
    `--target must name a target the scenario judges (${known.join(', ')}), got ${showValue(value)}`,
  probability: (value: unknown) => `--probability must be a number strictly between 0 and 1, got ${showValue(value)}`,
  range: (value: unknown) => `--range must be low:high with low < high, got ${showValue(value)}`,
  threads: (value: unknown) => `--threads must be a whole number from 1 to 64, or auto, got ${showValue(value)}`,
  quantiles: (low: number, high: number) => `--low and --high must satisfy 0 < low < high < 1, got ${low} and ${high}`,
  compareCount: (count: number) => `compare must be given at least two scenarios, got ${count}`,
  notBracketed: (path: string, low: number, high: number, probabilityLow: number, probabilityHigh: number, wanted: number) =>
    `${path} must bracket probability ${wanted} between ${low} (P = ${probabilityLow}) and ${high} (P = ${probabilityHigh}); widen --range`,
} as const;

/** Rule phrases of the data folder, for `<field> must <rule>, got <value>`. */
export const dataRules = {
  finite: 'be a finite number',
  notNegative: 'be at least 0 (a level is an amount, a count or a share)',
  positiveAmount: 'be greater than 0 for an amount of money',
  yoyPercent: (max: number) => `be greater than -100 and at most ${max} (a growth in percent)`,
  id: 'be a name that does not begin with =, +, -, @, a tab or a carriage return and holds no control character (it is written to CSV as it is)',
} as const;

/** Messages of the data folder (observations, series, sources, targets): src/data/. */
export const dataMessages = {
  valueOrGrowth: (row: string) => `${row} must give a value or a yoyPercent, got neither`,
  derivationMissing: () => 'derivation is required when status is derived, got nothing',
  unitMissing: (value: string) => `unit is required when a value is given, got nothing for value ${showValue(value)}`,
  unitNotConvertible: (field: string, unit: string, seriesUnit: string, series: string) =>
    `${field} must be convertible to ${showValue(seriesUnit)} (the unit of series ${series}), got ${showValue(unit)}`,
  stockDateYear: (year: number, value: unknown) => `year must match the year of its stock-date period (${year}), got ${showValue(value)}`,
  columnMissing: (column: string, columns: readonly string[]) =>
    `header must include the column ${showValue(column)}, got ${columns.length === 0 ? 'no header' : columns.join(',')}`,
  boundsMissing: (field: string) => `${field} must give a bound (atLeast, above, atMost, below or approx), got none`,
  boundsConflict: (field: string, keys: readonly string[]) =>
    `${field} must give at most one commitment (atLeast, above) and one ceiling (atMost, below), or approx alone, got ${keys.join(', ')}`,
  rateBound: (field: string, value: unknown) =>
    `${field} must be a fraction per year such as 0.1 or a percent such as "10%", got ${showValue(value)}`,
  betweenRemoved: (field: string) =>
    `${field} is no longer a target key: a plan range such as "5-10家" is atLeast: 5 with aspiration: 10 (exceeding 10 is not a miss); a band the text states at both ends is atLeast + atMost`,
  outcomeRemoved: (field: string) =>
    `${field} is no longer a target key: the outcome is judged from data/observations.csv; add the figure that decides it there, with its source and quote`,
  keyOfOtherKind: (field: string, kind: string) => `${field} must not be given for a ${kind} target (another kind reads it)`,
  toleranceMissing: (field: string) => `${field} is required with approx (the relative tolerance the reading states, e.g. 0.05 or "5%"), got nothing`,
  aspirationAlone: (field: string) => `${field} must come with a commitment (atLeast or above) and without a ceiling (atMost, below)`,
  growthUnit: (field: string, kind: string, value: unknown) => `${field} must be rate for a ${kind} target, got ${showValue(value)}`,
  windowMissing: (field: string, kind: string) => `${field} is required for a ${kind} target, got nothing`,
  unknownSeries: (value: string) => `series must name a series of data/series.csv, got ${showValue(value)}`,
  duplicateFigure: (figures: readonly string[], key: string, firstLine: number) =>
    `series, period, year, kind, source and published must be unique for each figure, got ${showValue(key)} again with a ${figures.join(' and a ')} (first on line ${firstLine})`,
} as const;

/** Messages of the ensemble law and of backtests: src/laws/ensemble-law.ts, src/backtest/, `forecast backtest`. */
export const backtestMessages = {
  ensembleTooShort: (minimum: number, count: number) =>
    `full-year levels must cover at least ${minimum} consecutive years ending at the base year for law ensemble, got ${count} (use law compound for short histories)`,
  ensembleBaseNotLevel: (baseYear: number, lastLevelYear: number | undefined) =>
    `the base year must be the year of the latest full-year point level for law ensemble, got base year ${baseYear} and latest point level ${lastLevelYear ?? 'none'} (use law compound when the latest figure is a bound or a start)`,
  unknownLaw: (known: readonly string[], value: string) =>
    `--laws must name growth laws (${known.join(', ')}), got ${showValue(value)}`,
  unknownVariable: (known: readonly string[], value: string) =>
    `--variable must name a variable of the model with a series (${known.join(', ')}), got ${showValue(value)}`,
  horizon: (value: unknown) => `--horizon must be a whole number from 1 to 20, got ${showValue(value)}`,
  draws: (value: unknown) => `--draws must be a whole number from 10 to 1000000, got ${showValue(value)}`,
  vintage: (value: unknown) => `--vintage must be one of: dated, strict, none, got ${showValue(value)}`,
  noLaterLevel: (series: string, from: number, to: number) => `no level of ${series} for ${from}–${to} on record today: nothing to score`,
  asOfDate: (value: string) => `--as-of must be dates YYYY-MM-DD or YYYY-MM, got ${JSON.stringify(value)}`,
  acrossBreak: (year: number, series: string, basis: number, baseYear: number) =>
    `${year} not scored: its level and the ${baseYear} level the forecast starts from are on different bases of ${series} (a break from ${basis}, data/series.csv), not comparable`,
  m3Missing: (file: string) =>
    `the yardstick collection must exist at ${file} (a CSV with series_id,category,split,t,value, e.g. the M3 yearly data), got no file`,
} as const;
