// `forecast explain <scenario>`: the fully resolved scenario, where each value came from, calibrated uncertainty and evidence.
import { prepareModel } from '../../pipeline/prepare-model.js';
import { explainScenario } from '../../planner/explain-scenario.js';
import { loadVariantInputs } from '../../planner/load-variant-inputs.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';

export const explainCommand: CommandDefinition = {
  builder: (yargs) =>
    yargs
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('as-of', { type: 'string', describe: 'calibrate only on figures published by this date (YYYY-MM-DD)' })
      .check((argv) => {
        if (argv['as-of'] !== undefined && !/^\d{4}-\d{2}(-\d{2})?$/.test(String(argv['as-of']))) {
          throw new Error(`--as-of must be a date YYYY-MM-DD, got ${JSON.stringify(argv['as-of'])}`);
        }
        return true;
      })
      .example('forecast explain scenarios/optimistic.yaml', 'what the optimistic scenario assumes and why'),
  async run(argv, io) {
    const { inputs } = loadVariantInputs(io.cwd, String(argv.data ?? 'data'), String(argv.scenario), { asOf: argv.asOf as string | undefined });
    // The same model with none of the scenario's assumptions: what each assumption is compared with.
    // (When the model cannot even start without them, e.g. a start the data lacks, none is marked.)
    const bare = { ...inputs.scenario, assumptions: {}, startYears: {}, shocks: [] };
    let withoutAssumptions;
    try {
      withoutAssumptions = prepareModel(inputs.model, inputs.data, bare);
    } catch {
      withoutAssumptions = undefined;
    }
    io.stdout(explainScenario(inputs.scenario, prepareModel(inputs.model, inputs.data, inputs.scenario), withoutAssumptions));
    return exitCodes.ok;
  },
};
