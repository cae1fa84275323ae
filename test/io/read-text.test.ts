import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLimits, useLimits } from '../../src/io/limits.js';
import { FileRefused, readText } from '../../src/io/read-text.js';

const refusal = (run: () => unknown): FileRefused => {
  try {
    run();
  } catch (error) {
    if (error instanceof FileRefused) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('readText(file, options)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'read-'));
  const project = join(dir, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'ok.yaml'), '\uFEFFa: 1\n');
  writeFileSync(join(dir, 'secret.yaml'), 'password: hunter2\n');
  symlinkSync(join(dir, 'secret.yaml'), join(project, 'link.yaml'));

  it('reads a regular UTF-8 file, BOM stripped', () => {
    expect(readText(join(project, 'ok.yaml'), { roots: [project] })).toBe('a: 1\n');
  });

  it('refuses a file outside the allowed folders, links resolved first, without reading it', () => {
    const error = refusal(() => readText(join(project, 'link.yaml'), { roots: [project], shown: 'link.yaml' }));
    expect(error.reason).toBe('outside');
    expect(error.message).toBe('link.yaml  error  file must lie inside the project folder or a folder named on the command line, got a file outside them');
    expect(error.message).not.toContain('hunter2');
  });

  it('refuses devices, directories and pipes from their stat, without blocking on a pipe', () => {
    expect(refusal(() => readText('/dev/zero')).reason).toBe('notRegular');
    expect(refusal(() => readText(dir)).message).toContain('got a directory');
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(refusal(() => readText(fifo)).message).toContain('got a pipe');
  });

  it('refuses a file above the size limit, and binary content', () => {
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(2000));
    writeFileSync(join(dir, 'binary.csv'), Buffer.from([0x61, 0x00, 0x62]));
    writeFileSync(join(dir, 'latin1.csv'), Buffer.from([0x61, 0xe9, 0x62]));
    const previous = useLimits({ ...defaultLimits, fileBytes: 1000 });
    try {
      expect(refusal(() => readText(join(dir, 'big.csv'))).message).toMatch(/file must hold at most 1000 bytes, got 2000 bytes \(a limit against resource exhaustion: FORECAST_LIMIT_FILE_BYTES raises it\)$/);
    } finally {
      useLimits(previous);
    }
    expect(refusal(() => readText(join(dir, 'binary.csv'))).message).toContain('file must be a UTF-8 text file, got binary content');
    expect(refusal(() => readText(join(dir, 'latin1.csv'))).message).toContain('got bytes that are not UTF-8');
  });

  it('reports a missing file as before', () => {
    expect(refusal(() => readText(join(dir, 'nope.yaml'), { shown: 'nope.yaml' })).message).toBe(`nope.yaml  error  file must exist and be readable, got ${JSON.stringify(join(dir, 'nope.yaml'))}`);
  });
});
