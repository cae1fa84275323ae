// --threads: a whole number from 1 to 64, or auto (every processor this process may keep busy).
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { usableProcessors } from '../../src/io/processors.js';
import { threadsFrom, threadsOption } from '../../src/planner/planner-options.js';
import { maxThreads } from '../../src/pipeline/thread-count.js';
import { runVariants } from '../../src/planner/run-variants.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { runProject } from '../../src/pipeline/run-project.js';
import { checkedThreads, defaultThreads } from '../../src/pipeline/thread-count.js';
import { projectRoot } from '../helpers/project.js';

const parsed = (args: string[]): { threads?: number; error?: string } => {
  let error: string | undefined;
  const argv = threadsOption(yargs(args))
    .exitProcess(false)
    .fail((message, err) => {
      error = message ?? err?.message;
    })
    .parseSync();
  return error !== undefined ? { error } : { threads: argv.threads as number };
};

describe('--threads', () => {
  it('takes a whole number from 1 to 64, or auto: the usable processors, at most 64', () => {
    expect(threadsFrom('1')).toBe(1);
    expect(threadsFrom('64')).toBe(64);
    expect(threadsFrom(8)).toBe(8);
    expect(threadsFrom('auto')).toBe(Math.min(maxThreads, usableProcessors()));
    expect(parsed(['--threads', '3'])).toEqual({ threads: 3 });
    expect(parsed(['--threads', 'auto'])).toEqual({ threads: Math.min(maxThreads, usableProcessors()) });
    expect(parsed([])).toEqual({ threads: defaultThreads() });
    expect(defaultThreads()).toBe(Math.min(2, usableProcessors()));
  });

  it('refuses anything else in one message, the value as given', () => {
    const refusal = (shown: string) => `--threads must be a whole number from 1 to 64, or auto, got ${shown}`;
    expect(parsed(['--threads', '0'])).toEqual({ error: refusal('0') });
    expect(parsed(['--threads', '65'])).toEqual({ error: refusal('65') });
    expect(parsed(['--threads', '1.5'])).toEqual({ error: refusal('"1.5"') });
    expect(parsed(['--threads', 'all'])).toEqual({ error: refusal('"all"') });
    expect(parsed(['--threads', ''])).toEqual({ error: refusal('""') });
    expect(parsed(['--threads', 'Auto'])).toEqual({ error: refusal('"Auto"') });
  });

  it('a library caller gets the same rule as a RangeError, before any work: runProject and the planner\'s runVariants', async () => {
    expect(checkedThreads(1)).toBe(1);
    expect(checkedThreads(64)).toBe(64);
    const project = loadRunInputs(projectRoot, 'data', ['scenarios/jilin.yaml']);
    const { scenario, model } = project.scenarios[0];
    const inputs = { model, data: project.data, scenario, draws: 100, seed: scenario.seed };
    for (const threads of [0, 65, 1.5, Number.NaN, -1]) {
      expect(() => checkedThreads(threads), String(threads)).toThrow(new RangeError(`threads must be a whole number from 1 to 64, got ${threads}`));
      await expect(runProject(project, { draws: 100, threads }), String(threads)).rejects.toThrow(RangeError);
      await expect(runVariants(inputs, [[]], { threads }), String(threads)).rejects.toThrow(RangeError);
    }
    expect((await runProject(project, { draws: 100, threads: 3 })).results).toHaveLength(1);
  });
});
