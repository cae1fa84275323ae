// Turns zod issues into located Problems worded by errors/messages.ts (`<path> must <rule>, got <value>`).
import type * as z from 'zod';
import { didYouMean } from '../errors/did-you-mean.js';
import { messages, showValue, specMessages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { formatPath, type PathSegment, type YamlDocument } from '../io/yaml-document.js';

/** A problem before it is located in a file: the path of the offending value, the message and a hint. */
export interface SpecIssue {
  readonly path: readonly PathSegment[];
  readonly message: string;
  readonly hint?: string;
  /** Point at the key rather than the value (unknown keys). */
  readonly atKey?: boolean;
}

/**
 * Renders a custom issue's message once the full field path is known (zod refinements only see
 * their own object). Put it in `params.render` of a `ctx.addIssue({ code: 'custom', ... })`.
 */
export type RenderMessage = (field: string, value: unknown) => string;

/** What a union picker says about a value no option accepted: which option to explain, or the message. */
export type UnionExplanation =
  | { readonly option: z.ZodType }
  | { readonly issue: { readonly path?: readonly PathSegment[]; readonly rule?: string; readonly message?: RenderMessage; readonly hint?: string } };

type UnionPicker = (value: unknown) => UnionExplanation;

const unionPickers = new WeakMap<object, UnionPicker>();

/**
 * Registers how to explain a failed union: zod reports "no option matched", but the user needs the
 * problems of the option they meant (chosen from the value, e.g. by its `dist`).
 */
export function registerUnionPicker(union: z.ZodType, picker: UnionPicker): void {
  unionPickers.set(union, picker);
}

interface SchemaDef {
  readonly type: string;
  readonly in?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
  /** An object's schema for keys its shape does not list (`.catchall()`). */
  readonly catchall?: z.ZodType;
  readonly valueType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly options?: readonly z.ZodType[];
}

const defOf = (schema: z.ZodType): SchemaDef => (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;

/** Strips wrappers that do not change the shape of the input (optional, default, pipe into a transform, …). */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'pipe' && def.in) current = def.in;
    else if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'readonly' || def.type === 'prefault') && def.innerType)
      current = def.innerType;
    else return current;
  }
}

/** For a union, the option that matches the value's shape, via its registered picker. */
function pickOption(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  const picker = unionPickers.get(schema);
  if (picker) {
    const explanation = picker(value);
    return 'option' in explanation ? unwrap(explanation.option) : undefined;
  }
  return defOf(schema).options?.map(unwrap).find((option) => defOf(option).type === 'object');
}

/** The schema (unwrapped) that validates the value at `path`, following the raw value through unions. */
function schemaAt(root: z.ZodType, path: readonly PathSegment[], value: unknown): z.ZodType | undefined {
  let schema: z.ZodType | undefined = unwrap(root);
  let current = value;
  for (const segment of path) {
    if (!schema) return undefined;
    if (defOf(schema).type === 'union') schema = pickOption(schema, current);
    if (!schema) return undefined;
    const def = defOf(schema);
    if (def.type === 'object') schema = def.shape?.[String(segment)] ?? def.catchall;
    else if (def.type === 'record') schema = def.valueType;
    else if (def.type === 'array') schema = def.element;
    else return undefined;
    current = valueAt(current, [segment]);
    schema = schema ? unwrap(schema) : undefined;
  }
  return schema;
}

/** The raw value at `path`, or undefined. */
export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return current;
}

function fallbackRule(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    switch (issue.expected) {
      case 'number':
        return 'be a number';
      case 'int':
        return 'be an integer';
      case 'string':
        return 'be a text';
      case 'object':
      case 'record':
        return 'be a map of keys to values';
      case 'array':
        return 'be a list';
      default:
        return `be of type ${issue.expected}`;
    }
  }
  return 'be valid';
}

const ruleOf = (issue: z.core.$ZodIssue): string => (issue.message.startsWith('be ') ? issue.message : fallbackRule(issue));

/**
 * Maps zod issues to spec issues with full paths and final wording.
 * @param issues zod issues of `schema` applied to `value` (paths relative to `base`)
 * @param rootLabel what to call the document itself in messages (e.g. `model file`)
 */
