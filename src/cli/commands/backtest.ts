// `forecast backtest`: rolling-origin hindcasts of a model's variables (placeholder until the command lands).
import type { CommandDefinition } from '../command.js';

export const backtestCommand: CommandDefinition = {
  command: 'backtest',
  describe: 'rolling-origin hindcasts of each law on the model\'s history',
  builder: (yargs) => yargs,
  async run() {
    return 0;
  },
};
