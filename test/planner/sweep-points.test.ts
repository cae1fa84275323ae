// A sweep's points: the grid of --vary, or the rows of a design file, with where each value was written.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { commandLineFile } from '../../src/errors/problem.js';
import { defaultLimits, useLimits } from '../../src/io/limits.js';
import { locatedAt, pointsFromDesign, pointsFromVaries, relocated } from '../../src/planner/sweep-points.js';
import { commandLineError } from '../../src/planner/command-line-error.js';

/** The problems of the InputError `step` throws (fails the test when it throws none, or another error). */
function problemsOf(step: () => unknown) {
  try {
    step();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems;
  }
  throw new Error('expected an InputError');
}

describe('pointsFromVaries', () => {
  it('is every combination, the last --vary changing fastest, located on the command line', () => {
    const points = pointsFromVaries([
      { path: 'a.b', values: [1, 2] },
      { path: 'c.d', values: [0.1, 0.2, 0.3], percent: true },
    ]);
    expect(points.paths).toEqual(['a.b', 'c.d']);
    expect(points.rows).toEqual([[1, 0.1], [1, 0.2], [1, 0.3], [2, 0.1], [2, 0.2], [2, 0.3]]);
    expect([points.percent(4, 0), points.percent(4, 1)]).toEqual([false, true]);
    expect(points.locate(1, 3)).toEqual({ file: commandLineFile });
    expect(points.shown(1)).toBe('--vary c.d');
  });

  it('refuses a repeated path, and a grid over the variants limit before building it', () => {
    expect(problemsOf(() => pointsFromVaries([{ path: 'a.b', values: [1] }, { path: 'a.b', values: [2] }]))[0].message).toBe('--vary paths must be distinct, got "a.b" twice');
    const tenThousand = Array.from({ length: 10_000 }, (_, i) => i);
    // 10⁸ variants: refused from the counts (building them would take minutes and gigabytes).
    const [problem] = problemsOf(() => pointsFromVaries([{ path: 'a.b', values: tenThousand }, { path: 'c.d', values: tenThousand }]));
    expect(problem.message).toBe('--vary must give at most 10000 variants in all, got 100000000');
    expect(problem.hint).toContain('FORECAST_LIMIT_SWEEP_VARIANTS');
  });
});

