// Helpers shared by the planner's tests: run the CLI in process, read a CSV into records.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { projectRoot } from '../helpers/project.js';

/** Runs `forecast <args>` in process from the project root. */
export async function runCli(args: string[]) {
  const io = memoryIo(projectRoot);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

/** A CSV file as header + records (every cell a string). */
export function readCsv(folder: string, name: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(join(folder, name), 'utf8');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  return { header, rows: parse(text, { columns: true }) as Record<string, string>[] };
}
