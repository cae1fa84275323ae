// A variant's outcome from a worker thread is a structured clone: each carries its own copy of every
// target, its record verdict, its variable's evidence, the reasons and notes, and the list of targets
// skipped, which are mostly the same in every variant. Kept for a whole run of variants (sensitivity's;
// a sweep now keeps each variant's rows instead, runVariants' `keep`), they cost the calling thread
// about 0.13 MB a variant (measured on a sweep: 35 MB held after 256 variants on two threads, against 8.4 on one,
// where every outcome points at the same objects). SharedOutcomeParts keeps one copy of each part that
// equals, field for field, the one seen first: 5.1 MB held after those 256 variants (heap used after a
// full collection, sweeps of the AI core's growth at 10,000 draws). Measured with farm-bench against
// the build before: 256 variants peak at 206.8 MiB against 246.7 in 0.997× the time (7 pairs), a
// 1,000-variant grid at 353.8 MiB against 594.7 (3 pairs). Sharing costs the calling thread about
// 0.33 ms an outcome, while the workers count.
import { isDeepStrictEqual } from 'node:util';
import type { TargetResult } from '../model/target-result.js';
import type { TargetVerdict } from '../evaluate/target-verdict.js';
import type { VariantOutcome } from './run-variant.js';

export class SharedOutcomeParts {
  /** The first copy of each part, by part and target id. */
  private readonly first = new Map<string, unknown>();

  /**
   * The outcome with each target, record verdict, evidence, reason, note list, conditioning rows and
   * the list of skipped targets replaced by the copy seen first when the two are deeply equal
   * (isDeepStrictEqual: NaN equals NaN, −0 is not +0), so every output made from it is the same.
   * Parts that differ (a variant's own evidence) are kept as they came.
   */
  share(outcome: VariantOutcome): VariantOutcome {
    // The clone keeps identities within one message: a verdict's projection is the outcome's target result.
    const results = new Map<TargetResult, TargetResult>();
    const result = (r: TargetResult): TargetResult => {
      let shared = results.get(r);
      if (!shared) {
        const id = r.target.id;
        shared = {
          ...r,
          target: this.part('result-target', id, r.target),
          notes: this.part('notes', id, r.notes),
          ...(r.conditioned ? { conditioned: { ...r.conditioned, rows: this.part('conditioned-rows', id, r.conditioned.rows) } } : {}),
        };
        results.set(r, shared);
      }
      return shared;
    };
    const verdict = (v: TargetVerdict): TargetVerdict => ({
      ...v,
      target: this.part('target', v.target.id, v.target),
      record: this.part('record', v.target.id, v.record),
      ...(v.evidence ? { evidence: this.part('evidence', v.target.id, v.evidence) } : {}),
      ...(v.projection ? { projection: result(v.projection) } : {}),
      ...(v.reason !== undefined ? { reason: this.part('reason', v.target.id, v.reason) } : {}),
    });
    return {
      ...outcome,
      targets: outcome.targets.map(result),
      verdicts: outcome.verdicts.map(verdict),
      skippedTargets: this.part('skipped', '', outcome.skippedTargets),
    };
  }

  /** The first copy of part `kind` of target `id` if it equals `value`, else `value` (kept as the first when none is). */
  private part<T>(kind: string, id: string, value: T): T {
    const key = `${kind}\u0000${id}`;
    const seen = this.first.get(key);
    if (seen === undefined) {
      this.first.set(key, value);
      return value;
    }
    return isDeepStrictEqual(seen, value) ? (seen as T) : value;
  }
}
