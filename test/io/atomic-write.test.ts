import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeOutputsAtomically } from '../../src/io/atomic-write.js';

describe('writeOutputsAtomically', () => {
  it('writes every file and leaves no staging folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    writeOutputsAtomically(join(dir, 'out'), [{ name: 'a.csv', content: 'x\n' }, { name: 'sub/b.json', content: '{}' }]);
    expect(readFileSync(join(dir, 'out', 'a.csv'), 'utf8')).toBe('x\n');
    expect(readFileSync(join(dir, 'out', 'sub', 'b.json'), 'utf8')).toBe('{}');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.csv', 'sub']);
  });

  it('leaves the old outputs untouched when a file cannot be placed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'b.csv'), 'old\n');
    // `a.csv/x` needs a folder where the file a.csv stands: placing it fails after b.csv was placed.
    writeFileSync(join(out, 'a.csv'), 'a file');
    expect(() => writeOutputsAtomically(out, [{ name: 'b.csv', content: 'new\n' }, { name: 'a.csv/x', content: 'y' }])).toThrow();
    expect(readFileSync(join(out, 'b.csv'), 'utf8')).toBe('old\n');
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('a file');
    expect(readdirSync(out).sort()).toEqual(['a.csv', 'b.csv']);
  });

  it('refuses names that climb out of the output folder before writing anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    expect(() => writeOutputsAtomically(join(dir, 'out'), [{ name: '../x.csv', content: '' }])).toThrow(/inside the output folder/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
