// The points a sweep runs, from either source:
//
//   --vary     every combination of the values given to each path (a grid, the last --vary changing fastest)
//   --design   a CSV file with one column per path and one row per variant, in file order: the points
//              of a space-filling design (a Latin hypercube, a Sobol sequence) or any list a notebook
//              wrote. Five assumptions at ten values each are 100,000 grid points; a design covers
//              the same box with a few hundred (McKay, Beckman & Conover 1979).
//
// Both give the same thing: paths, each variant's values, and where each value was written, so a
// value the model refuses is reported at its `--vary`, or at its design file's line and column.
import { InputError } from '../errors/input-error.js';
import { plannerMessages } from '../errors/messages.js';
import { commandLineFile, type Problem } from '../errors/problem.js';
import { activeLimits, raiseHint } from '../io/limits.js';
import { parseCsv } from '../io/read-csv.js';
import { parsePlannerPath } from './assumption-path.js';
import { commandLineError } from './command-line-error.js';
import { parseNumberLike, type VarySpec } from './parse-vary.js';
import { sweepGrid } from './sweep-grid.js';

/** Where a problem with a sweep's value lies: the file (or the command line), line and field. */
export type PointsLocation = Pick<Problem, 'file' | 'line' | 'field'>;

/** A sweep's variants before the model is read: paths, values, and where each was written. */
export interface SweepPoints {
  /** Assumption paths as written (sweep.csv's columns). */
  readonly paths: readonly string[];
  /** Each variant's values, one per path, in variant order. */
  readonly rows: readonly (readonly number[])[];
  /** Whether the value of `row` for `column` was written as a percent (a bare rate is then not taken for a unit slip). */
  percent(row: number, column: number): boolean;
  /** Where the value of `row` for `column` was written (the column's header when `row` is undefined). */
  locate(column: number, row?: number): PointsLocation;
  /** How a value of `column` is named in a unit-slip message: `--vary <path>`, or the path. */
  shown(column: number): string;
}

/**
 * The grid of `varies`: every combination, the last --vary changing fastest. Its size is checked
 * against the sweep-variants limit before the grid is built (two --vary of 10,000 values would
 * otherwise make 10⁸ rows first).
 * @throws InputError for a repeated path or too many variants
 * @example pointsFromVaries([{ path: 'a.b', values: [1, 2] }, { path: 'c.d', values: [3] }]).rows; // => [[1, 3], [2, 3]]
 */
export function pointsFromVaries(varies: readonly VarySpec[]): SweepPoints {
  const seen = new Set<string>();
  for (const vary of varies) {
    if (seen.has(vary.path)) throw commandLineError(plannerMessages.varyDuplicate(vary.path));
    seen.add(vary.path);
  }
  const variantCount = varies.reduce((product, vary) => product * vary.values.length, 1);
  const limit = activeLimits().sweepVariants;
  if (variantCount > limit) throw commandLineError(plannerMessages.tooManyVariants(limit, variantCount), raiseHint('sweepVariants'));
  return {
    paths: varies.map((vary) => vary.path),
    rows: sweepGrid(varies.map((vary) => vary.values)),
    percent: (_row, column) => varies[column].percent === true,
    locate: () => ({ file: commandLineFile }),
    shown: (column) => `--vary ${varies[column].path}`,
  };
}

/**
 * Lines of `text` that can hold a variant: not blank and not a `#` comment (the header among them).
 * An upper bound on the design's rows, counted before the file is parsed.
 */
function contentLines(text: string): number {
  let lines = 0;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    let first = start;
    while (first < stop && (text[first] === ' ' || text[first] === '\t' || text[first] === '\r')) first++;
    if (first < stop && text[first] !== '#') lines++;
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

/**
 * The variants of a design file (`forecast sweep --design <file>`): a CSV with a header of
 * assumption paths (as --vary writes them; each at most once) and one row per variant, every cell
 * a number or a percent (`0.12`, `12%`, `1e3`); `#` lines are comments. Rows are variants 1, 2, …
 * in file order. The row count is checked against the sweep-variants limit before the file is parsed.
 * @param file the path as given (for messages)
 * @throws InputError located at the file, line and column: malformed CSV, no header or no row, a
 *   header that is not an assumption path or is repeated, an empty or non-numeric cell, too many rows
 * @example pointsFromDesign('d.csv', 'aiCoreIndustry.growth.mean,newAiUnicorns.mean\n12%,6\n').rows; // => [[0.12, 6]]
 */
export function pointsFromDesign(file: string, text: string): SweepPoints {
  const limit = activeLimits().sweepVariants;
  const lines = contentLines(text);
  if (lines - 1 > limit) throw new InputError([{ file, message: plannerMessages.tooManyDesignRows(limit, lines - 1), hint: raiseHint('sweepVariants') }]);
  const table = parseCsv(file, text);
  if (table.columns.length === 0 || table.records.length === 0) throw new InputError([{ file, message: plannerMessages.designEmpty(table.columns.length === 0 ? 'nothing' : 'a header only') }]);
  const headerLine = table.headerLine;
  const paths = table.columns;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  paths.forEach((path) => {
    try {
      parsePlannerPath(path);
    } catch {
      problems.push({ file, line: headerLine, field: path, message: plannerMessages.designColumn(path) });
      return;
    }
    if (seen.has(path)) problems.push({ file, line: headerLine, field: path, message: plannerMessages.designColumnTwice(path) });
    seen.add(path);
  });
  if (problems.length > 0) throw new InputError(problems);
  const percent = new Uint8Array(table.records.length * paths.length);
  const rows = table.records.map((record, r) =>
    paths.map((path, c) => {
      const cell = record.fields[path].trim();
      const value = parseNumberLike(cell);
      if (value === undefined || !Number.isFinite(value)) {
        problems.push({ file, line: record.line, field: path, message: plannerMessages.designValue(path, cell) });
        return Number.NaN;
      }
      percent[r * paths.length + c] = cell.endsWith('%') ? 1 : 0;
      return value;
    }),
  );
  if (problems.length > 0) throw new InputError(problems);
  return {
    paths,
    rows,
    percent: (row, column) => percent[row * paths.length + column] === 1,
    locate: (column, row) => ({ file, line: row === undefined ? headerLine : table.records[row].line, field: paths[column] }),
    shown: (column) => paths[column],
  };
}

/** `error` with its command-line problems moved to `where` (a design file's line and column). */
export function relocated(error: InputError, where: PointsLocation): InputError {
  if (where.file === commandLineFile) return error;
  return new InputError(error.problems.map((problem) => (problem.file === commandLineFile ? { ...problem, ...where } : problem)));
}

/**
 * Runs `step` and, should it throw an InputError about the command line (as the model's checks of a
 * path or value do), throws it again at `where`. Other errors pass unchanged.
 */
export function locatedAt<T>(where: PointsLocation, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw error instanceof InputError ? relocated(error, where) : error;
  }
}
