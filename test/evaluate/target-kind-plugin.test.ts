// Adding a target kind is one file plus a registry line: a kind written in this test's fixture
// (test/fixtures/target-kinds/lowest-level.ts) is parsed, described, tracked, judged on record and
// written to targets.csv without any other source file knowing it.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { targetsJsonSchema } from '../../src/data/targets-json-schema.js';
import { registerTargetKind, targetKind, targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';
import { recordVerdict } from '../../src/evaluate/target-verdict.js';
import { loadRunInputs } from '../../src/io/load-run-inputs.js';
import { parseCsv } from '../../src/io/read-csv.js';
import { runInstrumented } from '../../src/planner/run-instrumented.js';
import { lowestLevelKind } from '../fixtures/target-kinds/lowest-level.js';
import { freshDir, projectRoot } from '../helpers/project.js';

registerTargetKind(lowestLevelKind);

/** The shipped data with one target of the new kind appended. */
function dataWithNewKind(): string {
  const dir = freshDir('forecast-kind-');
  cpSync(join(projectRoot, 'data'), dir, { recursive: true });
  writeFileSync(
    join(dir, 'targets.yaml'),
    readFileSync(join(dir, 'targets.yaml'), 'utf8') +
      `
- id: bj-ai-core-floor-2026
  label: { zh: 核心产业规模每年不低于2600亿元, en: AI core industry at least 260 bn yuan every year }
  region: Beijing
  variable: aiCoreIndustry
  series: bj.ai.core
  kind: lowestLevel
  fromYear: 2024
  year: 2026
  atLeast: 2600
  unit: 亿元
  source: seed-001
  quote: 人工智能核心产业规模达到3000亿元
  reading: A test target of a kind written outside the engine (every year 2024–2026 at least 2600亿元).
`,
  );
  return dir;
}

describe('a target kind added as one file and one registry line', () => {
  const dir = dataWithNewKind();

  it('is parsed with its own keys, listed in the JSON Schema, and described in words', () => {
    const data = loadDataSet(dir, targetKindRegistry, 'data');
    const target = data.targets.find((t) => t.id === 'bj-ai-core-floor-2026')!;
    expect(target).toMatchObject({ kind: 'lowestLevel', fromYear: 2024, lower: { value: 2600, inclusive: true } });
    expect(targetKind('lowestLevel').describe(target)).toBe('the level in every year 2024–2026 at least 2600亿元');
    const schema = targetsJsonSchema(targetKindRegistry) as { items: { properties: { kind: { enum: string[] } } } };
    expect(schema.items.properties.kind.enum).toContain('lowestLevel');
    expect(recordVerdict(target, data).status).toBe('open');
  });

  it('is tracked through a run and written to targets.csv with a status from the one vocabulary', async () => {
    const out = freshDir();
    const io = memoryIo(projectRoot);
    expect(await main(['run', 'scenarios/baseline.yaml', '--data', dir, '--draws', '1000', '--out', out, '--quiet'], io)).toBe(0);
    const rows = parseCsv('targets.csv', readFileSync(join(out, 'targets.csv'), 'utf8')).records.map((r) => r.fields);
    const row = rows.find((r) => r.target === 'bj-ai-core-floor-2026')!;
    expect(row).toMatchObject({ kind: 'lowestLevel', judged: 'lowestLevel', judgedOn: 'projection', basis: 'data', comparator: 'atLeast', threshold: '2600' });
    expect(['very likely', 'likely', 'as likely as not', 'unlikely', 'very unlikely']).toContain(row.status);
    // Its P(met) is the share of draws whose lowest level over 2024–2026 is at least 2600.
    const inputs = loadRunInputs(projectRoot, dir, ['scenarios/baseline.yaml']);
    const run = runInstrumented(inputs.scenarios[0].model, inputs.data, inputs.scenarios[0].scenario, { draws: 1000, trackOutcomes: true });
    const k = run.result.targets.findIndex((t) => t.target.id === 'bj-ai-core-floor-2026');
    const lowest = run.outcomes[k].values;
    expect(Number(row.probabilityMet)).toBe(lowest.filter((v) => v >= 2600).length / 1000);
  });

  it('needs no other source file: no code outside the kinds\' folder tests a kind by name', () => {
    // 'level' and 'share' are also the names of a judged quantity and a unit family; the others are kinds only.
    const kindsOnly = [...targetKindRegistry.keys()].filter((name) => !['lowestLevel', 'level', 'share'].includes(name));
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    for (const file of files(join(projectRoot, 'src')).filter((f) => !f.includes(join('evaluate', 'target-kinds')))) {
      const code = readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
      expect(code, `${file} compares a kind with a name`).not.toMatch(/(target|\bt)\.kind\s*[!=]==\s*['"]/);
      for (const name of kindsOnly) expect(code.includes(`'${name}'`), `${file} names the kind '${name}'`).toBe(false);
    }
  });
});
