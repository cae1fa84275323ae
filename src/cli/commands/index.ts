// Every command of `forecast`, in the order `--help` lists them. One file per command.
import type { CommandDefinition } from '../command.js';
import { compareCommand } from './compare.js';
import { dataCommand } from './data.js';
import { explainCommand } from './explain.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { sensitivityCommand } from './sensitivity.js';
import { solveCommand } from './solve.js';
import { targetsCommand } from './targets.js';
import { sweepCommand } from './sweep.js';
import { validateCommand } from './validate.js';

export const commands: readonly CommandDefinition[] = [
  runCommand,
  reportCommand,
  compareCommand,
  sweepCommand,
  sensitivityCommand,
  solveCommand,
  explainCommand,
  validateCommand,
  dataCommand,
  targetsCommand,
];
