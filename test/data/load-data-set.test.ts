import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { InputError } from '../../src/errors/input-error.js';
import type { Problem } from '../../src/errors/problem.js';
import { freshDir, projectRoot } from '../helpers/project.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';

const valid = join(projectRoot, 'test', 'fixtures', 'data', 'valid');
const files = ['sources.csv', 'series.csv', 'observations.csv', 'targets.yaml'] as const;
type DataFile = (typeof files)[number];

/** A data folder: the valid fixture with some files replaced. */
function fixtureWith(overrides: Partial<Record<DataFile, string>>): string {
  const dir = freshDir('data-fixture-');
  for (const file of files) {
    const text = overrides[file];
    if (text === undefined) copyFileSync(join(valid, file), join(dir, file));
    else writeFileSync(join(dir, file), text);
  }
  return dir;
}

function problemsOf(dir: string): readonly Problem[] {
  try {
    loadDataSet(dir, targetKindRegistry, 'fixture');
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

const header = 'series,region,period,year,value,unit,yoyPercent,qualifier,status,derivation,kind,confidence,source,published,quote,note';
const good = {
  series: 'bj.x', region: 'Beijing', period: 'FY', year: '2022', value: '2.6', unit: '万亿元', yoyPercent: '', qualifier: 'exact',
  status: 'reported', derivation: '', kind: 'observed', confidence: 'medium', source: 'seed-000', published: '2024-01', quote: '某段原文', note: '',
};
/** One CSV line from the good row with some fields changed (fields with "," are quoted). */
function row(changes: Partial<typeof good> = {}): string {
  return Object.values({ ...good, ...changes }).map((v) => (v.includes(',') ? `"${v}"` : v)).join(',');
}
/** observations.csv with the fixture's three rows (lines 2–4) plus `extra` lines from line 5. */
function observations(...extra: string[]): string {
  const base = readFileSync(join(valid, 'observations.csv'), 'utf8').trimEnd();
  return [base, ...extra].join('\n') + '\n';
}
/** The one problem reported, which must be at `file:line`. */
function onlyProblem(dir: string): Problem {
  const problems = problemsOf(dir);
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('loadDataSet(dir) on valid input', () => {
  it('reads the four files, converting values to the series unit (3万亿元 → 30000亿元) and yoyPercent to a fraction', () => {
    const data = loadDataSet(valid, targetKindRegistry, 'fixture');
    expect(data.sources.map((s) => s.id)).toEqual(['seed-000', 'seed-001']);
    expect(data.series.map((s) => s.id)).toEqual(['bj.x', 'bj.n']);
    expect(data.observations).toHaveLength(3);
    expect(data.observations[0]).toMatchObject({ series: 'bj.x', value: 21201, yoy: 0.177, unit: '亿元', file: 'fixture/observations.csv', line: 2 });
    expect(data.observations[1]).toMatchObject({ value: 30000, unit: '亿元', qualifier: 'approx', line: 3 });
    expect(data.targets.map((t) => t.id)).toEqual(['bj-x-2027', 'bj-x-growth', 'bj-n-2025']);
  });

  it('turns target bounds into lower/upper: atLeast → inclusive lower, "10%" → 0.1, a plan range → commitment and aspiration', () => {
    const [level, growth, cumulative] = loadDataSet(valid, targetKindRegistry, 'fixture').targets;
    expect(level).toMatchObject({ lower: { value: 4.8, inclusive: true }, unit: '万亿元', file: 'fixture/targets.yaml', line: 1 });
    expect(level.upper).toBeUndefined();
    expect(growth).toMatchObject({ kind: 'growthEachYear', fromYear: 2024, lower: { value: 0.1, inclusive: true }, unit: 'rate' });
    expect(cumulative).toMatchObject({ baseYear: 2022, lower: { value: 5, inclusive: true }, aspiration: 10 });
    expect(cumulative.upper).toBeUndefined();
    expect(level).toMatchObject({ writtenUnit: '万亿元', reading: '达到 (reach) is read as at least 4.8万亿元 in 2027.' });
  });

  it('reads above as an exclusive lower bound, and approx as met from x(1 − tolerance) with no ceiling', () => {
    const dir = fixtureWith({
      'targets.yaml': `- id: a\n  label: { zh: 超过, en: above }\n  region: Beijing\n  kind: level\n  year: 2025\n  above: 1\n  unit: 万亿元\n  source: seed-001\n  quote: 超过\n  reading: r\n` +
        `- id: b\n  label: { zh: 左右, en: about }\n  region: Jiangsu\n  kind: level\n  year: 2025\n  approx: 2000\n  tolerance: "10%"\n  unit: 亿元\n  source: seed-001\n  quote: 左右\n  reading: r\n` +
        `- id: c\n  label: { zh: 不超过, en: at most }\n  region: Beijing\n  kind: share\n  year: 2025\n  atLeast: 5\n  atMost: 8\n  unit: percent\n  source: seed-001\n  quote: 不超过\n  reading: r\n  proxy: broader\n  variable: v\n`,
    });
    const [above, approx, band] = loadDataSet(dir, targetKindRegistry, 'fixture').targets;
    expect(above.lower).toEqual({ value: 1, inclusive: false });
    expect(approx).toMatchObject({ approx: { value: 2000, tolerance: 0.1 }, lower: { value: 1800, inclusive: true } });
    expect(approx.upper).toBeUndefined();
    expect(band).toMatchObject({ lower: { value: 5, inclusive: true }, upper: { value: 8, inclusive: true }, proxy: 'broader' });
  });

  it('returns frozen records', () => {
    const data = loadDataSet(valid, targetKindRegistry, 'fixture');
    expect(Object.isFrozen(data.observations)).toBe(true);
    expect(Object.isFrozen(data.observations[0])).toBe(true);
    expect(Object.isFrozen(data.targets[0].lower)).toBe(true);
  });
});

describe('loadDataSet(dir) rejects bad observations with file:line, field, rule and value', () => {
  it('an unknown unit, with a did-you-mean', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ unit: '亿圆' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'unit', hint: 'did you mean "亿元"?' });
    expect(p.message).toBe('unit must be one of: 亿元, 万亿元, 万元, 亿美元, 万亿美元, count, 万, persons, 万人, percent, per10kWorkers, per10kPersons, rate, got "亿圆"');
  });

  it('a value that is not a number, with a hint about the "," decimal separator', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ value: '12,3', unit: '亿元' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'value' });
    expect(p.message).toBe('value must be a number (use "." as the decimal separator), got "12,3"');
  });

  it('a yoyPercent that is not a number', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ yoyPercent: '17.7%' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'yoyPercent', message: 'yoyPercent must be a number, got "17.7%"' });
  });

  it('a missing source', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ source: '' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'source', message: 'source is required, got nothing' });
  });

  it('a missing quote', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ quote: '' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'quote', message: 'quote is required, got nothing' });
  });

  it('a duplicate observation: same series, period, year, kind, source and published date', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ period: 'M1-M10', year: '2023', value: '21000', unit: '亿元' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'row' });
    expect(p.message).toBe('series, period, year, kind, source and published must be unique for each figure, got "bj.x M1-M10 2023 observed seed-000 2024-01" again with a value (first on line 2)');
  });

  it('accepts one figure published on the same day by two sources (a second copy is corroboration, not a duplicate)', () => {
    const data = loadDataSet(fixtureWith({ 'observations.csv': observations(row({ period: 'M1-M10', year: '2023', value: '21201', unit: '亿元', source: 'seed-001' })) }), targetKindRegistry, 'fixture');
    expect(data.observations.filter((o) => o.period === 'M1-M10').map((o) => o.source)).toEqual(['seed-000', 'seed-001']);
  });

  it('reads the confidence grade and the estimate kind; an unknown grade is an error with a did-you-mean', () => {
    const data = loadDataSet(fixtureWith({ 'observations.csv': observations(row({ year: '2024', kind: 'estimate', confidence: 'medium-high', qualifier: 'approx' })) }), targetKindRegistry, 'fixture');
    expect(data.observations[3]).toMatchObject({ kind: 'estimate', confidence: 'medium-high', qualifier: 'approx', value: 26000 });
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ confidence: 'medium high' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'confidence', hint: 'did you mean "medium-high"?' });
    expect(p.message).toBe('confidence must be one of: high, medium-high, medium, medium-low, low-medium, low, got "medium high"');
  });

  it('a duplicate growth: a growth-only row for a period whose row already gives a yoyPercent', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ period: 'M1-M10', year: '2023', value: '', unit: '', yoyPercent: '17', qualifier: 'approx' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'row' });
    expect(p.message).toBe('series, period, year, kind, source and published must be unique for each figure, got "bj.x M1-M10 2023 observed seed-000 2024-01" again with a yoyPercent (first on line 2)');
  });

  it('accepts a level-only and a growth-only row for one period, each with its own qualifier (约16% beside an exact level)', () => {
    const data = loadDataSet(fixtureWith({ 'observations.csv': observations(
      row({ period: 'Q1-Q3', year: '2023', value: '12759', unit: '亿元' }),
      row({ period: 'Q1-Q3', year: '2023', value: '', unit: '', yoyPercent: '16', qualifier: 'approx' }),
    ) }), targetKindRegistry, 'fixture');
    const rows = data.observations.filter((o) => o.period === 'Q1-Q3');
    expect(rows.map((o) => [o.value, o.yoy, o.qualifier, o.line])).toEqual([[12759, undefined, 'exact', 5], [undefined, 0.16, 'approx', 6]]);
  });

  it('accepts the same figure in a later vintage (a different published date)', () => {
    const data = loadDataSet(fixtureWith({ 'observations.csv': observations(row({ period: 'M1-M10', year: '2023', value: '21201', unit: '亿元', published: '2024-03' })) }), targetKindRegistry, 'fixture');
    expect(data.observations).toHaveLength(4);
  });

  it('an unknown source id, with a did-you-mean', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ source: 'seed-009' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'source', hint: 'did you mean "seed-000"?' });
    expect(p.message).toBe('source must name a known source (data/sources.csv), got "seed-009"');
  });

  it('an unknown qualifier, with a did-you-mean', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ qualifier: 'atleast' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'qualifier', hint: 'did you mean "atLeast"?' });
    expect(p.message).toBe('qualifier must be one of: exact, approx, atLeast, atMost, got "atleast"');
  });

  it('a derived row without its arithmetic', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ status: 'derived' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'derivation', message: 'derivation is required when status is derived, got nothing' });
  });

  it('an unknown series id (not in series.csv), with a did-you-mean', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ series: 'bj.y' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'series', hint: 'did you mean "bj.x"?' });
    expect(p.message).toBe('series must name a known series (data/series.csv), got "bj.y"');
  });

  it('a unit that does not convert to the series unit', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ unit: 'count' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'unit' });
    expect(p.message).toBe('unit must be convertible to "亿元" (the unit of series bj.x), got "count"');
  });

  it('a row with neither a value nor a growth', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ value: '', unit: '' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'value', message: 'row must give a value or a yoyPercent, got neither' });
  });

  it('a period the engine does not know, and a stock date whose year disagrees', () => {
    const problems = problemsOf(fixtureWith({ 'observations.csv': observations(row({ period: 'M1–M10' }), row({ period: '2022-10', year: '2023' })) }));
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [5, 'period', 'period must be FY, Q1…Q4, H1, H2, Qa-Qb, Ma-Mb, YTD:MM-DD or a stock date YYYY-MM[-DD], got "M1–M10"'],
      [6, 'year', 'year must match the year of its stock-date period (2022), got "2023"'],
    ]);
  });

  it('a publication date that is not YYYY-MM-DD or YYYY-MM', () => {
    const p = onlyProblem(fixtureWith({ 'observations.csv': observations(row({ published: '2024/01' })) }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 5, field: 'published', message: 'published must be a date YYYY-MM-DD or YYYY-MM, got "2024/01"' });
  });

  it('reports every problem of every row at once, in line order', () => {
    const problems = problemsOf(fixtureWith({ 'observations.csv': observations(row({ unit: '亿圆', source: '' }), row({ year: '2021', value: 'abc', quote: '' })) }));
    expect(problems.map((p) => `${p.line}:${p.field}`)).toEqual(['5:unit', '5:source', '6:value', '6:quote']);
    // rendered as file:line  error  message
    expect(new InputError(problems).message.split('\n')[0]).toBe(
      'fixture/observations.csv:5  error  unit must be one of: 亿元, 万亿元, 万元, 亿美元, 万亿美元, count, 万, persons, 万人, percent, per10kWorkers, per10kPersons, rate, got "亿圆" (did you mean "亿元"?)',
    );
  });

  it('a missing column names the column at line 1', () => {
    const withoutNote = readFileSync(join(valid, 'observations.csv'), 'utf8').replace(',quote,note', ',quote').replace(/,$/gm, '');
    const p = onlyProblem(fixtureWith({ 'observations.csv': withoutNote }));
    expect(p).toMatchObject({ file: 'fixture/observations.csv', line: 1, field: 'header' });
    expect(p.message).toBe(`header must include the column "note", got ${header.replace(',note', '')}`);
  });
});

