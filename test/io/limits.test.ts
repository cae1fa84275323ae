import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { activeLimits, defaultLimits, limitsFromEnvironment } from '../../src/io/limits.js';
import { projectRoot } from '../helpers/project.js';

describe('limits', () => {
  it('are raised by FORECAST_LIMIT_* variables, and refuse values that are not whole numbers > 0', () => {
    expect(limitsFromEnvironment({ FORECAST_LIMIT_FILE_BYTES: '1000' }).limits.fileBytes).toBe(1000);
    expect(limitsFromEnvironment({ FORECAST_LIMIT_FILE_BYTES: '-5', FORECAST_LIMIT_YAML_DEPTH: '2.5' }).invalid).toEqual([
      { name: 'FORECAST_LIMIT_FILE_BYTES', value: '-5', rule: 'be a whole number greater than 0' },
      { name: 'FORECAST_LIMIT_YAML_DEPTH', value: '2.5', rule: 'be a whole number greater than 0' },
    ]);
  });

  it('are installed by the CLI for one command and restored after it', async () => {
    const io = memoryIo(projectRoot, { FORECAST_LIMIT_SWEEP_VARIANTS: 'x' });
    expect(await main(['data'], io)).toBe(2);
    expect(io.err.join('')).toContain('environment  error  FORECAST_LIMIT_SWEEP_VARIANTS must be a whole number greater than 0, got "x"');
    const sweep = memoryIo(projectRoot, { FORECAST_LIMIT_SWEEP_VARIANTS: '2' });
    expect(await main(['sweep', 'scenarios/baseline.yaml', '--vary', 'assumptions.aiCoreIndustry.growth.mean=10%,12%,14%', '--out', '/tmp/never'], sweep)).toBe(2);
    expect(sweep.err.join('')).toContain('--vary must give at most 2 variants in all, got 3');
    expect(activeLimits()).toEqual(defaultLimits);
  });
});