export function specIssuesFromZod(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  value: unknown,
  base: readonly PathSegment[] = [],
  rootLabel = 'value',
): SpecIssue[] {
  const out: SpecIssue[] = [];
  const field = (path: readonly PathSegment[]) => (path.length === 0 ? rootLabel : formatPath(path));

  for (const issue of issues) {
    const relative = issue.path as PathSegment[];
    const path = [...base, ...relative];
    const raw = valueAt(value, relative);
    switch (issue.code) {
      case 'invalid_type':
        // A whole file of the wrong kind is named by its kind, never shown (it may be any file).
        out.push({
          path,
          message: path.length === 0 ? messages.rootKind(field(path), ruleOf(issue), raw) : raw === undefined ? messages.required(field(path)) : messages.mustBe(field(path), ruleOf(issue), raw),
        });
        break;
      case 'unrecognized_keys': {
        const objectSchema = schemaAt(schema, relative, value);
        const shape = objectSchema && defOf(objectSchema).type === 'object' ? defOf(objectSchema).shape : undefined;
        const known = Object.keys(shape ?? {}).filter((key) => !(raw && typeof raw === 'object' && key in raw));
        for (const key of issue.keys) {
          out.push({ path: [...path, key], message: specMessages.unknownKeyIn(field(path), key), hint: didYouMean(key, known), atKey: true });
        }
        break;
      }
      case 'invalid_key': {
        const rule = issue.issues[0] ? ruleOf(issue.issues[0]) : 'be a valid key';
        const key = relative[relative.length - 1];
        out.push({ path, message: messages.mustBe(field(path), rule, key), atKey: true });
        // zod skips the value of a bad key; check it too, so every problem is reported at once.
        const record = schemaAt(schema, relative.slice(0, -1), value);
        const valueType = record && defOf(record).type === 'record' ? defOf(record).valueType : undefined;
        const result = valueType?.safeParse(raw);
        if (valueType && result && !result.success) out.push(...specIssuesFromZod(result.error.issues, valueType, raw, path, rootLabel));
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map(String);
        const hint = typeof raw === 'string' ? didYouMean(raw, allowed) : undefined;
        out.push({ path, message: allowed.length === 1 ? messages.mustBe(field(path), `be ${showValue(issue.values[0])}`, raw) : messages.oneOf(field(path), allowed, raw), hint });
        break;
      }
      case 'invalid_union': {
        const union = schemaAt(schema, relative, value);
        const picker = union ? unionPickers.get(union) : undefined;
        const explanation = picker?.(raw);
        if (explanation && 'option' in explanation) {
          const result = explanation.option.safeParse(raw);
          if (!result.success) out.push(...specIssuesFromZod(result.error.issues, explanation.option, raw, path, rootLabel));
        } else if (explanation) {
          const where = [...path, ...(explanation.issue.path ?? [])];
          const shown = valueAt(raw, explanation.issue.path ?? []);
          const message = explanation.issue.message
            ? explanation.issue.message(field(where), shown)
            : shown === undefined
              ? messages.required(field(where))
              : messages.mustBe(field(where), explanation.issue.rule ?? 'be valid', shown);
          out.push({ path: where, message, hint: explanation.issue.hint });
        } else {
          out.push({ path, message: messages.mustBe(field(path), ruleOf(issue), raw) });
        }
        break;
      }
      case 'custom': {
        const render = (issue.params as { render?: RenderMessage } | undefined)?.render;
        out.push({ path, message: render ? render(field(path), raw) : messages.mustBe(field(path), ruleOf(issue), raw) });
        break;
      }
      default:
        out.push({ path, message: messages.mustBe(field(path), ruleOf(issue), raw) });
    }
  }
  return out;
}

/** Locates spec issues in a YAML document, with code frames. */
export function locateIssues(doc: YamlDocument, issues: readonly SpecIssue[]): Problem[] {
  return issues.map((issue) => doc.problem(issue.path, issue.message, issue.hint, issue.atKey ?? false));
}
