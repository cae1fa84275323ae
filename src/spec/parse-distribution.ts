// Distributions as written in YAML: a number, a percent string, `{ dist: ..., ... }` or the p5/p95 form.
import * as z from 'zod';
import { didYouMean } from '../errors/did-you-mean.js';
import { messages, specMessages, specRules } from '../errors/messages.js';
import type { PathSegment } from '../io/yaml-document.js';
import { percentToFraction } from '../data/percent-to-fraction.js';
import type { Distribution } from '../model/distribution.js';
import { fromPercentiles } from '../simulate/distributions/from-percentiles.js';
import { bareRangeHint } from './bare-range-hint.js';
import { registerUnionPicker, specIssuesFromZod, type RenderMessage, type SpecIssue } from './zod-problems.js';

/** `"12%"`, `"-2.5%"`, `"+3%"`: a sign, digits with an optional decimal point, then `%` (no spaces). */
const percentPattern = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)%$/;
/** `"5 to 10"`, `"5-10"`, `"5%–10%"`, `"5..10"`: two numbers and no distribution. */
const bareRangePattern = /^\s*[+-]?[\d.]+\s*%?\s*(?:to|-|–|—|~|\.\.\.?|…|,)\s*[+-]?[\d.]+\s*%?\s*$/i;
const numericTextPattern = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;

function numberHint(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (bareRangePattern.test(value)) return `a range needs a distribution, ${bareRangeHint(value)}`;
  if (numericTextPattern.test(value)) return 'write the number without quotes, or add "%" for a percent';
  if (/%/.test(value)) return 'write a percent as digits then "%", e.g. "12%" or "-2.5%"';
  return undefined;
}

const show = (value: number) => String(value);

function greaterThan(other: string, otherValue: number): RenderMessage {
  return (field, value) => specMessages.greaterThan(field, other, otherValue, value);
}

type Ctx = z.core.$RefinementCtx;

function requirePositive(ctx: Ctx, key: string, value: number): void {
  if (!(value > 0)) ctx.addIssue({ code: 'custom', path: [key], message: specRules.positive, input: value });
}

function requireOrdered(ctx: Ctx, lowKey: string, low: number, highKey: string, high: number): void {
  if (!(high > low)) ctx.addIssue({ code: 'custom', path: [highKey], message: 'be greater', params: { render: greaterThan(lowKey, low) }, input: high });
}

function requireMode(ctx: Ctx, min: number, mode: number, max: number): void {
  if (min < max && !(mode >= min && mode <= max)) {
    ctx.addIssue({
      code: 'custom',
      path: ['mode'],
      message: 'lie between',
      params: { render: ((field, value) => specMessages.between(field, `min (${show(min)})`, `max (${show(max)})`, value)) satisfies RenderMessage },
      input: mode,
    });
  }
}

/** Other names users write for the same distributions (R, numpy, @RISK), for did-you-mean. */
const distributionAliases: Readonly<Record<string, string>> = {
  gaussian: 'normal',
  norm: 'normal',
  lnorm: 'lognormal',
  'log-normal': 'lognormal',
  unif: 'uniform',
  triang: 'triangular',
  triangle: 'triangular',
  betapert: 'pert',
  'beta-pert': 'pert',
};

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Builds the distribution schemas (zod builds a schema's parsers as it is declared: done on first use,
 * so a command that reads its models and scenarios from the content cache never builds them).
 */
