// The JSON Schema of data/targets.yaml for editors, built from the targets parser's own lists of
// keys, the registered kinds and the units (one source of truth: a key the parser does not know, the schema rejects).
import { allTargetKeys, commonTargetKeys } from './parse-targets.js';
import type { TargetKindFieldsRegistry } from './target-kind-fields.js';
import { unitNames } from './units.js';

const text = { type: 'string', minLength: 1 } as const;
const year = { type: 'integer', minimum: 1900, maximum: 2200 } as const;
/** A bound: a number, or a percent string such as "10%" (growth targets). */
const bound = { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)%$' }] } as const;

/** What each common key holds. */
const common: Record<(typeof commonTargetKeys)[number], object> = {
  id: { ...text, description: 'unique id, e.g. bj-ai-core-2025' },
  label: { type: 'object', properties: { zh: text, en: text }, required: ['zh', 'en'], additionalProperties: false },
  region: { ...text, description: 'where the target applies: it judges a model variable of this region only' },
  variable: { ...text, description: 'the model variable that judges it, when a model projects it' },
  series: { ...text, description: 'a series id of data/series.csv: the record the target is judged on' },
  kind: { description: 'a registered target kind (src/evaluate/target-kinds/)' },
  year: { ...year, description: 'target year, or last year of a growth window' },
  atLeast: { ...bound, description: 'the commitment, inclusive (达到, 以上)' },
  above: { ...bound, description: 'the commitment, exclusive (超过, 突破)' },
  atMost: { ...bound, description: 'a ceiling the text states, inclusive (不超过, 控制在…以内)' },
  below: { ...bound, description: 'a ceiling the text states, exclusive (低于, 以下 where exclusive)' },
  approx: { ...bound, description: 'about x (左右, 约): met from x(1 − tolerance) on; exceeding x(1 + tolerance) is not a miss' },
  tolerance: { anyOf: [{ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, { type: 'string', pattern: '^(\\d+(\\.\\d*)?|\\.\\d+)%$' }], description: 'relative tolerance of approx, e.g. 0.05 or "5%"' },
  aspiration: { ...bound, description: 'the upper figure of a plan range ("5-10家" → 10): reported beside the verdict, exceeding it is never a miss' },
  proxy: { enum: ['narrower', 'broader'], description: "the judged variable's scope is a part of (narrower) or wider than (broader) the target's series" },
  unit: { enum: [...unitNames] },
  source: { ...text, description: 'a source id of data/sources.csv' },
  quote: { ...text, description: 'the passage, verbatim' },
  reading: { ...text, description: 'how the sentence is read: which word decides the comparator, which year, which scope' },
  note: text,
};

/** What each kind's own key holds. */
const kindKeys: Readonly<Record<string, object>> = {
  fromYear: { ...year, description: 'first year of a growth window' },
  baseYear: { ...year, description: 'cumulative targets count the years after it' },
};

/**
 * Draft-07 JSON Schema of the targets file: a list of targets, unknown keys rejected.
 * @example (targetsJsonSchema().items as { required: string[] }).required; // => ['id', 'label', 'region', 'kind', 'year', 'unit', 'source', 'quote', 'reading']
 */
export function targetsJsonSchema(kinds: TargetKindFieldsRegistry): object {
  // Read when called: a kind registered after this module loaded is listed too.
  const properties: Record<string, object> = { ...common, kind: { ...common.kind, enum: [...kinds.keys()] } };
  for (const key of allTargetKeys(kinds)) properties[key] ??= kindKeys[key] ?? { description: `read by a target kind (src/evaluate/target-kinds/)` };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Official targets (data/targets.yaml)',
    type: 'array',
    items: {
      type: 'object',
      properties,
      required: ['id', 'label', 'region', 'kind', 'year', 'unit', 'source', 'quote', 'reading'],
      additionalProperties: false,
    },
  };
}
