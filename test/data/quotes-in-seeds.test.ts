// CI check: every quote attributed to a seed report (seed-000 … seed-004) occurs in that report, every
// quote attributed to a page of the first reference sheet (ref-…) occurs in ../shared/reference-data.md,
// and every quote attributed to a page of the March-2026 sheet (ref26-…) occurs in
// ../shared/reference-data-2026.md.
// Compared with all whitespace removed (the seeds are PDF text with stray spaces and line breaks);
// a quote may join passages with "…", each of which must occur, in order.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataSet } from '../../src/data/load-data-set.js';
import { parseCsv } from '../../src/io/read-csv.js';
import { projectRoot } from '../helpers/project.js';
import { targetKindRegistry } from '../../src/evaluate/target-kinds/registry.js';

/** The seed reports live beside the project, not in it: only tests read them (SEEDS_DIR overrides the place). */
const seedsDir = resolve(projectRoot, process.env.SEEDS_DIR ?? '../shared/seeds');
const haveSeeds = existsSync(seedsDir);
/** The reference sheet: the passages (or table rows) of every ref-… source are quoted from it. */
const referenceSheet = resolve(seedsDir, '..', 'reference-data.md');
const haveSheet = existsSync(referenceSheet);
/** The March-2026 vintage: the passages of every ref26-… source are quoted from it. */
const referenceSheet2026 = resolve(seedsDir, '..', 'reference-data-2026.md');
const haveSheet2026 = existsSync(referenceSheet2026);
const data = loadDataSet(join(projectRoot, 'data'), targetKindRegistry, 'data');
const seedSources = data.sources.filter((s) => s.id.startsWith('seed-'));

const squeeze = (text: string) => text.replace(/\s+/gu, '');

/** Where each passage of `quote` is missing from `text` (empty when all occur, in order). */
function missingPassages(quote: string, text: string): string[] {
  const haystack = squeeze(text);
  const missing: string[] = [];
  let from = 0;
  for (const passage of quote.split('…').map(squeeze).filter((p) => p !== '')) {
    const at = haystack.indexOf(passage, from);
    if (at < 0) missing.push(passage);
    else from = at + passage.length;
  }
  return missing;
}

interface Quoted {
  readonly where: string;
  readonly source: string;
  readonly quote: string;
}

/** Every quote in data/: observations, targets and the unicorn table. */
function allQuotes(): Quoted[] {
  const quoted: Quoted[] = [];
  for (const o of data.observations) quoted.push({ where: `${o.file}:${o.line}`, source: o.source, quote: o.quote });
  for (const t of data.targets) {
    quoted.push({ where: `${t.file}:${t.line} ${t.id}`, source: t.source, quote: t.quote });
  }
  const unicorns = parseCsv('data/unicorns-2023.csv', readFileSync(join(projectRoot, 'data', 'unicorns-2023.csv'), 'utf8'));
  for (const r of unicorns.records) quoted.push({ where: `${unicorns.file}:${r.line}`, source: r.fields.source, quote: r.fields.quote });
  return quoted;
}

function quotedFromSeeds(): Quoted[] {
  return allQuotes().filter((q) => q.source.startsWith('seed-'));
}

describe('quotes attributed to the seed reports', () => {
  it.runIf((!haveSeeds || !haveSheet || !haveSheet2026) && Boolean(process.env.CI))('finds the seed folder and both reference sheets (required in CI)', () => {
    expect.fail(`the seed reports, reference-data.md and reference-data-2026.md must be at ${seedsDir}, ${referenceSheet} and ${referenceSheet2026} in CI (quotes cannot be checked without them)`);
  });

  it.skipIf(!haveSeeds)('each seed source names a file that exists in ../shared/seeds', () => {
    expect(seedSources.map((s) => s.id)).toEqual(['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004']);
    for (const s of seedSources) expect(existsSync(join(seedsDir, s.location)), s.location).toBe(true);
  });

  it.skipIf(!haveSeeds)('every quote occurs in its seed file, whitespace removed', () => {
    const texts = new Map(seedSources.map((s) => [s.id, readFileSync(join(seedsDir, s.location), 'utf8')]));
    const quoted = quotedFromSeeds();
    expect(quoted.length).toBeGreaterThan(60);
    const failures = quoted
      .map((q) => {
        const text = texts.get(q.source);
        if (text === undefined) return `${q.where}: unknown seed source ${q.source}`;
        const missing = missingPassages(q.quote, text);
        return missing.length === 0 ? undefined : `${q.where}: not in ${q.source}: ${missing.join(' | ')}`;
      })
      .filter((f): f is string => f !== undefined);
    expect(failures).toEqual([]);
  });

  it.skipIf(!haveSheet)('every quote attributed to the reference sheet (ref-…) occurs in reference-data.md, whitespace removed', () => {
    const sheet = readFileSync(referenceSheet, 'utf8');
    const quoted = allQuotes().filter((q) => q.source.startsWith('ref-'));
    expect(quoted.length).toBeGreaterThan(60);
    const failures = quoted
      .map((q) => {
        const missing = missingPassages(q.quote, sheet);
        return missing.length === 0 ? undefined : `${q.where}: not in reference-data.md: ${missing.join(' | ')}`;
      })
      .filter((f): f is string => f !== undefined);
    expect(failures).toEqual([]);
  });

  it.skipIf(!haveSheet2026)('every quote attributed to the March-2026 sheet (ref26-…) occurs in reference-data-2026.md, whitespace removed', () => {
    const sheet = readFileSync(referenceSheet2026, 'utf8');
    const quoted = allQuotes().filter((q) => q.source.startsWith('ref26-'));
    expect(quoted.length).toBeGreaterThan(200);
    const failures = quoted
      .map((q) => {
        const missing = missingPassages(q.quote, sheet);
        return missing.length === 0 ? undefined : `${q.where}: not in reference-data-2026.md: ${missing.join(' | ')}`;
      })
      .filter((f): f is string => f !== undefined);
    expect(failures).toEqual([]);
  });

  it('attributes every quote to a seed report or a page of one of the two reference sheets', () => {
    expect(allQuotes().filter((q) => !q.source.startsWith('seed-') && !q.source.startsWith('ref-') && !q.source.startsWith('ref26-'))).toEqual([]);
  });

  it('missingPassages checks each "…" passage in order, ignoring whitespace', () => {
    expect(missingPassages('云计算 收入 9927 亿 … 元，同比增长', '云计算收入 9927 亿\n\n¹ 注\n\n元，同比增长 14.8%')).toEqual([]);
    expect(missingPassages('同比增长 … 云计算', '云计算 同比增长')).toEqual(['云计算']);
    expect(missingPassages('不存在', '云计算')).toEqual(['不存在']);
  });
});
