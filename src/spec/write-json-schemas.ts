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
import { modelFileSchema, scenarioFileSchema } from './schemas.js';

/**
 * The JSON Schema of each YAML file kind, keyed by file name in `schema/`. Draft-07 (what
 * yaml-language-server reads best), describing the *input* (percent strings, p5/p95 forms).
 * @example Object.keys(jsonSchemas()); // => ['model.schema.json', 'scenario.schema.json', 'targets.schema.json']
 * @see https://zod.dev/json-schema
 */
export function jsonSchemas(): Record<string, object> {
  const options = { target: 'draft-7', io: 'input', unrepresentable: 'throw' } as const;
  return {
    'model.schema.json': z.toJSONSchema(modelFileSchema, options),
    'scenario.schema.json': z.toJSONSchema(scenarioFileSchema, options),
    'targets.schema.json': targetsJsonSchema(),
  };
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
