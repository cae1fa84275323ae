// Every command of `forecast`, in the order `--help` lists them. One file per command.
import type { CommandDefinition } from '../command.js';

export const commands: readonly CommandDefinition[] = [];
