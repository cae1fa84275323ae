// checkOutputFolder: every refusal writeOutputsAtomically makes about the folder itself, made before
// a command's work, in the same words, and changing nothing on disk.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputErrorMessage } from '../helpers/input-error-message.js';
import { writeOutputsAtomically } from '../../src/io/atomic-write.js';
import { checkOutputFolder, versionsFolder } from '../../src/io/output-folder.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'out-folder-'));
/** Every path under `dir` with its kind, to show that a check changed nothing. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .map((entry) => `${join(entry.parentPath, entry.name)} ${entry.isSymbolicLink() ? 'link' : entry.isDirectory() ? 'dir' : 'file'}`)
    .sort();

describe('checkOutputFolder', () => {
  it('refuses what writeOutputsAtomically refuses, in the same words, and changes nothing', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file.csv'), 'x');
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.yaml'), 'mine: 1');
    symlinkSync(join(dir, 'mine'), join(dir, 'elsewhere'));
    const cases: [string, string, string][] = [
      [join(dir, 'file.csv'), 'file.csv', dir],
      [join(dir, 'file.csv', 'x'), 'file.csv/x', dir],
      [join(dir, 'mine'), 'mine', dir],
      [join(dir, 'elsewhere'), 'elsewhere', dir],
      [dir, '', dir],
      [dir, '..', join(dir, 'mine')],
    ];
    const before = tree(dir);
    for (const [out, shown, cwd] of cases) {
      const checked = inputErrorMessage(() => checkOutputFolder(out, { cwd, shown }));
      expect(checked, shown).toMatch(/^command line {2}error {2}--out must /);
      expect(tree(dir), shown).toEqual(before);
      expect(inputErrorMessage(() => writeOutputsAtomically(out, [{ name: 'a.csv', content: '' }], { cwd, shown })), shown).toBe(checked);
    }
    expect(readFileSync(join(dir, 'mine', 'notes.yaml'), 'utf8')).toBe('mine: 1');
  });

  it('passes a new folder, the engine\'s own, and one an earlier version wrote, which it leaves unmigrated', () => {
    const dir = fresh();
    const ours = join(dir, 'ours');
    writeOutputsAtomically(ours, [{ name: 'a.csv', content: '1\n' }], { cwd: dir });
    mkdirSync(join(dir, 'old'));
    writeFileSync(join(dir, 'old', 'targets.csv'), 'x\n');
    mkdirSync(join(dir, 'old', 'charts'));
    const before = tree(dir);
    for (const name of ['new', join('deeper', 'new'), 'ours', 'old']) expect(inputErrorMessage(() => checkOutputFolder(join(dir, name), { cwd: dir })), name).toBe('(no error)');
    expect(tree(dir)).toEqual(before);
    expect(readdirSync(dir)).not.toContain('.old.versions');
    expect(readdirSync(versionsFolder(ours))).toHaveLength(1);
  });
});
