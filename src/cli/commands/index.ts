// Every command of `forecast`, in the order `--help` lists them. One file per command.
import type { CommandDefinition } from '../command.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';

export const commands: readonly CommandDefinition[] = [
  runCommand,
  reportCommand,
  validateCommand,
];
