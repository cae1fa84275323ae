// Loads an invalid fixture the way `forecast run` would and renders every problem found.
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors/input-error.js';
import { renderProblem } from '../../src/errors/problem.js';
import { loadScenario } from '../../src/spec/load-scenario.js';
import { parseModelSpec } from '../../src/spec/parse-model-spec.js';
import { validateScenarioAgainstModel } from '../../src/spec/validate-scenario-against-model.js';

const read = (path: string) => readFileSync(path, 'utf8');

/** `model-*.yaml` are models; `scenario-*.yaml` are scenarios checked against their model. */
export function renderFixtureProblems(path: string): string {
  try {
    if (path.includes('/model-')) parseModelSpec(path, read(path));
    else {
      const scenario = loadScenario(path, (file) => {
        try {
          return read(file);
        } catch {
          throw new InputError([{ file, message: `file must exist and be readable, got ${JSON.stringify(file)}` }]);
        }
      });
      const problems = validateScenarioAgainstModel(scenario, parseModelSpec(scenario.model, read(scenario.model)));
      if (problems.length > 0) throw new InputError(problems);
    }
  } catch (error) {
    if (error instanceof InputError) return error.problems.map(renderProblem).join('\n');
    throw error;
  }
  return '(no problems)';
}
