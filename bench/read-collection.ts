// A yardstick collection for a bench script (layout series_id,category,split,t,value): a missing or
// malformed file stops the script with the reader's located problems (exit 2), never a stack trace.
import { existsSync, readFileSync } from 'node:fs';
import { readM3Csv, type M3Series } from '../src/backtest/read-m3-csv.js';
import { fail } from './bench-args.js';

/**
 * The series of the collection at `file` (every problem located by file and line; exit 2 on any).
 * @example readCollection('../shared/benchmarks/m3-yearly.csv').length; // => 645
 */
export function readCollection(file: string): M3Series[] {
  requireCollection(file);
  try {
    return readM3Csv(readFileSync(file, 'utf8'), file);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/** Stops the script (exit 2) unless a collection file exists at `file`: checked for every file before any is read. */
export function requireCollection(file: string): void {
  if (!existsSync(file)) fail(`the collection must exist at ${file} (series_id,category,split,t,value), got no file`);
}
