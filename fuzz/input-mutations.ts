// Mutations of every shipped input kind, as a careless user and a careful attacker would make them:
// fast-check arbitraries of one changed file plus the command that reads it (docs/security.md).
//
//   file      a scenario, the model, observations/series/sources CSV, targets YAML, a sweep's design CSV
//   mutation  structural (a YAML value replaced, a key removed or added, a CSV cell or header
//             changed) or textual (a line cut, doubled or moved, bytes inserted, the file truncated)
//   command   `run` or `validate` on a scenario, with flags drawn from a pool of mistakes, or a
//             two-variant `sweep` of it (the second variant simulates only what its change can move;
//             the optimistic scenario's also varies its shared driver's persistence);
//             a changed design is swept (`sweep --design`)
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

/** The files a fuzz case may change, relative to the project folder. */
export const fuzzedFiles = [
  'scenarios/baseline.yaml',
  'scenarios/optimistic.yaml',
  'models/beijing.yaml',
  'data/observations.csv',
  'data/series.csv',
  'data/sources.csv',
  'data/targets.yaml',
  'scenarios/designs/lhs-40.csv',
] as const;

export type FuzzedFile = (typeof fuzzedFiles)[number];

/** One case: the file replaced by new text, and the command line to run. */
export interface FuzzCase {
  readonly file: FuzzedFile;
  readonly text: string;
  /** A short description of the mutation (for the failure report). */
  readonly mutation: string;
  readonly args: readonly string[];
}

/** Values a careless or hostile file may hold where a number, a name or a distribution belongs. */
const hostileValues: readonly unknown[] = [
  0, -1, 1, 25, -150, 2019, 2023, 2200, 1899, 2030.5, 1e6, 1e300, -1e308, Number.POSITIVE_INFINITY, Number.NaN,
  '25%', '-150%', '-200%', '1e300%', '13.7%', '5 to 10', '', null, true, [], {}, [5, 10],
  '=1+2', '@SUM(1)', '+cmd', '-x', '\t=x', '=cmd|\' /C calc\'!A0',
  '__proto__', 'constructor', 'toString', 'x'.repeat(10_000),
  '/etc/passwd', '/dev/zero', '/dev/stdin', '../../../../etc/passwd.yaml', '/proc/self/environ', '.', '..', 'models',
  { dist: 'normal', mean: 25, sd: 5 }, { dist: 'normal', mean: '25%', sd: '-5%' }, { dist: 'uniform', min: 10, max: 1 },
  { dist: 'gaussian' }, { year: 2023, value: -5 }, { year: 2010, value: 100 },
  { a: { a: { a: { a: { a: { a: { a: { a: { a: { a: 1 } } } } } } } } } },
];

/** Formulas that try the whitelist, the arithmetic and the parser. */
const hostileFormulas: readonly string[] = [
  'toString(aiCoreIndustry)', 'constructor(aiCoreIndustry)', 'valueOf(aiCoreIndustry)', 'hasOwnProperty(aiCoreIndustry)', '__proto__(aiCoreIndustry)',
  'isPrototypeOf(aiCoreIndustry)', 'aiCoreIndustry.constructor', 'import("fs")', 'evaluate("1")', 'f(x) = x', 'aiCoreIndustry["x"]',
  'sqrt(0 - aiCoreIndustry)', '0 * aiCoreIndustry / 0', 'log(0 - aiCoreIndustry)', 'exp(aiCoreIndustry)', 'aiCoreIndustry ^ 1000',
  `aiCoreIndustry${' + aiCoreIndustry'.repeat(4000)}`, `${'('.repeat(3000)}aiCoreIndustry${')'.repeat(3000)}`, 'lag(lag(aiCoreIndustry))', 'lag(3)',
];

/** Keys to add: misspellings, keys of other files, and names every JavaScript object has. */
const hostileKeys: readonly string[] = ['horizn', 'seriess', 'growht', '__proto__', 'constructor', 'toString', 'valueOf', 'extends', 'model', 'start', 'formula', 'law'];

