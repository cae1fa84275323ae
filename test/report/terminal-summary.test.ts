import { describe, expect, it } from 'vitest';
import { displayWidth, terminalSummary, useColour } from '../../src/report/terminal-summary.js';
import { syntheticData, syntheticResults } from './fixtures/synthetic-run.js';

describe('useColour', () => {
  it('colours a terminal unless NO_COLOR is set (https://no-color.org), and never a pipe unless forced', () => {
    expect(useColour(true, {})).toBe(true);
    expect(useColour(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(false, {})).toBe(false);
    expect(useColour(false, { FORCE_COLOR: '1' })).toBe(true);
  });
});

describe('terminalSummary', () => {
  it('prints one aligned row per target with its status, coloured only when asked', () => {
    const results = syntheticResults;
    const plain = terminalSummary(results, syntheticData, false);
    const coloured = terminalSummary(results, syntheticData, true);
    expect(plain).not.toContain('\x1b[');
    expect(coloured).toContain('\x1b[');
    for (const result of results) {
      expect(plain).toContain(result.scenario.scenario);
      for (const t of result.targets) expect(plain).toContain(t.target.id);
    }
    const lines = plain.split('\n').filter((line) => /^  [a-z]+-[a-z0-9-]+ +\d{4} /.test(line));
    expect(lines.length).toBeGreaterThan(0);
    // The status starts in one terminal column on every row (CJK characters take two cells).
    const statusColumn = lines.map((line) => displayWidth(line.slice(0, line.search(/(very likely|likely|as likely as not|very unlikely|unlikely|achieved|missed|unknown)$/))));
    expect(new Set(statusColumn).size).toBe(1);
    // The threshold in the unit it was written in: 3.5万亿元, not 35000.
    expect(plain).toContain('≥3.5万亿元');
    expect(plain).not.toContain('35000');
  });

  it('counts CJK characters as two cells', () => {
    expect(displayWidth('亿元')).toBe(4);
    expect(displayWidth('abc')).toBe(3);
  });
});
