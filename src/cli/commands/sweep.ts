// `forecast sweep <scenario> --vary <path>=<values> | --design <file>`: run every combination of assumption values, or
// every row of a design file; write sweep.csv.
import { relative, resolve } from 'node:path';
import { writeOutputsAtomically } from '../../io/atomic-write.js';
import { judgedFromDraws, verdictBound } from '../../evaluate/probability-bound.js';
import { sweepCsv, sweepVariantCsv } from '../../output/sweep-table.js';
import { loadVariantInputs } from '../../planner/load-variant-inputs.js';
import { parseVary } from '../../planner/parse-vary.js';
import { readDesign, withDesign } from '../../planner/load-design.js';
import { pointsFromDesign, pointsFromVaries } from '../../planner/sweep-points.js';
import { countProgress, stderrProgress } from '../progress.js';
import { threadsOption } from '../../planner/planner-options.js';
import { runSweep, type SweepResult, type SweepVariant } from '../../planner/run-sweep.js';
import type { TargetVerdict } from '../../evaluate/target-verdict.js';
import type { CommandDefinition } from '../command.js';
import { exitCodes } from '../exit-codes.js';
import { parseShard, runArguments, scenarioOptions, type RunArguments } from './run.js';
import type { CliIo } from '../cli-io.js';
import { plannerMessages, shardMessages } from '../../errors/messages.js';
import { engineVersion } from '../../io/engine-version.js';
import { sha256 } from '../../output/manifest.js';
import { encodePart, maxShards, partFileName, partFormat, partVersion, type SweepPartFile } from '../../pipeline/part-file.js';
import { portableTargetResult } from '../../pipeline/portable-target-result.js';

export const sweepCommand: CommandDefinition = {
  builder: (yargs) =>
    threadsOption(scenarioOptions(yargs, false))
      .positional('scenario', { type: 'string', describe: 'scenario file' })
      .option('vary', {
        type: 'string',
        array: true,
        describe: 'assumption path and values: a list a,b,c or a range low:high:step; "12%" reads as 0.12 (several --vary: every combination)',
      })
      .option('design', {
        type: 'string',
        describe: 'a CSV file of the variants instead of a grid: a header of assumption paths, one row of values per variant (docs/planner.md)',
      })
      .option('shard', { type: 'string', describe: 'run only shard k of n (k from 0) of the sweep\'s variants and write its part.json.gz to --out; `forecast merge` writes sweep.csv (docs/scale.md)' })
      .check((argv) => {
        if (argv.vary === undefined && argv.design === undefined) throw new Error(plannerMessages.varyOrDesign());
        if (argv.vary !== undefined && argv.design !== undefined) throw new Error(plannerMessages.designWithVary());
        if (argv.shard !== undefined && !parseShard(argv.shard)) throw new Error(shardMessages.shardFormat(maxShards, argv.shard));
        return true;
      })
      .option('progress', { type: 'boolean', default: false, describe: 'show progress on stderr even when it is not a terminal' })
      .example('forecast sweep scenarios/baseline.yaml --vary assumptions.aiCoreIndustry.growth.mean=10%:20%:2%', 'six growth rates')
      .example('forecast sweep scenarios/baseline.yaml --vary aiCoreIndustry.growth=0.1,0.15 --vary newAiUnicorns.mean=4,6,8', 'a 2 × 3 grid')
      .example('forecast sweep scenarios/baseline.yaml --design scenarios/designs/lhs-40.csv', 'the 40 variants of a Latin hypercube design, one a row'),
  async run(argv, io) {
    const args = runArguments({ ...argv, scenarios: [argv.scenario] });
    const shown = stderrProgress(io, args);
    // The points first: a malformed --vary, or a design over the variants limit, is refused before the inputs are read.
    const design = argv.design === undefined ? undefined : readDesign(io.cwd, String(argv.design));
    const points = design ? pointsFromDesign(design.path, design.content) : pointsFromVaries((argv.vary as string[]).map(parseVary));
    const loaded = loadVariantInputs(io.cwd, args.data, String(argv.scenario), args);
    const { inputs } = loaded;
    const files = design ? withDesign(loaded.files, design) : loaded.files;
    const options = {
      threads: argv.threads as number,
      onProgress: countProgress(shown.sink, shown.enabled, 'variants'),
      ...(args.shard && { shard: args.shard }),
    };
    // Each variant is kept as what its output needs (its rows, or a shard's numbers), not as its outcome.
    if (!args.shard) return writeSweepOutputs(await runSweep(inputs, points, options, sweepVariantRows(args.precision)), args, io);
    const sweep = await runSweep(inputs, points, options, (v) => v.outcome.targets.map(portableTargetResult));
    // A shard: its variants' results, for forecast merge.
    const part: SweepPartFile = {
      format: partFormat,
      version: partVersion,
      engine: engineVersion(),
      command: 'sweep',
      shard: args.shard,
      sweep: {
        scenario: relative(io.cwd, resolve(io.cwd, String(argv.scenario))) || String(argv.scenario),
        data: args.data,
        asOf: args.asOf ?? null,
        draws: args.draws ?? null,
        seed: args.seed ?? null,
        vary: (argv.vary as string[] | undefined) ?? [],
        design: design?.path ?? null,
      },
      inputs: files.map((file) => ({ path: file.path, sha256: sha256(file.content) })),
      variants: sweep.variants.map((v) => ({ variant: v.variant, values: Float64Array.from(v.values), targets: v.outcome })),
    };
    writeOutputsAtomically(resolve(io.cwd, args.out), [{ name: partFileName, content: encodePart(part) }], { cwd: io.cwd, shown: args.out });
    if (!args.quiet) {
      const variants = sweep.variants.length === 0 ? 'no variants' : `variants ${sweep.variants[0].variant}–${sweep.variants[sweep.variants.length - 1].variant}`;
      io.stdout(`shard ${args.shard.index} of ${args.shard.count}: ${variants}\nwrote ${partFileName} to ${args.out}/ (combine the parts with forecast merge)\n`);
    }
    return exitCodes.ok;
  },
};

