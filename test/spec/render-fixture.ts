// Loads an invalid fixture the way the CLI would and renders every problem found.
//   model-*.yaml     a model file on its own (parseModelSpec)
//   scenario-*.yaml  a scenario checked against its model (loadScenario + validateScenarioAgainstModel)
//   run-*.yaml       `forecast validate scenarios/baseline.yaml <fixture>` on the shipped data, then,
//                    when that passes, the run itself (problems only a simulation finds: NaN)
//   data-*/          a data folder checked as `forecast validate --data <folder>` checks it
import { readFileSync } from 'node:fs';
import { InputError } from '../../src/errors/input-error.js';
import { renderProblem } from '../../src/errors/problem.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runScenario } from '../../src/pipeline/run-scenario.js';
import { loadScenario } from '../../src/spec/load-scenario.js';
import { parseModelSpec } from '../../src/spec/parse-model-spec.js';
import { validateScenarioAgainstModel } from '../../src/spec/validate-scenario-against-model.js';
import { projectRoot } from '../helpers/project.js';

const read = (path: string) => readFileSync(path, 'utf8');

export function renderFixtureProblems(path: string): string {
  try {
    if (path.includes('/model-')) parseModelSpec(path, read(path));
    else if (path.includes('/run-')) {
      const inputs = loadRunInputs(projectRoot, 'data', ['scenarios/baseline.yaml', path]);
      for (const { model, scenario } of inputs.scenarios) runScenario(model, inputs.data, scenario);
    } else if (path.includes('/data-')) loadRunInputs(projectRoot, path, []);
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
