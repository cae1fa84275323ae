// `forecast merge` of a sweep split into shards (`forecast sweep --shard k/n`): each shard ran whole
// variants (a contiguous range of the grid); the merge puts them back in grid order with their verdicts.
//
//   inputs     the scenario, its model and the data read again, each SHA-256 as the parts recorded
//   grid       planned again from the recorded --vary or design file: each shard's variants must be its range, values equal
//   variants   each variant's model calibrated again (cheap; no draw is simulated), its targets' results
//              from the part, its verdicts computed as a single machine's sweep computes them
import { InputError } from '../errors/input-error.js';
import { messages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { targetVerdicts } from '../evaluate/target-verdict.js';
import { checkInputsUnchanged, type ReadParts } from '../pipeline/merge-run.js';
import type { PartVariant, SweepPartFile } from '../pipeline/part-file.js';
import { targetResultFrom, targetResultNumbers } from '../pipeline/portable-target-result.js';
import { runSetup } from '../pipeline/run-setup.js';
import { loadVariantInputs } from './load-variant-inputs.js';
import { readDesign, withDesign } from './load-design.js';
import { parseVary } from './parse-vary.js';
import { pointsFromDesign, pointsFromVaries } from './sweep-points.js';
import { planSweep, type SweepResult, type SweepVariant } from './run-sweep.js';
import { variantRange } from './variant-range.js';
import { withAssumptions } from './with-assumptions.js';

/**
 * The sweep of every shard's variants, in grid order, as `forecast sweep` on one machine gives it:
 * each variant's outcome, or what `keep` makes of it as it is merged (as runSweep's `keep`).
 * @throws InputError when the inputs changed, or a part's variants are not its shard's or do not fit the grid
 */
export function mergeSweep(cwd: string, read: ReadParts<SweepPartFile>): SweepResult;
export function mergeSweep<T>(cwd: string, read: ReadParts<SweepPartFile>, keep: (variant: SweepVariant, scenario: string) => T): SweepResult<T>;
export function mergeSweep<T>(cwd: string, read: ReadParts<SweepPartFile>, keep?: (variant: SweepVariant, scenario: string) => T): SweepResult<T | SweepVariant['outcome']> {
  const first = read.parts[0];
  const options = first.part.sweep;
  const { inputs, files } = loadVariantInputs(cwd, options.data, options.scenario, {
    ...(options.asOf !== null && { asOf: options.asOf }),
    ...(options.draws !== null && { draws: options.draws }),
    ...(options.seed !== null && { seed: options.seed }),
  });
  const design = options.design === null ? undefined : readDesign(cwd, options.design);
  checkInputsUnchanged(design ? withDesign(files, design) : files, first.part.inputs, first.shown);
  const plan = planSweep(inputs, design ? pointsFromDesign(design.path, design.content) : pointsFromVaries(options.vary.map(parseVary)));
  const problems: Problem[] = [];
  const variants: SweepVariant<T | SweepVariant['outcome']>[] = [];
  for (const { shown, part } of read.parts) {
    const { first: from, end } = variantRange(plan.grid.length, part.shard);
    const problem = (field: string, rule: string, value: unknown): undefined => {
      if (problems.length < 20) problems.push({ file: shown, field, message: messages.mustBe(field, rule, value) });
      return undefined;
    };
    if (part.variants.length !== end - from) {
      problem('variants', `hold the ${end - from} variants of shard ${part.shard.index} of ${part.shard.count} (${from + 1}–${end} of ${plan.grid.length})`, `${part.variants.length}`);
      continue;
    }
    part.variants.forEach((variant, k) => {
      const outcome = variantOutcome(inputs, plan, from + k, variant, `variants[${k}]`, problem);
      if (!outcome) return;
      const merged: SweepVariant = { variant: variant.variant, values: plan.grid[from + k], outcome };
      variants.push(keep ? { ...merged, outcome: keep(merged, inputs.scenario.scenario) } : merged);
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return { scenario: inputs.scenario.scenario, draws: inputs.draws, seed: inputs.seed, paths: plan.paths, variants };
}

/** A part's variant as the sweep's outcome, or undefined after reporting why it does not fit. */
function variantOutcome(
  inputs: Parameters<typeof planSweep>[0],
  plan: ReturnType<typeof planSweep>,
  index: number,
  variant: PartVariant,
  field: string,
  problem: (field: string, rule: string, value: unknown) => undefined,
): SweepVariant['outcome'] | undefined {
  if (variant.variant !== index + 1) return problem(`${field}.variant`, `be ${index + 1}`, variant.variant);
  const values = plan.grid[index];
  if (variant.values.length !== values.length || values.some((v, i) => !Object.is(v, variant.values[i]))) return problem(`${field}.values`, `be the grid's values ${values.join(', ')}`, [...variant.values].join(', '));
  const scenario = withAssumptions(inputs.scenario, plan.jobs[index]);
  const setup = runSetup(inputs.model, inputs.data, scenario, { draws: inputs.draws, seed: inputs.seed });
  if (variant.targets.length !== setup.judged.length || variant.targets.some((t, i) => t.target !== setup.judged[i].target.id)) {
    return problem(`${field}.targets`, `be the results of ${setup.judged.map((j) => j.target.id).join(', ')}`, variant.targets.map((t) => t.target).join(', '));
  }
  for (const [i, t] of variant.targets.entries()) {
    const at = `${field}.targets[${i}]`;
    const judged = setup.judged[i];
    if (t.variable !== judged.variable.spec.name) return problem(`${at}.variable`, `be ${judged.variable.spec.name}`, t.variable);
    const n = (key: (typeof targetResultNumbers)[number]) => t.numbers[targetResultNumbers.indexOf(key)];
    if (n('draws') !== inputs.draws) return problem(`${at}.numbers`, `give draws ${inputs.draws}`, n('draws'));
    for (const key of ['probabilityMet', 'probabilityBelow', 'probabilityAbove', 'probabilityAspiration'] as const) {
      const p = n(key);
      if (!(Number.isNaN(p) || (p >= 0 && p <= 1))) return problem(`${at}.numbers`, `give ${key} from 0 to 1 (or none)`, p);
    }
  }
  const targets = variant.targets.map((t, i) => targetResultFrom(t, setup.judged[i].target));
  const result = { scenario, model: setup.prepared, summaries: [], targets, skippedTargets: setup.skippedTargets };
  return { targets, verdicts: targetVerdicts(result, inputs.data), skippedTargets: setup.skippedTargets };
}
