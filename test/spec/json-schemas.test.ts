import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jsonSchemas, jsonSchemaText } from '../../src/spec/write-json-schemas.js';

describe('jsonSchemas()', () => {
  // Regenerate with: npm run build && node dist/src/spec/write-json-schemas.js
  it.each(Object.entries(jsonSchemas()))('schema/%s equals the schema generated from src/spec/schemas.ts', (name, schema) => {
    expect(readFileSync(`schema/${name}`, 'utf8')).toBe(jsonSchemaText(schema));
  });

  it('forbids unknown keys in a model file and in each variable', () => {
    const model = jsonSchemas()['model.schema.json'] as { additionalProperties: boolean; properties: { variables: { additionalProperties: { additionalProperties: boolean } } } };
    expect(model.additionalProperties).toBe(false);
    expect(model.properties.variables.additionalProperties.additionalProperties).toBe(false);
  });

  it('is referenced by the comment line every shipped YAML file starts with', () => {
    for (const file of ['models/beijing.yaml', 'scenarios/baseline.yaml']) {
      const first = readFileSync(file, 'utf8').split('\n')[0];
      expect(first).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/(model|scenario)\.schema\.json$/);
      expect(() => parse(readFileSync(file, 'utf8'))).not.toThrow();
    }
  });
});
