// Start-up: what each command loads (never timed here: timings live in bench/), --version, and the
// top-level help laid out exactly as yargs lays out every command's own help.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import yargs from 'yargs';
import { memoryIo } from '../../src/cli/cli-io.js';
import { commandEntries } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { globalOptions, topLevelHelp } from '../../src/cli/top-level-help.js';
import { freshDir, projectRoot } from '../helpers/project.js';

/** The module URLs a run of the built CLI resolves (tsc output, one file per module). */
function modulesLoadedBy(args: readonly string[]): string[] {
  const run = spawnSync(process.execPath, ['--import', resolve(projectRoot, 'test/cli/fixtures/log-imports.mjs'), 'dist/src/cli/bin.js', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stderr.split('\n').filter((line) => line.startsWith('resolved ')).map((line) => line.slice('resolved '.length));
}

const loads = (urls: readonly string[], part: string) => urls.some((url) => url.includes(part));

describe('start-up', () => {
  it('--help loads no command, no argument parser, no engine, vega or mathjs', () => {
    const urls = modulesLoadedBy(['--help']);
    for (const part of ['/node_modules/yargs/', '/node_modules/mathjs/', '/node_modules/vega', '/src/simulate/', '/src/cli/commands/run.js']) {
      expect(loads(urls, part), part).toBe(false);
    }
  });

  it('forecast data loads the data code only: no engine, vega or mathjs', () => {
    const urls = modulesLoadedBy(['data']);
    expect(loads(urls, '/src/data/load-data-set.js')).toBe(true);
    for (const part of ['/node_modules/mathjs/', '/node_modules/vega', '/src/simulate/', '/src/laws/', '/src/pipeline/']) {
      expect(loads(urls, part), part).toBe(false);
    }
  });

  it('the built CLI loads mathjs only to parse a formula: not for a model the content cache holds', () => {
    // The single-file build (dist/cli) loads mathjs from a file of its own on the first formula
    // parsed; the model's formulas come back from the cache as trees (VariableSpec.formulaTree).
    const cache = freshDir('forecast-cache-');
    const vendorFiles = (env: Record<string, string>) => {
      const run = spawnSync(process.execPath, ['--require', resolve(projectRoot, 'test/cli/fixtures/log-vendor-files.cjs'), 'dist/cli/forecast.js', 'validate', 'scenarios/baseline.yaml'], {
        cwd: projectRoot,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(run.status, run.stderr).toBe(0);
      return /vendor files main: (.*)/.exec(run.stderr)![1].split(' ').filter(Boolean);
    };
    expect(vendorFiles({ FORECAST_CACHE: cache })).toContain('vendor-mathjs.cjs'); // first read: parsed
    expect(vendorFiles({ FORECAST_CACHE: cache })).toEqual([]); // from the cache: no parser at all
    expect(vendorFiles({ FORECAST_CACHE: 'off' })).toContain('vendor-mathjs.cjs');
  });

  it('--version prints the package version', async () => {
    const io = memoryIo(projectRoot);
    expect(await main(['--version'], io)).toBe(0);
    const pkg = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as { version: string };
    expect(io.out.join('')).toBe(`${pkg.version}\n`);
  });

  it('the top-level help is what yargs prints for the same commands and options', async () => {
    let printed = '';
    const parser = yargs([]).scriptName('forecast').help().version('0').wrap(100).demandCommand(1);
    for (const option of globalOptions.filter((o) => o.flag === '--data')) parser.option('data', { type: 'string', default: 'data', describe: option.describe });
    for (const entry of commandEntries) parser.command(entry.command, entry.describe);
    await parser.exitProcess(false).parseAsync(['--help'], {}, (_error, _argv, output) => {
      printed = output;
    });
    expect(topLevelHelp(commandEntries, 100)).toBe(printed);
  });
});