/** What sweep.csv and the printed table need of one variant, kept as each variant completes. */
export interface SweepVariantRows {
  /** Its rows of sweep.csv (sweepVariantCsv), as UTF-8. */
  readonly csv: Uint8Array;
  /** Each judged target's id and the variant's cell for it in the printed table. */
  readonly cells: readonly (readonly [string, string])[];
}

/** The `keep` of a sweep (runSweep, mergeSweep) whose sweep.csv is written with `precision` significant digits. */
export function sweepVariantRows(precision: number | undefined): (variant: SweepVariant, scenario: string) => SweepVariantRows {
  return ({ variant, values, outcome }, scenario) => ({
    csv: Buffer.from(sweepVariantCsv(scenario, variant, values, outcome, precision)),
    cells: outcome.verdicts.filter((v) => v.status !== 'not judged').map((v) => [v.target.id, verdictCell(v)] as const),
  });
}

/** A verdict in the printed table: on record its outcome; a projection its P(met), ≥ or ≤ for a proxy's bound, * for a nowcast. */
function verdictCell(v: TargetVerdict): string {
  if (!judgedFromDraws(v)) return v.status;
  const bound = verdictBound(v);
  return `${bound === 'lower' ? '≥' : bound === 'upper' ? '≤' : ''}${(v.probabilityMet * 100).toFixed(0)}%${v.judgedOn === 'nowcast' ? '*' : ''}`;
}

/** Writes sweep.csv (atomically) and prints the sweep's table. @returns exit code 0 */
export function writeSweepOutputs(sweep: SweepResult<SweepVariantRows>, args: Pick<RunArguments, 'out' | 'quiet'>, io: CliIo): number {
  const csv = sweepCsv(sweep.paths, sweep.variants.map((v) => v.outcome.csv));
  writeOutputsAtomically(resolve(io.cwd, args.out), [{ name: 'sweep.csv', content: csv }], { cwd: io.cwd, shown: args.out });
  if (!args.quiet) {
    io.stdout(sweepSummary(sweep));
    io.stdout(`wrote sweep.csv to ${args.out}/\n`);
  }
  return exitCodes.ok;
}

/** Terminal view: one row per variant, its values, then each target's verdict (columns T1 … Tn, named below). */
function sweepSummary(sweep: SweepResult<SweepVariantRows>): string {
  const targets = sweep.variants[0]?.outcome.cells.map(([id]) => id) ?? [];
  const lines = [`${sweep.scenario}: ${sweep.variants.length} variants × ${targets.length} targets (${sweep.draws} draws, seed ${sweep.seed}); P(met) per target`, ''];
  const header = ['#', ...sweep.paths, ...targets.map((_, i) => `T${i + 1}`)];
  const rows = sweep.variants.map((variant) => {
    const cells = new Map(variant.outcome.cells);
    return [String(variant.variant), ...variant.values.map((v) => String(Number(v.toPrecision(6)))), ...targets.map((id) => cells.get(id) ?? '—')];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padStart(widths[i])).join('  ')}`;
  lines.push(line(header), ...rows.map(line), '');
  targets.forEach((id, i) => lines.push(`  T${i + 1} = ${id}`));
  lines.push('  (P(met) from the draws — ≥ a lower and ≤ an upper bound where a proxy judges the target, * a nowcast of a closed window; a target the record decides reads its outcome in every variant)');
  return lines.join('\n') + '\n';
}