/** Text dropped into a file at a random place. */
const hostileSnippets: readonly string[] = [
  '*nothing', '&a [1, 2]', '<<: *a', '!!binary aGVsbG8=', '!!js/function "x"', '{', '[[[', ']', '"', "'", ':', '- ', '\t', '\u0000', '\uFEFF', '\r\n', '---\nx: 1\n',
  '%YAML 1.1\n', '@', '=cmd|x', '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16', '"unclosed', '1e400', 'NaN', '\u202e', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
];

/** Flags a careless user adds. */
const flagSets: readonly (readonly string[])[] = [
  [], [], [], [], ['--as-of', '2022-06-30'], ['--as-of', '2024-06-30'], ['--as-of', '2026-12-31'], ['--export-draws', '5'], ['--format', 'iamc'],
  ['--out', ''], ['--out', '.'], ['--out', 'data'], ['--out', 'models'], ['--out', 'scenarios/baseline.yaml'], ['--out', 'scenarios/baseline.yaml/x'],
  ['--draws', '10000000'], ['--seed', '-1'], ['--check'], ['--threads', 'auto'], ['--threads', '0'], ['--threads', 'all'],
];

/**
 * A sweep of two unicorn rates: the first variant simulates every variable, the second only those
 * the rate can move and those the targets read (docs/planner.md), so a hostile value elsewhere must
 * be refused by the first.
 */
const sweepArgs = ['--vary', 'assumptions.newAiUnicorns.mean=3,5', '--draws', '200', '--threads', '1', '--quiet', '--out', 'out'];

/** The optimistic scenario's shared driver varied too (a changed `drivers:` meets a driver path). */
const driverSweepArgs = ['--vary', 'drivers.aiFinancing.persistence=0.2,0.8', ...sweepArgs];

/** A sweep of the shipped design's 40 variants (what reads a changed design file). */
const designArgs = ['sweep', 'scenarios/baseline.yaml', '--design', 'scenarios/designs/lhs-40.csv', '--draws', '200', '--threads', '1', '--quiet', '--out', 'out'];

/** Paths of every value in a YAML document (maps and sequences walked), for a structural mutation. */
function valuePaths(doc: Document): (string | number)[][] {
  const paths: (string | number)[][] = [];
  const walk = (node: unknown, path: (string | number)[], depth: number) => {
    if (depth > 12) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (key === undefined) continue;
        paths.push([...path, key]);
        walk(pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        paths.push([...path, index]);
        walk(item, [...path, index], depth + 1);
      });
    }
  };
  walk(doc.contents, [], 0);
  return paths;
}

/** A YAML file with one value replaced, removed or given a sibling key. */
function mutateYaml(text: string, pick: number, operation: number, value: unknown, key: string, formula: string): { text: string; mutation: string } {
  const doc = parseDocument(text);
  const paths = valuePaths(doc);
  if (paths.length === 0) return { text, mutation: 'none' };
  const path = paths[pick % paths.length];
  const shown = path.join('.');
  switch (operation % 4) {
    case 0:
      doc.setIn(path, doc.createNode(value));
      return { text: doc.toString({ lineWidth: 0 }), mutation: `${shown} = ${JSON.stringify(value)?.slice(0, 80)}` };
    case 1:
      doc.deleteIn(path);
      return { text: doc.toString({ lineWidth: 0 }), mutation: `delete ${shown}` };
    case 2: {
      const parent = path.slice(0, -1);
      const node = parent.length === 0 ? doc.contents : (doc.getIn(parent, true) as Node | undefined);
      if (isMap(node)) node.set(doc.createNode(key), doc.createNode(value));
      return { text: doc.toString({ lineWidth: 0 }), mutation: `add ${[...parent, key].join('.')} = ${JSON.stringify(value)?.slice(0, 80)}` };
    }
    default: {
      // Formulas sit under variables.<name>.formula in the model; elsewhere this sets a text.
      const formulaPath = path[path.length - 1] === 'formula' ? path : [...path.slice(0, -1), 'formula'];
      doc.setIn(formulaPath, formula);
      return { text: doc.toString({ lineWidth: 0 }), mutation: `${formulaPath.join('.')} = ${formula.slice(0, 80)}` };
    }
  }
}

