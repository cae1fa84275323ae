// `forecast --help` without loading the argument parser: the command list, laid out as yargs lays it out.
import type { CommandEntry } from './commands/index.js';

/** Global options, as `forecast --help` lists them (main.ts declares the same to yargs). */
export const globalOptions: readonly { readonly flag: string; readonly describe: string; readonly type: string }[] = [
  { flag: '--help', describe: 'Show help', type: '[boolean]' },
  { flag: '--version', describe: 'Show version number', type: '[boolean]' },
  { flag: '--data', describe: 'folder with observations, sources and targets', type: '[string] [default: "data"]' },
];

/** Words of `text` in lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/**
 * The top-level help: usage, every command with its description, the global options — yargs's layout
 * (two-space indent, descriptions in one column, wrapped to `width`), so it reads the same as every
 * command's own `--help`, which yargs prints.
 * @param entries the commands in help order
 * @param width the terminal width (at most 100, as main.ts wraps yargs)
 */
export function topLevelHelp(entries: readonly CommandEntry[], width: number): string {
  const usages = entries.map((entry) => `forecast ${entry.command}`);
  const column = Math.max(...usages.map((u) => u.length)) + 4;
  const lines = ['forecast <command>', '', 'Commands:'];
  entries.forEach((entry, i) => {
    const [first, ...rest] = wrap(entry.describe, width - column);
    lines.push(`  ${usages[i].padEnd(column - 2)}${first}`, ...rest.map((part) => `${' '.repeat(column)}${part}`));
  });
  lines.push('', 'Options:');
  const flagColumn = Math.max(...globalOptions.map((o) => o.flag.length)) + 4;
  for (const option of globalOptions) {
    const left = `  ${option.flag.padEnd(flagColumn - 2)}${option.describe}`;
    lines.push(`${left}${option.type.padStart(width - left.length)}`);
  }
  return lines.join('\n');
}