describe('loadDataSet(dir) reads series breaks', () => {
  it('gives each observation the basis its year is on, from the series\' breaks', () => {
    const series = readFileSync(join(valid, 'series.csv'), 'utf8').replace('Beijing information software revenue,,', 'Beijing information software revenue,,"2022: new scope; reason two | 2024: census revision"');
    const data = loadDataSet(fixtureWith({ 'series.csv': series, 'observations.csv': observations(row({ year: '2021' }), row({ year: '2024' })) }), targetKindRegistry, 'fixture');
    expect(data.series[0].breaks).toEqual([{ year: 2022, reason: 'new scope; reason two' }, { year: 2024, reason: 'census revision' }]);
    expect(data.observations.filter((o) => o.series === 'bj.x').map((o) => [o.year, o.basis])).toEqual([[2023, 2022], [2023, 2022], [2021, undefined], [2024, 2024]]);
  });

  it('applies a break dated "from" only to figures published on or after that date (a revision keeps the preliminary figure on the old basis)', () => {
    const series = readFileSync(join(valid, 'series.csv'), 'utf8').replace('Beijing information software revenue,,', 'Beijing information software revenue,,"2023 from 2024-03: census revision"');
    const data = loadDataSet(fixtureWith({ 'series.csv': series, 'observations.csv': observations(row({ year: '2023', published: '2024-03-05' })) }), targetKindRegistry, 'fixture');
    expect(data.series[0].breaks).toEqual([{ year: 2023, publishedFrom: '2024-03', reason: 'census revision' }]);
    // the fixture's 2023 rows were published 2024-01: old basis; the row published 2024-03-05: new basis
    expect(data.observations.filter((o) => o.series === 'bj.x').map((o) => [o.published, o.basis])).toEqual([['2024-01', undefined], ['2024-01', undefined], ['2024-03-05', 2023]]);
  });

  it('refuses a break that is not "YYYY: reason", or years out of order', () => {
    const withBreaks = (cell: string) => readFileSync(join(valid, 'series.csv'), 'utf8').replace('Beijing information software revenue,,', `Beijing information software revenue,,"${cell}"`);
    // (the series is then unknown to its observations too: those problems follow)
    const seriesProblem = (cell: string) => problemsOf(fixtureWith({ 'series.csv': withBreaks(cell) })).filter((p) => p.file === 'fixture/series.csv');
    expect(seriesProblem('2023')).toEqual([
      { file: 'fixture/series.csv', line: 2, field: 'breaks', message: 'breaks must be "YYYY: reason" or "YYYY from YYYY-MM-DD: reason" items separated by "|", got "2023"', hint: undefined },
    ]);
    expect(seriesProblem('2024: b | 2023: a').map((p) => p.message)).toEqual(['breaks must give each year once, in ascending order, got "2024: b | 2023: a"']);
  });
});

