// The library face (src/index.ts): a project loaded and run through it gives the CLI's very files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../src/cli/cli-io.js';
import { main } from '../src/cli/main.js';
import { firstPassageCsv, loadProject, projectionsCsv, runProject, targetsCsv, targetVerdicts } from '../src/index.js';
import { freshDir, projectRoot } from './helpers/project.js';

describe('the library face', () => {
  it('loadProject + runProject give the files forecast run writes, byte for byte', async () => {
    const project = loadProject(projectRoot);
    expect(project.scenarios.map((s) => s.scenario.scenario)).toContain('baseline');
    const { results } = await runProject(project, { draws: 3000 });
    const out = freshDir();
    expect(await main(['run', '--draws', '3000', '--quiet', '--out', out], memoryIo(projectRoot))).toBe(0);
    expect(projectionsCsv(results, project.data)).toBe(readFileSync(join(out, 'projections.csv'), 'utf8'));
    expect(targetsCsv(results, project.data)).toBe(readFileSync(join(out, 'targets.csv'), 'utf8'));
    expect(firstPassageCsv(results)).toBe(readFileSync(join(out, 'first-passage.csv'), 'utf8'));
    // Summaries and verdicts as data, for a notebook.
    const baseline = results[0];
    expect(baseline.summaries.every((s) => s.quantiles.length === 7 && Number.isFinite(s.mean))).toBe(true);
    const verdicts = targetVerdicts(baseline, project.data);
    expect(verdicts.length).toBe(project.data.targets.length);
    expect(verdicts.some((v) => v.judgedOn === 'projection' && v.probabilityMet >= 0 && v.probabilityMet <= 1)).toBe(true);
  });
});
