import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors/input-error.js';
import { renderProblem } from '../../src/errors/problem.js';
import { formatPath, parseYamlDocument } from '../../src/io/yaml-document.js';

const text = 'scenario: high\ntargets:\n  - year: 2025\n  - year: 2030.5\n';

describe('parseYamlDocument', () => {
  it('locates a value by its path and renders a code frame under it', () => {
    const doc = parseYamlDocument('scenarios/high.yaml', text);
    expect(doc.locate(['targets', 1, 'year'])).toEqual({ line: 4, col: 11, width: 6 });
    const problem = doc.problem(['targets', 1, 'year'], 'targets[1].year must be an integer year, got 2030.5');
    expect(renderProblem(problem)).toBe(
      'scenarios/high.yaml:4:11  error  targets[1].year must be an integer year, got 2030.5\n' +
        '   4 |   - year: 2030.5\n' +
        '     |           ^^^^^^',
    );
  });

  it('points at the key for unknown-key problems', () => {
    const doc = parseYamlDocument('a.yaml', text);
    expect(doc.locateKey(['targets', 0, 'year'])).toMatchObject({ line: 3, col: 5 });
  });

  it('reports duplicate keys and syntax errors with line and column', () => {
    const run = () => parseYamlDocument('bad.yaml', 'a: 1\na: 2\n');
    expect(run).toThrow(InputError);
    try {
      run();
    } catch (error) {
      const problem = (error as InputError).problems[0];
      expect(problem).toMatchObject({ file: 'bad.yaml', line: 2, col: 1 });
      expect(problem.message).toBe('a must be unique, got "a" again (first on line 1)');
    }
  });

  it('formats paths the way users write them', () => {
    expect(formatPath(['targets', 1, 'year'])).toBe('targets[1].year');
    expect(formatPath([])).toBe('(document)');
  });
});

describe('parseYamlDocument on hostile input', () => {
  const problemsOf = (text: string) => {
    try {
      parseYamlDocument('h.yaml', text);
    } catch (error) {
      if (error instanceof InputError) return error.problems.map(renderProblem);
      throw error;
    }
    return [];
  };

  it('refuses keys every JavaScript object already has, where they are written', () => {
    expect(problemsOf('a: 1\n__proto__: { x: 1 }\nb:\n  constructor: 2\n')).toEqual([
      'h.yaml:2:1  error  __proto__ must not be a name every JavaScript object already has (__proto__, constructor, toString, …), got "__proto__"\n   2 | __proto__: { x: 1 }\n     | ^^^^^^^^^',
      'h.yaml:4:3  error  b.constructor must not be a name every JavaScript object already has (__proto__, constructor, toString, …), got "constructor"\n   4 |   constructor: 2\n     |   ^^^^^^^^^^^',
    ]);
  });

  it('locates an alias without an anchor instead of crashing', () => {
    expect(problemsOf('draws: *nothing\n')).toEqual(['h.yaml:1:8  error  draws must name an anchor set before it, got "*nothing"\n   1 | draws: *nothing\n     |        ^']);
  });

  it('refuses exponential alias expansion ("billion laughs") before building the value', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 9; i++) text += `l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]\n`;
    const [problem] = problemsOf(text);
    expect(problem).toMatch(/^h\.yaml:2:\d+ {2}error {2}file must expand YAML aliases \(\*name\) at most 100 times, got more from 80 aliases \(a limit against resource exhaustion: FORECAST_LIMIT_YAML_ALIASES raises it\)/);
  });

  it('refuses nesting deeper than the limit, at the first level beyond it', () => {
    const [problem] = problemsOf(`a: ${'['.repeat(40)}1${']'.repeat(40)}\n`);
    expect(problem).toMatch(/^h\.yaml:1:35 {2}error {2}file must nest maps and lists at most 32 levels deep, got deeper/);
  });

  it('reports a nesting too deep for the parser itself as a located syntax error', () => {
    const [problem] = problemsOf(`${'['.repeat(20000)}${']'.repeat(20000)}`);
    expect(problem).toMatch(/^h\.yaml:1:\d+ {2}error {2}file must be valid YAML: /);
  });

  it('parses and locates 20,000 keys, each problem with a code frame (linear: keys indexed once, lines split once)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `key${i}: ${i}`).join('\n');
    const doc = parseYamlDocument('big.yaml', `${keys}\n`);
    const problems = Array.from({ length: 20_000 }, (_, i) => doc.problem([`key${i}`], 'x', undefined, true));
    expect(problems[19_999]).toMatchObject({ line: 20_000, col: 1, frame: '20000 | key19999: 19999\n      | ^^^^^^^^' });
  });
});