describe('pointsFromDesign', () => {
  const header = 'assumptions.aiCoreIndustry.growth.mean,newAiUnicorns.mean';

  it('reads one variant a row, in file order, numbers and percents, past comments, blank lines, a BOM and CRLF', () => {
    const points = pointsFromDesign('d.csv', `\uFEFF# a Latin hypercube\r\n${header}\r\n12%,6\r\n\r\n# a comment\r\n0.15, 1e1\r\n-2.5%,.5\r\n`);
    expect(points.paths).toEqual(['assumptions.aiCoreIndustry.growth.mean', 'newAiUnicorns.mean']);
    expect(points.rows).toEqual([[0.12, 6], [0.15, 10], [-0.025, 0.5]]);
    expect([points.percent(0, 0), points.percent(1, 0), points.percent(2, 0), points.percent(0, 1)]).toEqual([true, false, true, false]);
    expect(points.locate(0)).toEqual({ file: 'd.csv', line: 2, field: 'assumptions.aiCoreIndustry.growth.mean' });
    expect(points.locate(1, 1)).toEqual({ file: 'd.csv', line: 6, field: 'newAiUnicorns.mean' });
    expect(points.shown(1)).toBe('newAiUnicorns.mean');
  });

  it('refuses every cell that is not a finite number, each at its line and column', () => {
    const problems = problemsOf(() => pointsFromDesign('d.csv', `${header}\n12%,abc\n,4\n1e999,NaN\n0x10,Infinity\n`));
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'newAiUnicorns.mean', 'newAiUnicorns.mean must be a number or a percent such as "12%", got "abc"'],
      [3, 'assumptions.aiCoreIndustry.growth.mean', 'assumptions.aiCoreIndustry.growth.mean must be a number or a percent such as "12%", got ""'],
      [4, 'assumptions.aiCoreIndustry.growth.mean', 'assumptions.aiCoreIndustry.growth.mean must be a number or a percent such as "12%", got "1e999"'],
      [4, 'newAiUnicorns.mean', 'newAiUnicorns.mean must be a number or a percent such as "12%", got "NaN"'],
      [5, 'assumptions.aiCoreIndustry.growth.mean', 'assumptions.aiCoreIndustry.growth.mean must be a number or a percent such as "12%", got "0x10"'],
      [5, 'newAiUnicorns.mean', 'newAiUnicorns.mean must be a number or a percent such as "12%", got "Infinity"'],
    ]);
  });

  it('refuses a header that is not assumption paths, or names one twice, at the header line', () => {
    const problems = problemsOf(() => pointsFromDesign('d.csv', '# paths\nvariant,"=HYPERLINK(""x"")",a.b,a.b\n1,2,3,4\n'));
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [2, 'variant', 'column must be an assumption path assumptions.<variable>.<parameter> or assumptions.<variable>.<parameter>.<field>, or a driver\'s drivers.<name>.persistence, drivers.<name>.factor.<field> or drivers.<name>.loadings.<variable>.growth|rate, got "variant"'],
      [2, '=HYPERLINK("x")', 'column must be an assumption path assumptions.<variable>.<parameter> or assumptions.<variable>.<parameter>.<field>, or a driver\'s drivers.<name>.persistence, drivers.<name>.factor.<field> or drivers.<name>.loadings.<variable>.growth|rate, got "=HYPERLINK(\\"x\\")"'],
      [2, 'a.b', 'columns must be distinct paths, got "a.b" twice'],
    ]);
  });

  it('refuses an empty design, a header alone and malformed CSV, located', () => {
    expect(problemsOf(() => pointsFromDesign('d.csv', '# nothing\n\n'))[0].message).toBe('design must hold a header of assumption paths and at least one row of values, got nothing');
    expect(problemsOf(() => pointsFromDesign('d.csv', `${header}\n`))[0].message).toBe('design must hold a header of assumption paths and at least one row of values, got a header only');
    const [ragged] = problemsOf(() => pointsFromDesign('d.csv', `${header}\n0.1,2\n0.1,2,3\n`));
    expect([ragged.file, ragged.line]).toEqual(['d.csv', 3]);
    expect(ragged.message).toMatch(/^file must be valid CSV/);
  });

  it('counts its rows against the variants limit before parsing them (comments and blank lines not counted)', () => {
    const previous = useLimits({ ...defaultLimits, sweepVariants: 3 });
    try {
      expect(pointsFromDesign('d.csv', `# c\n${header}\n1,2\n\n# c\n3,4\n5,6\n`).rows).toHaveLength(3);
      // Four rows, the last one malformed: the limit is what is reported (the file is not parsed).
      const [problem] = problemsOf(() => pointsFromDesign('d.csv', `${header}\n1,2\n3,4\n5,6\n7,"8\n`));
      expect(problem).toMatchObject({ file: 'd.csv', message: 'design must hold at most 3 variants, got 4 lines of values' });
      expect(problem.hint).toContain('FORECAST_LIMIT_SWEEP_VARIANTS');
    } finally {
      useLimits(previous);
    }
  });
});

describe('locatedAt and relocated', () => {
  it('moves command-line problems to a design file\'s line and column, and leaves others', () => {
    const where = { file: 'd.csv', line: 4, field: 'a.b' };
    const [moved] = problemsOf(() => locatedAt(where, () => { throw commandLineError('a.b must lie in [0, 5], got "-1"', 'a hint'); }));
    expect(moved).toEqual({ file: 'd.csv', line: 4, field: 'a.b', message: 'a.b must lie in [0, 5], got "-1"', hint: 'a hint' });
    const elsewhere = new InputError([{ file: 'models/m.yaml', line: 2, message: 'x must be y, got z' }]);
    expect(relocated(elsewhere, where).problems).toEqual(elsewhere.problems);
    // On the command line a problem stays where it is; a bug is not an input problem.
    const onCommandLine = commandLineError('m');
    expect(relocated(onCommandLine, { file: commandLineFile })).toBe(onCommandLine);
    expect(() => locatedAt(where, () => { throw new TypeError('bug'); })).toThrow(TypeError);
    expect(locatedAt(where, () => 7)).toBe(7);
  });
});