function buildDistributionSchemas() {
  const numberUnion = z.union([
    z.number({ error: specRules.number }),
    z.string({ error: specRules.number }).regex(percentPattern, { error: specRules.number }),
  ]);

  /** A number, or a percent string (`"12%"` → 0.12): every numeric field of a distribution accepts both. */
  const numberLikeSchema = numberUnion
    .transform((value) => (typeof value === 'number' ? value : percentToFraction(value.slice(0, -1))))
    .meta({ description: 'A number, or a percent such as "12%" (read as 0.12)' });

  registerUnionPicker(numberUnion, (value) => ({
    issue: { rule: specRules.number, hint: numberHint(value) },
  }));

  const n = numberLikeSchema;

  /** Each explicit form, keyed by `dist`. */
  const namedForms = {
    normal: z
      .strictObject({ dist: z.literal('normal'), mean: n, sd: n })
      .superRefine((v, ctx) => requirePositive(ctx, 'sd', v.sd))
      .transform((v): Distribution => ({ dist: 'normal', mean: v.mean, sd: v.sd })),
    lognormal: z
      .strictObject({ dist: z.literal('lognormal'), meanlog: n, sdlog: n })
      .superRefine((v, ctx) => requirePositive(ctx, 'sdlog', v.sdlog))
      .transform((v): Distribution => ({ dist: 'lognormal', meanlog: v.meanlog, sdlog: v.sdlog })),
    uniform: z
      .strictObject({ dist: z.literal('uniform'), min: n, max: n })
      .superRefine((v, ctx) => requireOrdered(ctx, 'min', v.min, 'max', v.max))
      .transform((v): Distribution => ({ dist: 'uniform', min: v.min, max: v.max })),
    triangular: z
      .strictObject({ dist: z.literal('triangular'), min: n, mode: n, max: n })
      .superRefine((v, ctx) => {
        requireOrdered(ctx, 'min', v.min, 'max', v.max);
        requireMode(ctx, v.min, v.mode, v.max);
      })
      .transform((v): Distribution => ({ dist: 'triangular', min: v.min, mode: v.mode, max: v.max })),
    pert: z
      .strictObject({ dist: z.literal('pert'), min: n, mode: n, max: n })
      .superRefine((v, ctx) => {
        requireOrdered(ctx, 'min', v.min, 'max', v.max);
        requireMode(ctx, v.min, v.mode, v.max);
      })
      .transform((v): Distribution => ({ dist: 'pert', min: v.min, mode: v.mode, max: v.max })),
    // The forms calibration produces, so what `forecast explain` and `forecast solve` print can be
    // written back into a scenario as it is.
    studentT: z
      .strictObject({ dist: z.literal('studentT'), location: n, scale: n, df: n })
      .superRefine((v, ctx) => {
        requirePositive(ctx, 'scale', v.scale);
        requirePositive(ctx, 'df', v.df);
      })
      .transform((v): Distribution => ({ dist: 'studentT', location: v.location, scale: v.scale, df: v.df })),
    scaledInvChi: z
      .strictObject({ dist: z.literal('scaledInvChi'), scale: n, df: n })
      .superRefine((v, ctx) => {
        requirePositive(ctx, 'scale', v.scale);
        requirePositive(ctx, 'df', v.df);
      })
      .transform((v): Distribution => ({ dist: 'scaledInvChi', scale: v.scale, df: v.df })),
    gamma: z
      .strictObject({ dist: z.literal('gamma'), shape: n, rate: n })
      .superRefine((v, ctx) => {
        requirePositive(ctx, 'shape', v.shape);
        requirePositive(ctx, 'rate', v.rate);
      })
      .transform((v): Distribution => ({ dist: 'gamma', shape: v.shape, rate: v.rate })),
  } as const;

  type PercentileKind = 'normal' | 'lognormal' | 'uniform' | 'triangular' | 'pert';

  function percentileForm<K extends PercentileKind>(kind: K, withMode: boolean) {
    const shape = withMode
      ? { dist: z.literal(kind), p5: n, p95: n, mode: n.optional() }
      : { dist: z.literal(kind), p5: n, p95: n };
    return z
      .strictObject(shape)
      .superRefine((v, ctx) => {
        const { p5, p95 } = v;
        requireOrdered(ctx, 'p5', p5, 'p95', p95);
        if (kind === 'lognormal') requirePositive(ctx, 'p5', p5);
      })
      .transform((v, ctx): Distribution => {
        try {
          return fromPercentiles(kind, v.p5, v.p95, (v as { mode?: number }).mode);
        } catch (error) {
          ctx.addIssue({ code: 'custom', path: [], message: `be a ${kind} distribution with these percentiles (${(error as Error).message})`, input: v });
          return z.NEVER;
        }
      });
  }

  /** The percentile forms: `{ dist, p5, p95 [, mode] }`, converted with `fromPercentiles`. */
  const percentileForms = {
    normal: percentileForm('normal', false),
    lognormal: percentileForm('lognormal', false),
    uniform: percentileForm('uniform', false),
    triangular: percentileForm('triangular', true),
    pert: percentileForm('pert', true),
  } as const;

  /** Names accepted as `dist:` in YAML. */
  const distributionNames = Object.keys(namedForms) as readonly (keyof typeof namedForms)[];

  const constantForm = numberLikeSchema.transform((value): Distribution => ({ dist: 'constant', value }));

  const distributionUnion = z.union([
    constantForm,
    namedForms.normal,
    percentileForms.normal,
    namedForms.lognormal,
    percentileForms.lognormal,
    namedForms.uniform,
    percentileForms.uniform,
    namedForms.triangular,
    percentileForms.triangular,
    namedForms.pert,
    percentileForms.pert,
    namedForms.studentT,
    namedForms.scaledInvChi,
    namedForms.gamma,
  ]);

  /**
   * A distribution as written in YAML, validated and converted to a `Distribution`:
   * - `0.12` or `"12%"` → `{ dist: constant, value: 0.12 }`
   * - `{ dist: normal, mean, sd }` (sd > 0), `{ dist: lognormal, meanlog, sdlog }` (sdlog > 0),
   *   `{ dist: uniform, min, max }` (min < max), `{ dist: triangular | pert, min, mode, max }` (min ≤ mode ≤ max)
   * - `{ dist: normal | lognormal | uniform | triangular | pert, p5, p95 [, mode] }` (p5 < p95), via `fromPercentiles`
   * - the calibrated forms, as `forecast explain` prints them: `{ dist: studentT, location, scale, df }`,
   *   `{ dist: scaledInvChi, scale, df }`, `{ dist: gamma, shape, rate }` (scale, df, shape, rate > 0)
   * A bare range such as `"5 to 10"` is refused: every range states its distribution (DESIGN §5).
   */
  const distributionSchema = distributionUnion.meta({
    id: 'distribution',
    description: 'A number, a percent such as "12%", or a distribution: { dist: normal, mean, sd }, { dist: uniform, min, max }, … or { dist, p5, p95 }',
  });

  registerUnionPicker(distributionSchema, (value) => {
    if (typeof value === 'number') return { option: constantForm };
    if (typeof value === 'string') {
      if (bareRangePattern.test(value)) return { issue: { rule: specRules.bareRange, hint: bareRangeHint(value) } };
      if (numericTextPattern.test(value) || value.includes('%')) return { issue: { rule: specRules.number, hint: numberHint(value) } };
      return { issue: { rule: specRules.distribution } };
    }
    if (Array.isArray(value) && value.length === 2 && value.every((item) => typeof item === 'number' || typeof item === 'string'))
      return { issue: { rule: specRules.bareRange, hint: bareRangeHint(value) } };
    if (!isMap(value)) return { issue: { rule: specRules.distribution } };
    const dist = value.dist;
    if (dist === undefined) return { issue: { path: ['dist'], hint: `one of: ${distributionNames.join(', ')}` } };
    if (typeof dist !== 'string' || !(distributionNames as readonly string[]).includes(dist)) {
      return {
        issue: {
          path: ['dist'],
          message: (field, shown) => messages.oneOf(field, distributionNames, shown),
          hint: typeof dist === 'string' ? (distributionAliases[dist.toLowerCase()] ? `did you mean "${distributionAliases[dist.toLowerCase()]}"?` : didYouMean(dist, distributionNames)) : undefined,
        },
      };
    }
    const kind = dist as keyof typeof namedForms;
    const percentile = ('p5' in value || 'p95' in value) && kind in percentileForms;
    return { option: percentile ? percentileForms[kind as PercentileKind] : namedForms[kind] };
  });

  return { numberLikeSchema, distributionSchema };
}

