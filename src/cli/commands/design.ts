// `forecast design --vary <path>=<low>:<high> … --points N [--seed S]`: a Latin hypercube of N variants
// over the ranges, written as a design file for `forecast sweep --design` (to standard output).
import { cliMessages, plannerMessages } from '../../errors/messages.js';
import { activeLimits, raiseHint } from '../../io/limits.js';
import { csvHeader } from '../../io/to-csv.js';
import { parsePlannerPath } from '../../planner/assumption-path.js';
import { commandLineError } from '../../planner/command-line-error.js';
import { latinHypercube, type DesignRange } from '../../planner/latin-hypercube.js';
import { parseNumberLike } from '../../planner/parse-vary.js';
import { createStream } from '../../simulate/random/create-stream.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';

/** Most columns of a design: far more assumptions than a sweep can tell apart at its variants. */
const maxDesignColumns = 50;

/** One column of the design: its path, range, and whether it was written in percents. */
interface DesignColumn extends DesignRange {
  readonly path: string;
  readonly percent: boolean;
  /** The range as typed: `5%:30%`. */
  readonly written: string;
}

/**
 * `path=low:high`, low < high, both finite; percents read as fractions and kept as the column's unit.
 * @throws InputError naming the rule broken
 */
function parseDesignVary(text: string): DesignColumn {
  const equals = text.indexOf('=');
  const path = equals > 0 ? text.slice(0, equals).trim() : '';
  const bounds = equals > 0 ? text.slice(equals + 1).split(':') : [];
  const [low, high] = bounds.map(parseNumberLike);
  if (bounds.length !== 2 || low === undefined || high === undefined || !Number.isFinite(low) || !Number.isFinite(high) || !(low < high)) {
    throw commandLineError(plannerMessages.designVary(text));
  }
  parsePlannerPath(path);
  return { path, low, high, percent: bounds.every((bound) => bound.trim().endsWith('%')), written: bounds.map((bound) => bound.trim()).join(':') };
}

/**
 * Decimals that keep a value inside its stratum once written: the stratum's width (in the unit the
 * column is written in) to three significant digits, at least two decimals.
 */
function decimalsOf(column: DesignColumn, points: number): number {
  const width = ((column.high - column.low) * (column.percent ? 100 : 1)) / points;
  return Math.min(15, Math.max(2, Math.ceil(-Math.log10(width)) + 3));
}

/**
 * The design file: comment lines that say what it is and how it was made, the header of paths, and
 * one row a variant (percent columns as percents).
 */
function designCsv(columns: readonly DesignColumn[], points: number, seed: number, command: string): string {
  const design = latinHypercube(points, columns, createStream(seed, 'design'));
  const decimals = columns.map((column) => decimalsOf(column, points));
  const cell = (value: number, j: number) => (columns[j].percent ? `${(value * 100).toFixed(decimals[j])}%` : value.toFixed(decimals[j]));
  const comments = [
    `# A Latin hypercube of ${points} variants (McKay, Beckman & Conover 1979): each range cut into ${points} strata`,
    `# with one variant in each, the strata paired to keep the columns' rank correlations low (largest |ρ|`,
    `# ${design.largestCorrelation.toFixed(4)}; docs/planner.md, "Designs"). These are assumptions to explore, not data.`,
    ...columns.map((c) => `#   ${c.path} from ${c.written.replace(':', ' to ')}`),
    `# Made by: ${command}`,
  ];
  // Cells are numbers and percents (digits, sign, point, %), written as they are: the CSV writer's
  // guard against spreadsheet formulas would turn the text "-4.5%" into "'-4.5%", which is no number.
  const body = design.rows.map((row) => `${row.map(cell).join(',')}\n`).join('');
  return `${comments.join('\n')}\n${csvHeader(columns.map((c) => c.path))}${body}`;
}

export const designCommand: CommandDefinition = {
  builder: (yargs) =>
    yargs
      .option('vary', { type: 'string', array: true, demandOption: true, describe: 'assumption path and its range low:high; "12%" reads as 0.12, and the column is then written in percents' })
      .option('points', { type: 'number', demandOption: true, describe: 'variants (rows) of the design' })
      .option('seed', { type: 'number', default: 1, describe: 'random seed (the same seed gives the same design)' })
      .check((argv) => {
        const seed = argv.seed as number;
        if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(cliMessages.seed(argv.seed));
        return true;
      })
      .example('forecast design --vary assumptions.aiCoreIndustry.growth.mean=5%:30% --vary assumptions.newAiUnicorns.mean=2:14 --points 40 > mine.csv', 'a 40-variant design; then: forecast sweep scenarios/baseline.yaml --design mine.csv'),
  async run(argv, io) {
    const limit = activeLimits().sweepVariants;
    const points = argv.points as number;
    if (!Number.isInteger(points) || points < 2 || points > limit) throw commandLineError(plannerMessages.designPoints(limit, argv.points), raiseHint('sweepVariants'));
    const varies = (argv.vary as string[]).map(String);
    if (varies.length > maxDesignColumns) throw commandLineError(plannerMessages.designColumns(maxDesignColumns, varies.length));
    const columns = varies.map(parseDesignVary);
    const seen = new Set<string>();
    for (const column of columns) {
      if (seen.has(column.path)) throw commandLineError(plannerMessages.varyDuplicate(column.path));
      seen.add(column.path);
    }
    const seed = argv.seed as number;
    const command = ['forecast design', ...varies.map((v) => `--vary ${v}`), `--points ${points}`, `--seed ${seed}`].join(' ');
    io.stdout(designCsv(columns, points, seed, command));
    return exitCodes.ok;
  },
};
