import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import AjvModule, { type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { allTargetKeys } from '../../src/data/parse-targets.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';
import { jsonSchemas, jsonSchemaText } from '../../src/spec/write-json-schemas.js';

describe('jsonSchemas()', () => {
  // Regenerate with: npm run build && node dist/src/spec/write-json-schemas.js
  it.each(Object.entries(jsonSchemas()))('schema/%s equals the schema generated from src/spec/schemas.ts', (name, schema) => {
    expect(readFileSync(`schema/${name}`, 'utf8')).toBe(jsonSchemaText(schema));
  });

  it('describes every key the targets parser accepts, and only those', () => {
    const targets = jsonSchemas()['targets.schema.json'] as { items: { properties: Record<string, unknown>; additionalProperties: boolean } };
    expect(Object.keys(targets.items.properties)).toEqual(allTargetKeys(targetKindRegistry));
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

type Kind = 'model' | 'scenario' | 'targets';

describe('schema/*.json as an editor reads them (ajv, draft-07)', () => {
  // ajv is CommonJS: under Node's ESM its class is the module's default export's `default`.
  const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (options: object) => { compile(schema: object): ValidateFunction };
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validators = Object.fromEntries(
    ['model', 'scenario', 'targets'].map((kind) => [kind, ajv.compile(JSON.parse(readFileSync(`schema/${kind}.schema.json`, 'utf8')))]),
  ) as Record<Kind, ValidateFunction>;
  const check = (kind: Kind, file: string) => validators[kind](parse(readFileSync(file, 'utf8')));

  it('accepts every shipped model, scenario and targets file, and the valid fixtures', () => {
    const files: (readonly [Kind, string])[] = [
      ...readdirSync('models').map((f) => ['model', `models/${f}`] as const),
      ...readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => ['scenario', `scenarios/${f}`] as const),
      ['targets', 'data/targets.yaml'],
      ['model', 'test/fixtures/valid/small-model.yaml'],
      ...['base', 'child', 'grandchild', 'driver', 'law-switch', 'law-switch-base'].map((f) => ['scenario', `test/fixtures/valid/${f}.yaml`] as const),
    ];
    for (const [kind, file] of files) expect(check(kind, file), `${file}: ${JSON.stringify(validators[kind].errors)}`).toBe(true);
  });

  it('underlines the mistakes a schema can see: unknown keys, laws and distributions, bare ranges, misused percents, bad numbers', () => {
    for (const name of [
      'model-bare-range', 'model-many-problems', 'model-not-camel-case', 'model-percent-misuse', 'model-unknown-dist',
      'model-unknown-key', 'model-unknown-law',
    ]) expect(check('model', `test/fixtures/invalid/${name}.yaml`), name).toBe(false);
    for (const name of ['scenario-bad-draws', 'scenario-bad-horizon', 'scenario-non-integer-seed', 'scenario-unknown-key']) {
      expect(check('scenario', `test/fixtures/invalid/${name}.yaml`), name).toBe(false);
    }
  });
});

describe('law parameters in the schemas', () => {
  it('every parameter of every law declares its unit and plausible range, and the schemas describe it from there', async () => {
    const { laws } = await import('../../src/laws/registry.js');
    const model = jsonSchemas()['model.schema.json'] as { properties: { variables: { additionalProperties: { properties: { params: { properties: Record<string, { description: string }> } } } } } };
    const described = model.properties.variables.additionalProperties.properties.params.properties;
    for (const law of Object.values(laws)) {
      for (const parameter of law.parameters) {
        expect(parameter.plausible, `${law.name} ${parameter.name}`).toHaveLength(2);
        if (parameter.unit === 'rate') expect(parameter.plausible, `${law.name} ${parameter.name}`).toEqual([parameter.name === 'volatility' ? 0 : -1, 1]);
        expect(described[parameter.name].description).toContain(`${law.name}: ${parameter.description}`);
        expect(described[parameter.name].description).toContain(`plausible ${Number.isFinite(parameter.plausible[0]) ? parameter.plausible[0] : "unbounded"} to `);
      }
    }
  });
});
