// JSON Schemas for editors (yaml-language-server), generated from the same definitions that check
// the files: the zod schemas for models and scenarios, the targets parser's key lists for targets.
//
// Regenerate after changing src/spec/schemas.ts:  npm run build && node dist/src/spec/write-json-schemas.js
// (test/spec/json-schemas.test.ts fails when schema/*.json and the zod schemas disagree).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod';
import { targetsJsonSchema } from '../data/targets-json-schema.js';
import { laws } from '../laws/registry.js';
import { specSchemas } from './schemas.js';
import { targetKindRegistry } from '../evaluate/target-kinds/registry.js';

/**
 * The JSON Schema of each YAML file kind, keyed by file name in `schema/`. Draft-07 (what
 * yaml-language-server reads best), describing the *input* (percent strings, p5/p95 forms).
 * @example Object.keys(jsonSchemas()); // => ['model.schema.json', 'scenario.schema.json', 'targets.schema.json']
 * @see https://zod.dev/json-schema
 */
export function jsonSchemas(): Record<string, object> {
  const options = { target: 'draft-7', io: 'input', unrepresentable: 'throw' } as const;
  const { modelFileSchema, scenarioFileSchema } = specSchemas();
  const model = z.toJSONSchema(modelFileSchema, options) as JsonObject;
  const scenario = z.toJSONSchema(scenarioFileSchema, options) as JsonObject;
  // Each law parameter's unit and ranges, from the laws' own declarations (src/laws/*-law.ts), so an
  // editor shows them where the parameter is written.
  withParameterDescriptions(pathIn(model, ['properties', 'variables', 'additionalProperties', 'properties', 'params']));
  // A scenario's assumptions may be null (removes what is inherited), and each variable's assumptions
  // are a map of law, parameters and start (each nullable too).
  withParameterDescriptions(pathIn(scenario, ['properties', 'assumptions', 'anyOf', '0', 'additionalProperties', 'anyOf', '0']), true);
  return {
    'model.schema.json': model,
    'scenario.schema.json': scenario,
    'targets.schema.json': targetsJsonSchema(targetKindRegistry),
  };
}

type JsonObject = Record<string, unknown>;

function pathIn(schema: JsonObject, path: readonly string[]): JsonObject {
  let node: unknown = schema;
  for (const key of path) node = (node as JsonObject)[key];
  if (node === null || typeof node !== 'object') throw new Error(`jsonSchemas: no ${path.join('.')} in the generated schema`);
  return node as JsonObject;
}

/**
 * Every parameter of every law, described in words with its unit, plausible range and hard range,
 * merged across the laws that share a name (`rate` is a log growth for logistic, a count for poisson).
 * @example parameterDescriptions().persistence; // => 'compound: AR(1) coefficient φ … (a fraction; plausible 0 to 1; allowed 0 to 1)'
 */
export function parameterDescriptions(): Record<string, string> {
  const byName = new Map<string, string[]>();
  const unitWords: Record<string, string> = {
    rate: 'a rate per year: a fraction such as 0.12 or a percent such as "12%"',
    fraction: 'a fraction such as 0.5 or a percent such as "50%"',
    years: 'years',
    count: 'a count per year',
    level: "in the variable's unit",
    ratio: 'a ratio',
  };
  const bound = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? 'unbounded' : String(value));
  for (const law of Object.values(laws)) {
    for (const p of law.parameters) {
      const text = `${law.name}: ${p.description} (${unitWords[p.unit] ?? p.unit}; plausible ${bound(p.plausible[0])} to ${bound(p.plausible[1])}; allowed ${bound(p.min)} to ${bound(p.max)})`;
      byName.set(p.name, [...(byName.get(p.name) ?? []), text]);
    }
  }
  return Object.fromEntries([...byName].map(([name, texts]) => [name, texts.join(' | ')]));
}

/**
 * Adds `properties` to a record of parameters: one per law parameter name (a distribution, with its
 * description), and for a scenario's assumptions `start`, whose value may also carry its year.
 */
function withParameterDescriptions(record: JsonObject, scenario = false): void {
  const properties: JsonObject = { ...((record.properties as JsonObject | undefined) ?? {}) };
  for (const [name, description] of Object.entries(parameterDescriptions())) {
    // In a scenario, null removes the value the scenario inherits (from a scenario it extends, or the model).
    properties[name] = scenario ? { anyOf: [{ $ref: '#/definitions/distribution' }, { type: 'null' }], description: `${description}; null removes the inherited value` } : { $ref: '#/definitions/distribution', description };
  }
  if (scenario) properties.start = { ...(record.additionalProperties as JsonObject), description: "The starting level: a value or distribution (in the base year), or { year, value }; null removes the model's start" };
  record.properties = properties;
}

/** The text written for a schema: two-space JSON and a final newline. */
export function jsonSchemaText(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** Writes every schema into `folder` (default: the project's `schema/`). */
export function writeJsonSchemas(folder: string): string[] {
  return Object.entries(jsonSchemas()).map(([name, schema]) => {
    const path = join(folder, name);
    writeFileSync(path, jsonSchemaText(schema));
    return path;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // dist/src/spec/ → project root, or src/spec/ when run from source.
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = here.includes(`${join('dist', 'src')}`) ? join(here, '..', '..', '..') : join(here, '..', '..');
  for (const path of writeJsonSchemas(join(root, 'schema'))) process.stdout.write(`wrote ${path}\n`);
}
