import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { targetKeys } from '../../src/data/parse-targets.js';
import { jsonSchemas, jsonSchemaText } from '../../src/spec/write-json-schemas.js';

describe('jsonSchemas()', () => {
  // Regenerate with: npm run build && node dist/src/spec/write-json-schemas.js
  it.each(Object.entries(jsonSchemas()))('schema/%s equals the schema generated from src/spec/schemas.ts', (name, schema) => {
    expect(readFileSync(`schema/${name}`, 'utf8')).toBe(jsonSchemaText(schema));
  });

  it('describes every key the targets parser accepts, and only those', () => {
    const targets = jsonSchemas()['targets.schema.json'] as { items: { properties: Record<string, unknown>; additionalProperties: boolean } };
    expect(Object.keys(targets.items.properties)).toEqual([...targetKeys]);
    expect(targets.items.additionalProperties).toBe(false);
  });

  it('forbids unknown keys in a model file and in each variable', () => {
    const model = jsonSchemas()['model.schema.json'] as { additionalProperties: boolean; properties: { variables: { additionalProperties: { additionalProperties: boolean } } } };
    expect(model.additionalProperties).toBe(false);
    expect(model.properties.variables.additionalProperties.additionalProperties).toBe(false);
  });

  it('is referenced by the comment line every shipped YAML file starts with', () => {
    const shipped = ['models', 'scenarios'].flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.yaml')).map((f) => `${folder}/${f}`));
    for (const file of [...shipped, 'data/targets.yaml']) {
      const first = readFileSync(file, 'utf8').split('\n')[0];
      expect(first).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/(model|scenario|targets)\.schema\.json$/);
      expect(() => parse(readFileSync(file, 'utf8'))).not.toThrow();
    }
  });
});
