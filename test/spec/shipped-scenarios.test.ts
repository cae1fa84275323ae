// The shipped scenarios argue from the record: each has a rationale, and every figure it cites is in data/ under that source.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { loadScenario } from '../../src/spec/load-scenario.js';
import { projectRoot } from '../helpers/project.js';

/** The scenarios argued from the record (the regional ones are the calibrated trend of their models). */
const argued = ['baseline', 'optimistic', 'pessimistic', 'plan'];

/** Source ids as data/sources.csv writes them: `seed-000`, `ref-…`, `ref26-…`. */
const sourceId = /\b(?:seed-\d{3}|ref26-[\w-]+|ref-[\w-]+)\b/g;
/** A number as a rationale writes it (a sign, digits, a decimal part). */
const numberPattern = /[+−-]?\d+(?:\.\d+)?/g;
/** Integers read as calendar years, not figures. */
const isYear = (text: string) => /^\d{4}$/.test(text) && Number(text) >= 1990 && Number(text) <= 2035;

/** Every number a source's rows carry: values, growth rates, target thresholds, and the digits in its quotes and arithmetic. */
function figuresBySource(): Map<string, Set<number>> {
  const figures = new Map<string, Set<number>>();
  const add = (source: string, value: unknown) => {
    const set = figures.get(source) ?? new Set<number>();
    figures.set(source, set);
    if (typeof value === 'number') set.add(Math.abs(value));
    else if (typeof value === 'string') for (const match of value.replace(/,(?=\d{3})/g, '').matchAll(/\d+(?:\.\d+)?/g)) set.add(Number(match[0]));
  };
  const rows = parse(readFileSync(join(projectRoot, 'data', 'observations.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  for (const row of rows) {
    for (const column of ['value', 'yoyPercent']) if (row[column] !== '') add(row.source, Math.abs(Number(row[column])));
    add(row.source, row.quote);
    add(row.source, row.derivation);
  }
  const targets = parseYaml(readFileSync(join(projectRoot, 'data', 'targets.yaml'), 'utf8')) as Record<string, unknown>[];
  for (const target of targets) {
    if (typeof target.source !== 'string') continue;
    for (const key of ['atLeast', 'above', 'atMost', 'below', 'approx', 'aspiration']) {
      const value = target[key];
      if (typeof value === 'number') add(target.source, value);
      else if (typeof value === 'string') add(target.source, value);
    }
    add(target.source, target.quote);
  }
  return figures;
}

/**
 * Each citation of a rationale — a parenthesis naming one or more source ids — with the figure it
 * follows: the last number before the parenthesis that is not a year.
 */
function citations(rationale: string): { sources: string[]; figure: string | undefined; context: string }[] {
  const out: { sources: string[]; figure: string | undefined; context: string }[] = [];
  let start = 0;
  for (const match of rationale.matchAll(/\(([^()]*)\)/g)) {
    const sources = match[1].match(sourceId);
    if (!sources) continue;
    // The text since the previous citation, plus the parenthesis itself up to the first source id.
    const before = rationale.slice(start, match.index) + match[1].slice(0, match[1].search(sourceId));
    const numbers = [...before.matchAll(numberPattern)].map((m) => m[0]).filter((n) => !isYear(n.replace(/^[+−-]/, '')));
    out.push({ sources, figure: numbers[numbers.length - 1], context: rationale.slice(start, match.index! + match[0].length).trim() });
    start = match.index! + match[0].length;
  }
  return out;
}

describe('shipped scenarios', () => {
  const figures = figuresBySource();
  const known = new Set((parse(readFileSync(join(projectRoot, 'data', 'sources.csv'), 'utf8'), { columns: true }) as { id: string }[]).map((s) => s.id));

  it('every scenario in scenarios/ loads, and the argued ones have a rationale of one paragraph', () => {
    const files = readdirSync(join(projectRoot, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(files).toEqual(expect.arrayContaining(argued.map((name) => `${name}.yaml`)));
    for (const name of argued) {
      const scenario = loadScenario(join('scenarios', `${name}.yaml`));
      expect(scenario.rationale, name).toBeDefined();
      expect(scenario.rationale!.trim().split('\n'), `${name}: one paragraph`).toHaveLength(1);
    }
  });

  it('at least one argued scenario declares a shared driver, and the baseline none', () => {
    const withDrivers = argued.filter((name) => (loadScenario(join('scenarios', `${name}.yaml`)).drivers ?? []).length > 0);
    expect(withDrivers.length).toBeGreaterThan(0);
    expect(withDrivers).not.toContain('baseline');
  });

  it.each(argued)('%s: every source its rationale cites is in data/sources.csv, and the figure each citation follows is in that source\'s rows', (name) => {
    const { rationale } = loadScenario(join('scenarios', `${name}.yaml`));
    const cited = citations(rationale!);
    expect(cited.length).toBeGreaterThan(0);
    for (const { sources, figure, context } of cited) {
      for (const source of sources) expect(known.has(source), `${source} in data/sources.csv`).toBe(true);
      expect(figure, `a figure before the citation: ${context}`).toBeDefined();
      const value = Math.abs(Number(figure!.replace('−', '-')));
      const found = sources.some((source) => figures.get(source)?.has(value));
      expect(found, `${figure} in the rows of ${sources.join(', ')}: ${context}`).toBe(true);
    }
  });
});