describe('loadDataSet(dir) rejects bad series and sources', () => {
  it('a series with an unknown unit', () => {
    const series = readFileSync(join(valid, 'series.csv'), 'utf8') + 'bj.z,Beijing,s,counts,中,en,,\n';
    const p = onlyProblem(fixtureWith({ 'series.csv': series }));
    expect(p).toMatchObject({ file: 'fixture/series.csv', line: 4, field: 'unit', hint: 'did you mean "count"?' });
  });

  it('a duplicate source id and a bad source date', () => {
    const sources = readFileSync(join(valid, 'sources.csv'), 'utf8') + 'seed-000,T,P,2024-13,x.txt\n';
    const problems = problemsOf(fixtureWith({ 'sources.csv': sources }));
    expect(problems.map((p) => [p.file, p.line, p.field, p.message])).toEqual([
      ['fixture/sources.csv', 4, 'date', 'date must be a date YYYY-MM-DD or YYYY-MM, got "2024-13"'],
      ['fixture/sources.csv', 4, 'id', 'id must be unique, got "seed-000" again (first on line 2)'],
    ]);
  });

  it('a missing file', () => {
    const dir = fixtureWith({});
    rmSync(join(dir, 'series.csv'));
    const problems = problemsOf(dir);
    expect(problems.find((p) => p.file === 'fixture/series.csv')).toMatchObject({ message: 'file must exist and be readable, got "fixture/series.csv"' });
    expect(problems.find((p) => p.file === 'fixture/series.csv')?.line).toBeUndefined();
  });
});

