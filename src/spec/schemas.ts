// The shapes of model and scenario files: one zod definition that both validates and yields the JSON Schemas.
import * as z from 'zod';
import { specRules } from '../errors/messages.js';
import { isCsvSafeId } from '../io/csv-cell.js';
import { lawNames } from './law-parameter-names.js';
import { distributionSchemas } from './parse-distribution.js';
import { registerUnionPicker } from './zod-problems.js';

/** camelCase: a lowercase letter, then letters and digits (names used in formulas, CSV and targets). */
export const camelCasePattern = /^[a-z][A-Za-z0-9]*$/;

/**
 * Builds the schemas. zod builds a schema's parsers as it is declared, a tenth of `forecast validate`
 * when it was done at import; a command that reads its models and scenarios from the content cache
 * (src/io/content-cache.ts), or reads none, never builds them.
 */
function buildSpecSchemas() {
  const { distributionSchema, numberLikeSchema } = distributionSchemas();
  const text = z.string({ error: specRules.text });
  const nonEmptyText = z.string({ error: specRules.nonEmptyText }).min(1, { error: specRules.nonEmptyText });
  /** A name written to CSV as it is (scenario, model, region, unit): nothing a spreadsheet would run as a formula. */
  const idText = nonEmptyText.refine(isCsvSafeId, { error: specRules.csvSafeId });

  /** An integer calendar year between 1900 and 2200. */
  const yearSchema = z
    .number({ error: specRules.integerYear })
    .int({ error: specRules.integerYear })
    .min(1900, { error: specRules.yearInRange })
    .max(2200, { error: specRules.yearInRange });

  const labelSchema = z
    .strictObject({
      zh: text.meta({ description: 'Chinese label' }),
      en: text.meta({ description: 'English label' }),
    })
    .meta({ description: 'Labels in Chinese and English' });

  const paramsSchema = z
    .record(text, distributionSchema, { error: specRules.map })
    .meta({ description: 'Parameter name → fixed value or distribution (rates are fractions per year; "12%" is 0.12)' });

  const startSchema = z
    .strictObject({
      year: yearSchema.meta({ description: 'Year of the starting level' }),
      value: distributionSchema,
    })
    .meta({ description: 'An explicit starting level (a documented assumption, used when there is no data)' });

  const calibrateSchema = z
    .strictObject({
      from: yearSchema.optional().meta({ description: 'First year of evidence to use (inclusive)' }),
      to: yearSchema.optional().meta({ description: 'Last year of evidence to use (inclusive)' }),
      growthSeries: z
        .array(text, { error: specRules.listOfTexts })
        .optional()
        .meta({ description: 'Other series whose growth (never their levels) informs this variable' }),
    })
    .meta({ description: 'How the law is fitted to history' });

  /** One variable of a model. */
  const variableSchema = z
    .strictObject({
      label: labelSchema.optional(),
      unit: idText.meta({ description: 'Unit of the level, e.g. 亿元, count, ratio' }),
      region: idText.optional().meta({ description: "Region; defaults to the model's" }),
      series: nonEmptyText.optional().meta({ description: 'Data series with the history of the level' }),
      law: z.enum(lawNames as [string, ...string[]]).optional().meta({ description: 'Growth law; may be left out when a formula is given' }),
      calibrate: calibrateSchema.optional(),
      params: paramsSchema.optional(),
      start: startSchema.optional(),
      formula: nonEmptyText
        .optional()
        .meta({ description: 'Expression over other variables and params: + - * / ^, exp log sqrt abs min max pow floor ceil round, lag(x)' }),
      description: text.optional(),
      iamc: nonEmptyText
        .regex(/^[^|]+(\|[^|]+)+$/, 'must be an IAMC variable name of two or more levels, such as "Revenue|Information Software"')
        .optional()
        .meta({ description: 'IAMC variable name for iamc.csv, levels joined by | (e.g. "Industry Size|AI|Core"); default: the English label' }),
    })
    .meta({ description: 'A projected quantity: its law (or formula), data series and parameters' });

  /** A model file (models/*.yaml). */
  const modelFileSchema = z
    .strictObject({
      $schema: text.optional().meta({ description: 'JSON Schema of this file, for editors' }),
      model: idText.meta({ description: 'Model name, e.g. beijing-digital' }),
      label: labelSchema.optional(),
      region: idText.meta({ description: 'Region of every variable unless it says otherwise' }),
      description: text.optional(),
      variables: z
        .record(z.string().regex(camelCasePattern, { error: specRules.camelCase }), variableSchema, { error: specRules.map })
        .meta({ description: 'Variables by camelCase name, in evaluation-independent order' }),
    })
    .meta({ title: 'Forecast model', description: 'A model: variables, the growth law of each, and formulas tying them' });

  /** A scenario's starting level with its year: `start: { year: 2023, value: 2500 }` (the projection starts there). */
  const scenarioStartSchema = z
    .strictObject({
      year: yearSchema.meta({ description: 'Year of the starting level (the first projected year is the next)' }),
      value: distributionSchema,
    })
    .meta({ description: "A starting level and its year: overrides the data's latest level and the model's start" });

  /**
   * One assumption: a value or distribution, or (for `start` only) a starting level with its year.
   * The form is chosen from the value: a map with `year` and no `dist` is a start with its year.
   */
  const assumptionValueSchema = z.union([scenarioStartSchema, distributionSchema]);
  registerUnionPicker(assumptionValueSchema, (value) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && 'year' in value && !('dist' in value)
      ? { option: scenarioStartSchema }
      : { option: distributionSchema },
  );

  /** A one-off change: a growth hit in one year or a level step from one year on. */
  const shockSchema = z
    .strictObject({
      variable: nonEmptyText.meta({ description: 'Variable hit by the shock' }),
      year: yearSchema,
      growth: distributionSchema.optional().meta({ description: "Added to that year's growth rate (fraction points)" }),
      level: distributionSchema.optional().meta({ description: 'Multiplies the level from that year on by (1 + level)' }),
      note: text.optional(),
    })
    .meta({ description: 'A one-off shock to one variable in one year' });

  /** Laws a scenario may switch a variable to: every growth law (a formula is the model's to write). */
  const scenarioLawNames = lawNames.filter((name) => name !== 'formula');

  /**
   * One variable's assumptions: `law` switches its law; every other key is a parameter (or `start`)
   * with a value or a distribution; `null` removes what the scenario inherits at that key (from a
   * scenario it extends, else from the model).
   */
  const variableAssumptionsSchema = z
    .object({
      law: z
        .enum(scenarioLawNames as [string, ...string[]])
        .nullable()
        .optional()
        .meta({ description: "Switches the variable's law; its parameters are then the new law's (null: back to the inherited law)" }),
    })
    .catchall(assumptionValueSchema.nullable())
    .meta({ description: 'Parameter (or start) → value or distribution, and optionally law; null removes the inherited setting' });

  /**
   * A driver's loading on one variable: `growth` (a rate per unit of the factor, added to the
   * variable's log growth each year) or `rate` (log points per unit of the factor: a count law's
   * rate is multiplied by exp(rate · factor)).
   */
  const driverLoadingSchema = z
    .strictObject({
      growth: numberLikeSchema.optional().meta({ description: "Rate per unit of the factor added to the variable's log growth each year (\"4%\" or 0.04)" }),
      rate: numberLikeSchema.optional().meta({ description: "A count law's rate is multiplied by exp(rate × factor): log points per unit of the factor (\"30%\" or 0.3)" }),
    })
    .meta({ description: 'How the factor moves one variable: its growth (level laws) or its rate (count laws)' });

  /** A shared driver: one uncertain factor that moves several variables together. */
  const driverSchema = z
    .strictObject({
      description: text.optional(),
      factor: distributionSchema
        .optional()
        .meta({ description: "The factor's value in a year: normal, uniform, triangular or pert (default { dist: normal, mean: 0, sd: 1 })" }),
      persistence: numberLikeSchema
        .optional()
        .meta({ description: 'Year-to-year correlation of the factor, 0 (a fresh value every year, the default) to 1 (one value per draw for every year)' }),
      loadings: z
        .record(text, driverLoadingSchema.nullable(), { error: specRules.map })
        .optional()
        .meta({ description: 'Variable → its loading (growth or rate); null removes an inherited loading' }),
    })
    .meta({ description: 'A shared driver: an uncertain factor, drawn per draw and year, and its loadings on variables' });

  /**
   * A scenario file (scenarios/*.yaml). Every field is optional in one file: `model`, `horizon`,
   * `draws` and `seed` must be given somewhere in the `extends` chain. `null` removes the value a
   * scenario inherits (the chain's required fields cannot be removed).
   */
  const scenarioFileSchema = z
    .strictObject({
      $schema: text.optional().meta({ description: 'JSON Schema of this file, for editors' }),
      scenario: idText.optional().meta({ description: 'Scenario name' }),
      extends: nonEmptyText.optional().meta({ description: 'Scenario this one builds on: a name (baseline → baseline.yaml next to this file) or a relative path' }),
      description: text.optional(),
      rationale: text.optional().meta({ description: 'Why these assumptions: the record they rest on (figures with their source ids) and what is assumed' }),
      model: nonEmptyText.nullable().optional().meta({ description: 'Path of the model file, relative to this file' }),
      horizon: yearSchema.nullable().optional().meta({ description: 'Last projected year' }),
      draws: z
        .number({ error: specRules.draws })
        .int({ error: specRules.draws })
        .min(1, { error: specRules.draws })
        .max(10_000_000, { error: specRules.draws })
        .nullable()
        .optional()
        .meta({ description: 'Number of Monte Carlo draws' }),
      seed: z
        .number({ error: specRules.seed })
        .int({ error: specRules.seed })
        .min(0, { error: specRules.seed })
        .max(Number.MAX_SAFE_INTEGER, { error: specRules.seed })
        .nullable()
        .optional()
        .meta({ description: 'Seed of the random number generator' }),
      assumptions: z
        .record(text, variableAssumptionsSchema.nullable(), { error: specRules.map })
        .nullable()
        .optional()
        .meta({ description: 'Variable → law, parameters (or start) → value or distribution; overrides calibration and the model; null removes an inherited setting' }),
      shocks: z.array(shockSchema, { error: specRules.list }).nullable().optional(),
      drivers: z
        .record(z.string().regex(camelCasePattern, { error: specRules.camelCase }), driverSchema.nullable(), { error: specRules.map })
        .nullable()
        .optional()
        .meta({ description: 'Shared drivers by camelCase name: uncertain factors that move several variables together' }),
    })
    .meta({ title: 'Forecast scenario', description: 'A scenario: model, horizon, draws, seed and the assumptions that override calibration' });

  return { variableSchema, modelFileSchema, scenarioFileSchema, driverSchema };
}

let built: ReturnType<typeof buildSpecSchemas> | undefined;

/** The schemas of model and scenario files, built on first use (once per process). */
export function specSchemas(): ReturnType<typeof buildSpecSchemas> {
  return (built ??= buildSpecSchemas());
}

type Schemas = ReturnType<typeof specSchemas>;
export type ModelFile = z.output<Schemas['modelFileSchema']>;
export type VariableFile = z.output<Schemas['variableSchema']>;
export type ScenarioFile = z.output<Schemas['scenarioFileSchema']>;
export type DriverFile = z.output<Schemas['driverSchema']>;
