// The JSON Schema of data/targets.yaml for editors, built from the targets parser's own lists of
// keys, kinds and units (one source of truth: a key the parser does not know, the schema rejects).
import { targetKeys, targetKinds } from './parse-targets.js';
import { unitNames } from './units.js';

const text = { type: 'string', minLength: 1 } as const;
const year = { type: 'integer', minimum: 1900, maximum: 2200 } as const;
/** A bound: a number, or a percent string such as "10%" (growth targets). */
const bound = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)%$' }] } as const;

/** What each key of a target holds (every key of `targetKeys`, and no other). */
const properties: Record<(typeof targetKeys)[number], object> = {
  id: { ...text, description: 'unique id, e.g. bj-ai-core-2025' },
  label: { type: 'object', properties: { zh: text, en: text }, required: ['zh', 'en'], additionalProperties: false },
  region: text,
  variable: { ...text, description: 'the model variable that judges it, when a model projects it' },
  series: { ...text, description: 'a series id of data/series.csv' },
  kind: { enum: [...targetKinds] },
  year: { ...year, description: 'target year, or last year of a growth window' },
  fromYear: { ...year, description: 'first year of a growth window' },
  baseYear: { ...year, description: 'cumulative targets count the years after it' },
  atLeast: bound,
  above: bound,
  atMost: bound,
  below: bound,
  between: { type: 'array', items: bound, minItems: 2, maxItems: 2 },
  inclusive: { type: 'boolean' },
  approx: bound,
  tolerance: { type: 'number', exclusiveMinimum: 0 },
  unit: { enum: [...unitNames] },
  source: { ...text, description: 'a source id of data/sources.csv' },
  quote: { ...text, description: 'the passage, verbatim' },
  note: text,
  outcome: { type: 'object', properties: { text, source: text, quote: text }, required: ['text', 'source', 'quote'], additionalProperties: false },
};

/**
 * Draft-07 JSON Schema of the targets file: a list of targets, unknown keys rejected.
 * @example (targetsJsonSchema().items as { required: string[] }).required; // => ['id', 'label', 'region', 'kind', 'year', 'unit', 'source', 'quote']
 */
export function targetsJsonSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Official targets (data/targets.yaml)',
    type: 'array',
    items: {
      type: 'object',
      properties,
      required: ['id', 'label', 'region', 'kind', 'year', 'unit', 'source', 'quote'],
      additionalProperties: false,
    },
  };
}