/** targets.yaml with one target whose lines are `lines` (after "- id: t"). */
function oneTarget(...lines: string[]): string {
  return ['- id: t', '  label: { zh: 目标, en: target }', '  region: Beijing', ...lines, '  source: seed-001', '  quote: 原文', '  reading: 读法', ''].join('\n');
}

describe('loadDataSet(dir) rejects bad targets with file:line:col', () => {
  it('an unknown target kind, with a did-you-mean', () => {
    const p = onlyProblem(fixtureWith({ 'targets.yaml': oneTarget('  kind: levle', '  year: 2025', '  atLeast: 1', '  unit: 亿元') }));
    expect(p).toMatchObject({ file: 'fixture/targets.yaml', line: 4, col: 9, field: '[0].kind', hint: 'did you mean "level"?' });
    expect(p.message).toBe('[0].kind must be one of: level, growthEachYear, cagr, cumulative, share, got "levle"');
    expect(p.frame).toContain('   4 |   kind: levle');
  });

  it('a target with no bound', () => {
    const p = onlyProblem(fixtureWith({ 'targets.yaml': oneTarget('  kind: level', '  year: 2025', '  unit: 亿元') }));
    expect(p).toMatchObject({ file: 'fixture/targets.yaml', line: 1, col: 3, field: '[0]' });
    expect(p.message).toBe('[0] must give a bound (atLeast, above, atMost, below or approx), got none');
  });

  it('an unknown target key, with a did-you-mean, pointing at the key', () => {
    const problems = problemsOf(fixtureWith({ 'targets.yaml': oneTarget('  kind: level', '  year: 2025', '  atleast: 3000', '  unit: 亿元') }));
    expect(problems.map((p) => [p.line, p.col, p.message, p.hint])).toEqual([
      [1, 3, '[0] must give a bound (atLeast, above, atMost, below or approx), got none', undefined],
      [6, 3, '[0] has an unknown key, got "atleast"', 'did you mean "atLeast"?'],
    ]);
  });

  it('two lower bounds at once', () => {
    const p = onlyProblem(fixtureWith({ 'targets.yaml': oneTarget('  kind: level', '  year: 2025', '  atLeast: 1', '  above: 2', '  unit: 亿元') }));
    expect(p).toMatchObject({ line: 7, col: 3 });
    expect(p.message).toBe('[0] must give at most one commitment (atLeast, above) and one ceiling (atMost, below), or approx alone, got atLeast, above');
  });

  it('a growth bound written as a whole percent instead of a fraction or "10%"', () => {
    const p = onlyProblem(fixtureWith({ 'targets.yaml': oneTarget('  kind: growthEachYear', '  fromYear: 2023', '  year: 2025', '  atLeast: 10', '  unit: rate') }));
    expect(p).toMatchObject({ line: 7, col: 12, message: '[0].atLeast must be a fraction per year such as 0.1 or a percent such as "10%", got 10' });
  });

  it('a growth target without its first year, and in a level unit', () => {
    const problems = problemsOf(fixtureWith({ 'targets.yaml': oneTarget('  kind: cagr', '  year: 2025', '  atLeast: 0.1', '  unit: 亿元') }));
    expect(problems.map((p) => p.message)).toEqual([
      '[0].fromYear is required, got nothing',
      '[0].unit must be rate for a cagr target, got "亿元"',
    ]);
  });

  it('the removed keys between and outcome, each with the way to write it now', () => {
    const problems = problemsOf(fixtureWith({ 'targets.yaml': oneTarget('  kind: cumulative', '  baseYear: 2022', '  year: 2025', '  between: [5, 10]', '  unit: count', '  outcome: { text: met }') }));
    expect(problems.map((p) => [p.line, p.col, p.message])).toEqual([
      [7, 3, '[0].between is no longer a target key: a plan range such as "5-10家" is atLeast: 5 with aspiration: 10 (exceeding 10 is not a miss); a band the text states at both ends is atLeast + atMost'],
      [9, 3, '[0].outcome is no longer a target key: the outcome is judged from data/observations.csv; add the figure that decides it there, with its source and quote'],
    ]);
  });

  it('an aspiration without a commitment or below it, approx without its tolerance, a missing reading, a key of another kind', () => {
    const problems = problemsOf(fixtureWith({
      'targets.yaml':
        oneTarget('  kind: level', '  year: 2025', '  atMost: 5', '  aspiration: 10', '  unit: count') +
        oneTarget('  kind: level', '  year: 2025', '  atLeast: 5', '  aspiration: 4', '  unit: count').replace('- id: t', '- id: u') +
        oneTarget('  kind: level', '  year: 2025', '  approx: 5', '  unit: count').replace('- id: t', '- id: v') +
        oneTarget('  kind: level', '  fromYear: 2023', '  year: 2025', '  atLeast: 5', '  unit: count').replace('- id: t', '- id: w').replace('  reading: 读法\n', ''),
    }));
    expect(problems.map((p) => p.message)).toEqual([
      '[0].aspiration must come with a commitment (atLeast or above) and without a ceiling (atMost, below)',
      '[1].aspiration must be above the commitment (5), got 4',
      '[2].tolerance is required with approx (the relative tolerance the reading states, e.g. 0.05 or "5%"), got nothing',
      '[3].reading is required, got nothing',
      '[3].fromYear must not be given for a level target (another kind reads it)',
    ]);
  });

  it('an unknown series and source, and a unit that does not convert to the series unit', () => {
    const text = oneTarget('  series: bj.x', '  kind: level', '  year: 2025', '  atLeast: 1', '  unit: count').replace('seed-001', 'seed-01');
    const problems = problemsOf(fixtureWith({ 'targets.yaml': text + oneTarget('  series: bj.q', '  kind: level', '  year: 2025', '  atLeast: 1', '  unit: 亿元').replace('- id: t', '- id: u') }));
    expect(problems.map((p) => [p.line, p.message, p.hint])).toEqual([
      [8, '[0].unit must be convertible to "亿元" (the unit of series bj.x), got "count"', undefined],
      [9, '[0].source must name a known source (data/sources.csv), got "seed-01"', 'did you mean "seed-001"?'],
      [15, '[1].series must name a known series (data/series.csv), got "bj.q"', 'did you mean "bj.x"?'],
    ]);
  });

  it('a duplicate target id', () => {
    const p = onlyProblem(fixtureWith({ 'targets.yaml': oneTarget('  kind: level', '  year: 2025', '  atLeast: 1', '  unit: 亿元').repeat(2) }));
    expect(p).toMatchObject({ line: 11, col: 7, message: '[1].id must be unique, got "t" again (first on line 1)' });
  });

  it('a YAML syntax error, with line and column', () => {
    const p = onlyProblem(fixtureWith({ 'targets.yaml': '- id: t\n  label: { zh: a, en: b\n' }));
    expect(p.file).toBe('fixture/targets.yaml');
    expect(p.message).toMatch(/^file must be valid YAML: /);
  });

  it('collects problems from all four files in one error', () => {
    const problems = problemsOf(fixtureWith({
      'observations.csv': observations(row({ qualifier: 'about' })),
      'targets.yaml': oneTarget('  kind: levle', '  year: 2025', '  atLeast: 1', '  unit: 亿元'),
      'sources.csv': readFileSync(join(valid, 'sources.csv'), 'utf8') + 'seed-002,,P,2017-12-20,x.txt\n',
    }));
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['fixture/observations.csv:5', 'fixture/sources.csv:4', 'fixture/targets.yaml:4']);
  });
});

describe('loadDataSet names files relative to the working directory by default', () => {
  it('uses a relative path for a folder inside the project', () => {
    const dir = join(projectRoot, 'test', 'fixtures', 'data', 'valid');
    const data = loadDataSet(dir, targetKindRegistry);
    expect(data.observations[0].file).toBe(join('test', 'fixtures', 'data', 'valid', 'observations.csv'));
  });
});
