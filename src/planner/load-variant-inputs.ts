// Loads one scenario for the planner's commands: data (as of a date), the scenario and its model, draws and seed.
import { loadRunInputs } from '../io/load-run-inputs.js';
import type { RunInputs } from '../io/load-run-inputs.js';
import type { VariantInputs } from './run-variant.js';

/**
 * Reads the data folder, one scenario file and its model (every problem at once), and fixes the
 * draws and seed every variant will share: the command line's, else the scenario's.
 * @throws InputError for any problem in the files
 * @example loadVariantInputs('/project', 'data', 'scenarios/baseline.yaml').inputs.draws; // => 20000
 */
export function loadVariantInputs(
  cwd: string,
  dataDir: string,
  scenarioFile: string,
  options: { readonly asOf?: string; readonly draws?: number; readonly seed?: number; readonly pairsDraws?: boolean } = {},
): { inputs: VariantInputs; files: RunInputs['files'] } {
  const loaded = loadRunInputs(cwd, dataDir, [scenarioFile], options.asOf, { draws: options.draws, pairsDraws: options.pairsDraws });
  const { scenario, model } = loaded.scenarios[0];
  return {
    inputs: { model, data: loaded.data, scenario, draws: options.draws ?? scenario.draws, seed: options.seed ?? scenario.seed },
    files: loaded.files,
  };
}
