// Where a verdict's evidence comes from: levels and growth calibrated on observations (data), or
// stated in the model or the scenario (assumption), or both (mixed).
import type { PreparedModel, PreparedVariable } from '../model/prepared-model.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { variablesRead } from '../model/variable-graph.js';

/** `data`: every input calibrated on observations; `assumption`: every input stated; `mixed`: some of each. */
export type EvidenceBasis = 'data' | 'mixed' | 'assumption';

/** One input of a judged variable and where it came from. */
export interface EvidenceInput {
  /** `<variable>.start` for a starting level, `<variable>.<parameter>` for a parameter. */
  readonly input: string;
  readonly basis: 'data' | 'assumption';
  /** `observations`, `model`, `scenario`, or `prior` (calibrated with no evidence: the prior alone). */
  readonly from: 'observations' | 'model' | 'scenario' | 'prior';
}

/** The basis of a variable's projection and the inputs behind it. */
export interface VariableEvidence {
  readonly basis: EvidenceBasis;
  readonly inputs: readonly EvidenceInput[];
}

/**
 * The evidence behind a variable's projection, from where each input came from:
 * - its starting level: a `start` in the scenario or the model is an assumption; a level calibration
 *   took from the variable's series is data;
 * - each law parameter: set in the model or the scenario is an assumption; calibrated on at least one
 *   piece of evidence (levels, reported growth, growth series) is data; calibrated on none is the
 *   prior alone, an assumption; a convention calibration fills in and documents beside evidence
 *   (`default persistence = 0`) counts neither way;
 * - a formula variable: its own parameters and start as above, and the inputs of every variable it
 *   uses (this year's or last year's), recursively.
 * All data → `data`; all assumption → `assumption`; else `mixed`. Undefined for a variable the model does not have.
 * @example variableEvidence(prepared, baseline, 'highLevelScholars').basis; // => 'assumption'
 * @example variableEvidence(prepared, baseline, 'aiRadiatingIndustry').basis; // => 'mixed' (core industry × a stated multiplier)
 */
export function variableEvidence(model: PreparedModel, scenario: ScenarioSpec, variable: string): VariableEvidence | undefined {
  const byName = new Map(model.variables.map((v) => [v.spec.name, v]));
  if (!byName.has(variable)) return undefined;
  const inputs = [...variablesRead(model, [variable])].flatMap((name) => ownInputs(byName.get(name)!, scenario));
  const kinds = new Set(inputs.map((i) => i.basis));
  const basis: EvidenceBasis = kinds.size === 0 ? 'assumption' : kinds.size === 2 ? 'mixed' : kinds.has('data') ? 'data' : 'assumption';
  return { basis, inputs };
}

/** The inputs of one variable by itself: its start (where it has one) and its parameters. */
function ownInputs(v: PreparedVariable, scenario: ScenarioSpec): EvidenceInput[] {
  const name = v.spec.name;
  const inputs: EvidenceInput[] = [];
  if (v.base) {
    const stated = scenario.assumptions[name]?.start !== undefined ? 'scenario' : v.spec.start ? 'model' : undefined;
    inputs.push(stated ? { input: `${name}.start`, basis: 'assumption', from: stated } : { input: `${name}.start`, basis: 'data', from: 'observations' });
  }
  const evidence = (v.calibration?.evidence.length ?? 0) > 0;
  // Conventions calibration fills in and documents ("default persistence = 0: …") count neither way.
  const defaults = new Set((v.calibration?.notes ?? []).flatMap((note) => /^default (\w+) = /.exec(note)?.[1] ?? []));
  for (const parameter of Object.keys(v.params)) {
    const origin = v.origins[parameter];
    const input = `${name}.${parameter}`;
    if (origin === 'model' || origin === 'scenario') inputs.push({ input, basis: 'assumption', from: origin });
    else if (defaults.has(parameter) && evidence) continue;
    else inputs.push(evidence ? { input, basis: 'data', from: 'observations' } : { input, basis: 'assumption', from: 'prior' });
  }
  return inputs;
}

/**
 * The basis in words for a verdict that rests on assumption (only), naming what is stated.
 * @example basisWords(evidence); // => 'rests on assumption only: highLevelScholars.start (model), highLevelScholars.growth (model), …'
 */
export function basisWords(evidence: VariableEvidence): string {
  const stated = evidence.inputs.filter((i) => i.basis === 'assumption').map((i) => `${i.input} (${i.from})`);
  if (evidence.basis === 'data') return 'calibrated on observations';
  if (evidence.basis === 'assumption') return `rests on assumption only, no observation informs it: ${stated.join(', ')}`;
  return `partly assumed: ${stated.join(', ')}`;
}
