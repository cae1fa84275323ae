// manifest.json: what a run was made of — engine version, input hashes, resolved scenarios, seed, PRNG,
// defaults used and run time. The time lives only here, so the CSV files stay byte-identical.
import { createHash } from 'node:crypto';
import type { ScenarioResult } from '../model/scenario-result.js';
import { prngDescription } from '../simulate/random/create-stream.js';

export interface ManifestInput {
  readonly engineVersion: string;
  /** Every input file read, by path relative to the working directory, with its content. */
  readonly inputs: readonly { readonly path: string; readonly content: string }[];
  readonly results: readonly ScenarioResult[];
  readonly draws?: number;
  readonly seed?: number;
  readonly asOf?: string;
  readonly outputs: readonly string[];
  readonly startedAt: string;
  readonly seconds: number;
  /** The command and its parsed options. */
  readonly command: string;
  readonly options: object;
}

/** SHA-256 of a text, hex. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The manifest as a plain object (serialised with two-space indentation). */
export function buildManifest(input: ManifestInput): object {
  return {
    engine: { name: 'beijing-forecast', version: input.engineVersion },
    command: input.command,
    options: input.options,
    asOf: input.asOf ?? null,
    prng: prngDescription,
    inputs: input.inputs.map((file) => ({ path: file.path, sha256: sha256(file.content) })),
    outputs: input.outputs,
    scenarios: input.results.map((result) => ({
      scenario: result.scenario.scenario,
      files: result.scenario.chain,
      model: result.model.spec.model,
      draws: input.draws ?? result.scenario.draws,
      seed: input.seed ?? result.scenario.seed,
      horizon: result.scenario.horizon,
      resolved: result.scenario.resolved,
      variables: result.model.variables.map((v) => ({
        variable: v.spec.name,
        law: v.law?.name ?? 'formula',
        formula: v.spec.formula,
        baseYear: v.baseYear ?? null,
        base: v.base ?? null,
        firstYear: v.firstYear,
        params: v.params,
        origins: v.origins,
        defaultsAndNotes: v.calibration?.notes ?? [],
      })),
      skippedTargets: result.skippedTargets,
    })),
    run: { startedAt: input.startedAt, seconds: Number(input.seconds.toFixed(3)) },
  };
}
