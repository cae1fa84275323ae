import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../src/cli/cli-io.js';
import { main } from '../../src/cli/main.js';
import { freshDir, projectRoot } from '../helpers/project.js';

async function run(args: string[], cwd = projectRoot) {
  const io = memoryIo(cwd);
  const code = await main(args, io);
  return { code, stdout: io.out.join(''), stderr: io.err.join('') };
}

describe('forecast data', () => {
  it('lists every series with region, unit, first–last year and points, as an aligned table', async () => {
    const { code, stdout, stderr } = await run(['data']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^series\s+region\s+unit\s+years\s+points\s+breaks\s+scope$/);
    expect(stdout).toMatch(/^cn\.software\.revenue\s+China\s+亿元\s+2013–2025\s+35\s+—\s+工信部/m);
    expect(stdout).toMatch(/^bj\.gdp\s+Beijing\s+亿元\s+2013–2025\s+\d+\s+2018,2023\s/m);
    expect(stdout).toMatch(/^bj\.ai\.unicorns\.new\s+Beijing\s+count\s+2023\s+1\s/m);
    expect(stdout).toMatch(/^bj\.ai\.radiating\s+Beijing\s+亿元\s+—\s+0\s/m);
    // aligned: the "region" column starts at the same place on every row
    const column = lines[0].indexOf('region');
    expect(lines.slice(1, 6).every((l) => /^\S+\s+$/.test(l.slice(0, column)) && /\S/.test(l[column]))).toBe(true);
    expect(stdout).toMatch(/\n\d+ series, \d+ observations, \d+ targets\n$/);
  });

  it('shows one series with its figures, sources and quotes', async () => {
    const { code, stdout } = await run(['data', 'bj.infosoft.revenue']);
    expect(code).toBe(0);
    expect(stdout).toContain('bj.infosoft.revenue — 北京信息软件业营业收入 / Beijing information software industry revenue');
    expect(stdout).toMatch(/^2023\s+M1-M10\s+21201 亿元 {2}\+17\.7% yoy\s+observed\s+reported\s+medium\s+seed-000\s+2024-01$/m);
    expect(stdout).toMatch(/^2023\s+FY\s+≈30000 亿元\s+estimate\s+reported\s+medium\s+seed-000\s+2024-01$/m);
    expect(stdout).toMatch(/^2023\s+FY\s+≈30000 亿元\s+observed\s+reported\s+medium\s+seed-004\s+2024-04\s+level of 2023$/m);
    expect(stdout).toContain('“2023年1-10月，北京市信息软件业实现营收21201亿元，同比增长17.7%”');
    expect(stdout).toContain('2023年北京市软件产业发展研究报告 — 北京长风信息技术产业联盟, 000_935f956c4d03ec71.txt');
  });

  it('shows the vintages of one figure side by side, the reading kept for each year, and a series\' breaks', async () => {
    const { stdout } = await run(['data', 'bj.ai.core']);
    // 2024: "突破3000亿" (January, March 2025), then "近3500亿" (June, August 2025): the latest vintage is the level
    expect(stdout).toMatch(/^2024\s+FY\s+≥3000 亿元\s+observed\s+reported\s+high\s+ref26-bjjxj-20250321\s+2025-03-21$/m);
    expect(stdout).toMatch(/^2024\s+FY\s+≈3500 亿元\s+observed\s+reported\s+medium-high\s+ref26-bjgovpt-20250815\s+2025-08-15\s+level of 2024$/m);
    // 2025: estimates only, until an outturn is published
    expect(stdout).toMatch(/^2025\s+FY\s+≈4500 亿元\s+estimate\s+.*level of 2025$/m);
    const asOf = await run(['data', 'bj.ai.core', '--as-of', '2025-03-31']);
    expect(asOf.stdout).toMatch(/^2024\s+FY\s+≥3000 亿元\s+.*2025-03-21\s+level of 2024$/m);
    expect(asOf.stdout).not.toMatch(/≈3500 亿元/);
    const gdp = await run(['data', 'bj.gdp']);
    expect(gdp.stdout).toContain('break: from 2023 on a new basis (figures published from 2025-05-16) — 5th economic census revision');
    expect(gdp.stdout).toMatch(/^2023\s+FY\s+47353\.7 亿元\s+.*level of 2023$/m);
  });

  it('shows a derived row with its arithmetic', async () => {
    const { stdout } = await run(['data', 'cn.ai.core.enterprises']);
    expect(stdout).toMatch(/≈3613\.8 count\s+observed\s+derived/);
    expect(stdout).toContain('derivation: 1048 / 0.29 = 3613.8');
  });

  it('filters by --as-of', async () => {
    const { stdout } = await run(['data', 'bj.infosoft.revenue', '--as-of', '2024-01']);
    // as of January 2024 the estimate "预计今年接近3万亿元" is the level of 2023; the outturn came in April
    expect(stdout).toMatch(/estimate\s+reported\s+medium\s+seed-000\s+2024-01\s+level of 2023$/m);
    expect(stdout).not.toMatch(/\sseed-004\s+2024-04/m);
    expect(stdout).not.toMatch(/\s2024-04-19$/m);
  });

  it('rejects an unknown series with did-you-mean and exit code 2', async () => {
    const { code, stdout, stderr } = await run(['data', 'bj.ai.cor']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('data/series.csv  error  series must name a series of data/series.csv, got "bj.ai.cor" (did you mean "bj.ai.core"?)\n\n1 problem found\n');
  });

  it('rejects a bad --as-of date with exit code 2', async () => {
    const { code, stderr } = await run(['data', '--as-of', '2024/01']);
    expect(code).toBe(2);
    expect(stderr).toContain('--as-of must be a date YYYY-MM-DD or YYYY-MM, got "2024/01"');
  });

  it('reads --data against the working directory and reports its problems with file:line', async () => {
    const cwd = freshDir();
    mkdirSync(join(cwd, 'facts'));
    const valid = join(projectRoot, 'test', 'fixtures', 'data', 'valid');
    for (const f of ['sources.csv', 'series.csv', 'targets.yaml']) writeFileSync(join(cwd, 'facts', f), readFileSync(join(valid, f)));
    writeFileSync(join(cwd, 'facts', 'observations.csv'), readFileSync(join(valid, 'observations.csv'), 'utf8').replace(',亿元,17.7,', ',亿圆,17.7,'));
    const { code, stderr } = await run(['data', '--data', 'facts'], cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^facts\/observations\.csv:2 {2}error {2}unit must be one of: .*, got "亿圆" \(did you mean "亿元"\?\)\n/);
    const fixed = await run(['data', '--data', 'facts'], join(projectRoot, 'test', 'fixtures', 'data'));
    expect(fixed.code).toBe(2); // no facts/ folder there: every file is missing
    expect(fixed.stderr).toContain('facts/sources.csv  error  file must exist and be readable');
  });
});

describe('forecast targets', () => {
  it('lists every target with its bound, its latest full year and the growth it needs', async () => {
    // As of July 2024 (the earlier vintage and its one later figure): the 2023–2025 plan's window is open.
    const { code, stdout, stderr } = await run(['targets', '--as-of', '2024-07-31']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^target\s+region\s+kind\s+year\s+bound\s+series\s+latest FY\s+needs\s+on record$/m);
    expect(stdout).toMatch(/^bj-ai-core-2025\s+Beijing\s+level\s+2025\s+≥ 3000 亿元\s+bj\.ai\.core\s+2023: ≥2500\s+≤ 9\.5%\/yr over 2 yr\s+open$/m);
    expect(stdout).toMatch(/^bj-infosoft-revenue-2027\s+Beijing\s+level\s+2027\s+≥ 4\.8 万亿元\s+bj\.infosoft\.revenue\s+2023: ≈30000\s+≈ 12\.5%\/yr over 4 yr\s+open$/m);
    // 6 new AI unicorns in 2023 already meet "5-10家": achieved on record, the same word as targets.csv.
    expect(stdout).toMatch(/^bj-ai-unicorns-2025\s+.*≥ 5 count \(aspiration 10\)\s+.*— \(achieved on record\)\s+achieved$/m);
    expect(stdout).toMatch(/^bj-swinfo-revenue-2020\s+.*achieved$/m);
    expect(stdout).toContain('  bj-swinfo-revenue-2020: achieved — reached in 2018, 2 years early: 2018: ≥ 10000 (ref-chinanews-20220617)');
    expect(stdout).toMatch(/^  bj-swinfo-growth-2016-2020: unknown — 2017, 2018, 2019, 2020 not settled by the record/m);
    // an inclusive floor ("以上") reads ≥, an exclusive one ("above 10%") reads >
    expect(stdout).toMatch(/^bj-ai-core-growth-2023-2025\s+.*≥ 10\.0%\/yr\s+.*≥ 10\.0%\/yr, growth every year 2023–2025\s+open$/m);
    expect(stdout).toMatch(/^bj-swinfo-growth-2016-2020\s+.*> 10\.0%\/yr\s+.*> 10\.0%\/yr, growth every year 2016–2020\s+unknown$/m);
    // each target's reading in words, from its kind
    expect(stdout).toContain('  bj-ai-unicorns-2025: the sum over 2023–2025 at least 5 (aspiration 10: exceeding it is not a miss)');
    for (const id of ['bj-ai-radiating-2025', 'bj-ai-scholars-2025', 'js-robot-chain-2025', 'js-robot-core-2025', 'js-robot-density-2025', 'js-robot-unicorns-2025', 'jl-clusters-share-2030', 'bj-swinfo-growth-2016-2020', 'bj-infosoft-va-share-2020']) {
      expect(stdout).toMatch(new RegExp(`^${id}\\s`, 'm'));
    }
  });

  it('measures every target from the latest vintage (March 2026): achieved on record, and what 2027 asks', async () => {
    const { code, stdout } = await run(['targets']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^bj-ai-core-2025\s+Beijing\s+level\s+2025\s+≥ 3000 亿元\s+bj\.ai\.core\s+2024: ≈3500\s+— \(achieved on record\)\s+achieved$/m);
    expect(stdout).toMatch(/^bj-infosoft-revenue-2027\s+.*2025: ≥37000\s+≤ 13\.9%\/yr over 2 yr\s+open$/m);
    // measured from the newest figure of the level (2025's estimate ≈ 4500, marked): it never decides a record verdict
    expect(stdout).toMatch(/^bj-ai-core-2027\s+.*> 1 万亿元\s+bj\.ai\.core\s+2025 \(estimate\): ≈4500\s+≈ 49\.1%\/yr over 2 yr\s+open$/m);
    expect(stdout).toMatch(/^bj-digital-growth-2025\s+.*achieved$/m);
  });

  it('says which targets pull against each other: 10% a year asks more than 3000亿元 by 2025', async () => {
    const { stdout } = await run(['targets', '--as-of', '2024-07-31']);
    expect(stdout).toContain('Targets that pull against each other:');
    expect(stdout).toContain(
      'bj-ai-core-2025 needs at most 9.5% a year on Beijing/aiCoreIndustry; bj-ai-core-growth-2023-2025 asks more (10.0% a year gives 3025): bj-ai-core-2025 follows if bj-ai-core-growth-2023-2025 is met',
    );
    // 5-10 unicorns: 10 is an aspiration, which the pace on record may exceed without missing anything.
    expect(stdout).not.toContain('bj-ai-unicorns-2025: at the latest yearly pace');
  });

  it('flags the step the AI targets ask on the shipped data (4500 estimate → > 5500 in 2026 → > 1万亿 in 2027), and pairs no closed window with an open one', async () => {
    const { code, stdout } = await run(['targets']);
    expect(code).toBe(0);
    const tensions = stdout.slice(stdout.indexOf('Targets that pull against each other:'));
    // (5500 / 4500) − 1 = 22.2%; (10000 / 5500) − 1 = 81.8%; (10000 / 4500)^(1/2) − 1 = 49.1%
    expect(tensions).toContain('from ≈ 4500 in 2025 (an estimate: no outturn yet) on bj.ai.core, bj-ai-industry-2026 (5500 in 2026) asks 22.2% a year: (5500 / 4500)^(1/1) − 1');
    expect(tensions).toContain('then bj-ai-core-2027 (10000 in 2027) asks 81.8% a year: (10000 / 5500)^(1/1) − 1 — a step up of 59.6 percentage points a year');
    expect(tensions).toContain('on average 49.1% a year from 2025 to 2027: (10000 / 4500)^(1/2) − 1');
    // The 2023–2025 growth floor's window has closed: it pulls against no open target.
    expect(tensions).not.toMatch(/bj-ai-core-growth-2023-2025.*bj-ai-core-2027|bj-ai-core-2027.*bj-ai-core-growth-2023-2025/);
  });

  it('shows only the targets public by --as-of', async () => {
    const { code, stdout } = await run(['targets', '--as-of', '2023-12']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^bj-ai-core-2025\s.*no full-year level on record\s+open$/m);
    expect(stdout).not.toContain('bj-infosoft-revenue-2027');
  });
});