/** A CSV file with one cell, one header name or one row changed. */
function mutateCsv(text: string, row: number, column: number, operation: number, value: unknown): { text: string; mutation: string } {
  const lines = text.split('\n');
  const index = row % Math.max(1, lines.length - 1);
  const cells = lines[index].split(',');
  const cell = column % cells.length;
  const written = typeof value === 'string' ? value : value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  switch (operation % 3) {
    case 0:
      cells[cell] = written.includes(',') || written.includes('"') || written.includes('\n') ? `"${written.replace(/"/g, '""')}"` : written;
      lines[index] = cells.join(',');
      return { text: lines.join('\n'), mutation: `line ${index + 1} cell ${cell + 1} = ${written.slice(0, 80)}` };
    case 1:
      lines.splice(index, 1);
      return { text: lines.join('\n'), mutation: `delete line ${index + 1}` };
    default:
      lines.splice(index, 0, lines[index]);
      return { text: lines.join('\n'), mutation: `double line ${index + 1}` };
  }
}

/** A text mutation: cut, doubled or moved line, a snippet inserted, bytes truncated. */
function mutateText(text: string, at: number, operation: number, snippet: string): { text: string; mutation: string } {
  const lines = text.split('\n');
  const line = at % lines.length;
  switch (operation % 5) {
    case 0:
      lines.splice(line, 1);
      return { text: lines.join('\n'), mutation: `cut line ${line + 1}` };
    case 1:
      lines.splice(line, 0, lines[line]);
      return { text: lines.join('\n'), mutation: `double line ${line + 1}` };
    case 2: {
      const position = at % (text.length + 1);
      return { text: text.slice(0, position) + snippet + text.slice(position), mutation: `insert ${JSON.stringify(snippet).slice(0, 40)} at ${position}` };
    }
    case 3:
      return { text: text.slice(0, at % (text.length + 1)), mutation: `truncate at ${at % (text.length + 1)}` };
    default: {
      const other = (at * 7919) % lines.length;
      [lines[line], lines[other]] = [lines[other], lines[line]];
      return { text: lines.join('\n'), mutation: `swap lines ${line + 1} and ${other + 1}` };
    }
  }
}

/**
 * The arbitrary of fuzz cases over the project's shipped files (read by `original`).
 * @param original the shipped text of a file
 */
export function fuzzCaseArbitrary(original: (file: FuzzedFile) => string): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      file: fc.constantFrom(...fuzzedFiles),
      structural: fc.boolean(),
      a: fc.nat(),
      b: fc.nat(),
      c: fc.nat(),
      value: fc.constantFrom(...hostileValues),
      key: fc.constantFrom(...hostileKeys),
      formula: fc.constantFrom(...hostileFormulas),
      snippet: fc.constantFrom(...hostileSnippets),
      command: fc.constantFrom('run', 'validate', 'sweep'),
      flags: fc.constantFrom(...flagSets),
      twice: fc.boolean(),
    })
    .map(({ file, structural, a, b, c, value, key, formula, snippet, command, flags, twice }) => {
      const apply = (text: string) => {
        if (!structural) return mutateText(text, a, b, snippet);
        if (file.endsWith('.csv')) return mutateCsv(text, a, b, c, value);
        try {
          return mutateYaml(text, a, c, value, key, formula);
        } catch {
          // The yaml library cannot set every path (a key under a list): a text mutation instead.
          return mutateText(text, a, b, snippet);
        }
      };
      let changed = apply(original(file));
      if (twice) {
        const again = mutateText(changed.text, b, c, snippet);
        changed = { text: again.text, mutation: `${changed.mutation}; ${again.mutation}` };
      }
      const scenario = file.startsWith('scenarios/') ? file : 'scenarios/baseline.yaml';
      const args =
        file === 'scenarios/designs/lhs-40.csv'
          ? designArgs
          : command === 'validate'
          ? ['validate', scenario]
          : command === 'sweep'
            ? ['sweep', scenario, ...(scenario === 'scenarios/optimistic.yaml' ? driverSweepArgs : sweepArgs)]
            : ['run', scenario, '--draws', '200', '--quiet', ...(flags.includes('--out') ? [] : ['--out', 'out']), ...flags];
      return { file, text: changed.text, mutation: changed.mutation, args };
    });
}
