import { existsSync, lstatSync, lutimesSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputErrorMessage } from '../helpers/input-error-message.js';
import { versionsFolder, writeOutputsAtomically } from '../../src/io/atomic-write.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'atomic-'));
const lstatExists = (path: string) => {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
};

describe('writeOutputsAtomically', () => {
  it('writes every file into a generation that the output folder links to, and nothing else', () => {
    const dir = fresh();
    const out = join(dir, 'out');
    writeOutputsAtomically(out, [{ name: 'a.csv', content: 'x\n' }, { name: 'sub/b.json', content: '{}' }], { cwd: dir });
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readlinkSync(out)).toMatch(/^\.out\.versions\/[0-9a-z]{9}-[0-9a-z]{4}-[0-9a-f]{8}$/);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('x\n');
    expect(readFileSync(join(out, 'sub', 'b.json'), 'utf8')).toBe('{}');
    expect(readdirSync(out).sort()).toEqual(['a.csv', 'sub']);
    expect(readdirSync(dir).sort()).toEqual(['.out.versions', 'out']);
  });

  it('switches the whole set at once, carries over the files it does not write, and keeps one previous generation', () => {
    const dir = fresh();
    const out = join(dir, 'out');
    writeOutputsAtomically(out, [{ name: 'a.csv', content: '1\n' }, { name: 'sweep.csv', content: 'kept\n' }], { cwd: dir });
    writeOutputsAtomically(out, [{ name: 'a.csv', content: '2\n' }], { cwd: dir });
    writeOutputsAtomically(out, [{ name: 'a.csv', content: '3\n' }], { cwd: dir });
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('3\n');
    expect(readFileSync(join(out, 'sweep.csv'), 'utf8')).toBe('kept\n');
    // The current generation and the one before it (a reader may still be reading it).
    expect(readdirSync(versionsFolder(out))).toHaveLength(2);
  });

  it('leaves the old outputs untouched when the new set cannot be written', () => {
    const dir = fresh();
    const out = join(dir, 'out');
    writeOutputsAtomically(out, [{ name: 'b.csv', content: 'old\n' }], { cwd: dir });
    // `a.csv/x` needs a folder where the file a.csv stands: writing the set fails half-way.
    expect(() => writeOutputsAtomically(out, [{ name: 'b.csv', content: 'new\n' }, { name: 'a.csv', content: 'a' }, { name: 'a.csv/x', content: 'y' }], { cwd: dir })).toThrow();
    expect(readFileSync(join(out, 'b.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(out)).toEqual(['b.csv']);
    expect(readdirSync(versionsFolder(out))).toHaveLength(1);
  });

  it('makes a folder an earlier version wrote its first generation, dropping the staging folders killed runs left', () => {
    const dir = fresh();
    const out = join(dir, 'out');
    mkdirSync(join(out, '.staging-abc'), { recursive: true });
    writeFileSync(join(out, 'targets.csv'), 'old\n');
    writeFileSync(join(out, 'compare.csv'), 'other command\n');
    writeOutputsAtomically(out, [{ name: 'targets.csv', content: 'new\n' }], { cwd: dir });
    expect(readdirSync(out).sort()).toEqual(['compare.csv', 'targets.csv']);
    expect(readFileSync(join(out, 'targets.csv'), 'utf8')).toBe('new\n');
  });

  it('removes staging folders that killed runs left beside the generations', () => {
    const dir = fresh();
    const out = join(dir, 'out');
    writeOutputsAtomically(out, [{ name: 'a.csv', content: '1\n' }], { cwd: dir });
    const stale = join(versionsFolder(out), '.staging-killed');
    mkdirSync(stale);
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeOutputsAtomically(out, [{ name: 'a.csv', content: '2\n' }], { cwd: dir });
    expect(existsSync(stale)).toBe(false);
  });

  it('makes its fresh link inside the versions folder, and removes the links killed runs left there (never the parent)', () => {
    const dir = fresh();
    const out = join(dir, 'out');
    writeFileSync(join(dir, 'neighbour.txt'), 'x');
    writeOutputsAtomically(out, [{ name: 'a.csv', content: '1\n' }], { cwd: dir });
    const stale = join(versionsFolder(out), '.link-killed');
    const live = join(versionsFolder(out), '.link-live');
    symlinkSync('nowhere', stale);
    symlinkSync('nowhere', live);
    lutimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeOutputsAtomically(out, [{ name: 'a.csv', content: '2\n' }], { cwd: dir });
    expect(lstatExists(stale)).toBe(false);
    expect(lstatExists(live)).toBe(true);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('2\n');
    expect(readdirSync(dir).sort()).toEqual(['.out.versions', 'neighbour.txt', 'out']);
  });

  it('refuses an output folder it must not take over, before writing anything (exit 2, not a trace)', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file.csv'), 'x');
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.yaml'), 'mine: 1');
    const files = [{ name: 'a.csv', content: '' }];
    expect(inputErrorMessage(() => writeOutputsAtomically(join(dir, 'file.csv'), files, { cwd: dir, shown: 'file.csv' }))).toBe('command line  error  --out must name a folder, got "file.csv", which is a file');
    expect(inputErrorMessage(() => writeOutputsAtomically(join(dir, 'file.csv', 'x'), files, { cwd: dir, shown: 'file.csv/x' }))).toBe('command line  error  --out must name a folder the engine can create and write, got "file.csv/x" (ENOTDIR)');
    expect(inputErrorMessage(() => writeOutputsAtomically(join(dir, 'mine'), files, { cwd: dir, shown: 'mine' }))).toBe('command line  error  --out must name a folder that holds only outputs (csv, json, html, pdf, png, svg, txt files and charts/), got "mine" with 1 other entry (name an empty or new folder)');
    expect(inputErrorMessage(() => writeOutputsAtomically(dir, files, { cwd: dir, shown: '' }))).toBe('command line  error  --out must name a folder, got ""');
    expect(inputErrorMessage(() => writeOutputsAtomically(dir, files, { cwd: join(dir, 'mine'), shown: '..' }))).toBe('command line  error  --out must name a folder for outputs, not the project folder or one that holds it, got ".." (name a folder of its own, e.g. --out out)');
    expect(readFileSync(join(dir, 'mine', 'notes.yaml'), 'utf8')).toBe('mine: 1');
  });

  it('refuses names that climb out of the output folder before writing anything', () => {
    const dir = fresh();
    expect(() => writeOutputsAtomically(join(dir, 'out'), [{ name: '../x.csv', content: '' }], { cwd: dir })).toThrow(/inside the output folder/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
