import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { limitsTable } from '../../src/io/limits.js';

describe('docs/security.md', () => {
  it('holds the limits table exactly as src/io/limits.ts generates it', () => {
    expect(readFileSync('docs/security.md', 'utf8')).toContain(limitsTable());
  });

  it('is linked from the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('(docs/security.md)');
  });
});