let built: ReturnType<typeof buildDistributionSchemas> | undefined;

/** `numberLikeSchema` (a number or a percent string) and `distributionSchema`, built on first use. */
export function distributionSchemas(): ReturnType<typeof buildDistributionSchemas> {
  return (built ??= buildDistributionSchemas());
}

/** The result of checking one distribution on its own. */
export type DistributionResult =
  | { readonly ok: true; readonly distribution: Distribution }
  | { readonly ok: false; readonly issues: readonly SpecIssue[] };

/**
 * Checks and converts one distribution written as YAML (already parsed to a plain value).
 * @param value the plain value, e.g. `{ dist: 'normal', mean: '18%', sd: '4%' }`
 * @param path where the value sits, for messages (`assumptions.aiCoreIndustry.growth`)
 * @returns the distribution, or every issue found (each naming its field path, rule and value)
 * @example parseDistribution('12%'); // => { ok: true, distribution: { dist: 'constant', value: 0.12 } }
 * @example parseDistribution({ dist: 'uniform', min: 2, max: 1 }, ['x']).issues[0].message;
 * // => 'x.max must be greater than min (2), got 1'
 */
export function parseDistribution(value: unknown, path: readonly PathSegment[] = []): DistributionResult {
  const { distributionSchema } = distributionSchemas();
  const result = distributionSchema.safeParse(value);
  if (result.success) return { ok: true, distribution: result.data };
  return { ok: false, issues: specIssuesFromZod(result.error.issues, distributionSchema, value, path, 'value') };
}
