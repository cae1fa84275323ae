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
      expect(problem.message).toMatch(/^file must be valid YAML: /);
    }
  });

  it('formats paths the way users write them', () => {
    expect(formatPath(['targets', 1, 'year'])).toBe('targets[1].year');
    expect(formatPath([])).toBe('(document)');
  });
});
