// `npm run bundle`: bundles the compiled CLI and its workers (dist/src → dist/cli) with esbuild, so
// the `forecast` command loads a few files instead of hundreds of modules.
//
// yargs' help renderer (cliui, wrap-ansi, string-width and their Unicode tables) is bundled behind a
// first-use require: evaluating it builds three Intl.Segmenter instances and an emoji pattern, a
// tenth of `forecast data`'s start-up, and yargs needs it only to render help or a usage message.
// The YAML and CSV parsers and zod are files of their own, loaded on first use (lazyPackages), and so
// are the parts of mathjs that parse formulas (lazyFormulaMath).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The help renderer's packages as yargs' platform shim imports them. */
const helpRenderer = /^(cliui|string-width)$/;

/** Replaces yargs' imports of the help renderer with functions that load it when first called. */
const lazyHelpRenderer = {
  name: 'lazy-help-renderer',
  setup(build) {
    build.onResolve({ filter: helpRenderer }, (args) =>
      args.kind === 'import-statement' && /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]/.test(args.importer)
        ? { path: args.path, namespace: 'lazy-help-renderer', pluginData: { resolveDir: args.resolveDir } }
        : undefined,
    );
    // esbuild bundles a require()d ES module inside an initialiser that runs on the first require.
    build.onLoad({ filter: /.*/, namespace: 'lazy-help-renderer' }, (args) => ({
      contents: `let loaded;\nexport default function firstUse(...args) {\n  loaded ??= require(${JSON.stringify(args.path)}).default;\n  return loaded(...args);\n}\n`,
      resolveDir: args.pluginData.resolveDir,
      loader: 'js',
    }));
  },
};

/**
 * The parsers and the schema library a command needs only when it reads files the content cache
 * does not hold (src/io/content-cache.ts): each becomes a file of its own (dist/cli/vendor-<name>.cjs),
 * required when the engine first calls into it. Loading YAML and CSV costs about a sixth of
 * `forecast data`; zod about a twentieth of `forecast validate`.
 */
const lazyPackages = { yaml: 'vendor-yaml.cjs', 'csv-parse/sync': 'vendor-csv-parse.cjs', zod: 'vendor-zod.cjs' };

/** Every compiled file of the engine (dist/src). */
function engineFiles(folder = 'dist/src') {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? engineFiles(join(folder, entry.name)) : entry.name.endsWith('.js') ? [join(folder, entry.name)] : [],
  );
}

/**
 * The export names of a package that its lazy file carries: those the engine's code uses (named
 * imports, and properties read off a namespace import), so the file keeps only what they reach
 * (all of zod's exports would bring its messages in forty languages: 770 KB against 200 KB). A name
 * missed here fails the build (import-is-undefined is an error below), never a run.
 */
async function exportNames(name) {
  const exported = new Set(Object.keys(await import(name)));
  const from = `from\\s*['"]${name.replace(/[/]/g, '\\/')}['"]`;
  const used = new Set();
  for (const file of engineFiles()) {
    const text = readFileSync(file, 'utf8');
    for (const [, list] of text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*${from}`, 'g'))) {
      for (const part of list.split(',')) used.add(part.trim().split(/\s+as\s+/)[0]);
    }
    for (const [, alias] of text.matchAll(new RegExp(`import\\s*\\*\\s*as\\s+([\\w$]+)\\s*${from}`, 'g'))) {
      for (const [, property] of text.matchAll(new RegExp(`(?<![\\w$.])${alias.replace(/\$/g, '\\$')}\\s*\\.\\s*([A-Za-z_$][\\w$]*)`, 'g'))) used.add(property);
    }
  }
  return [...used].filter((key) => exported.has(key) && key !== 'default').sort();
}

/** The engine's code (dist/src) imports each lazy package from a module of stand-ins with the package's export names. */
const lazyParsers = {
  name: 'lazy-parsers',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(lazyPackages).map((name) => name.replace(/[/]/g, '\\/')).join('|')})$`);
    build.onResolve({ filter }, (args) => (/[\\/]dist[\\/]src[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-parsers' } : undefined));
    build.onResolve({ filter: /^\.\/vendor-[a-z-]+\.cjs$/ }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-parsers' }, async (args) => ({ contents: await standIns(args.path), loader: 'js' }));
  },
};

/**
 * A module with the package's export names: each function a stand-in that requires the package on
 * its first call (a class is constructed as itself; a function's own properties, such as yaml's
 * visit.SKIP, read through), each other value a binding set when the package is required.
 */
async function standIns(name) {
  const real = await import(name);
  // Local names of their own: a package may export a reserved word (as zod does: `catch`, `enum`, `null`).
  const names = await exportNames(name);
  const local = (index) => `standIn${index}`;
  const lines = ['let real;', 'function load() {', '  if (real === undefined) {', `    real = require(${JSON.stringify(`./${lazyPackages[name]}`)});`];
  names.forEach((key, i) => {
    if (typeof real[key] !== 'function') lines.push(`    ${local(i)} = real[${JSON.stringify(key)}];`);
  });
  lines.push('  }', '  return real;', '}');
  names.forEach((key, i) => {
    const at = `load()[${JSON.stringify(key)}]`;
    if (typeof real[key] !== 'function') {
      lines.push(`let ${local(i)};`);
      return;
    }
    lines.push(`function ${local(i)}(...args) {`, `  return new.target ? Reflect.construct(${at}, args) : ${at}.apply(this, args);`, '}');
    for (const property of Object.getOwnPropertyNames(real[key]).filter((p) => !['length', 'name', 'prototype', 'arguments', 'caller'].includes(p))) {
      lines.push(`Object.defineProperty(${local(i)}, ${JSON.stringify(property)}, { get: () => ${at}[${JSON.stringify(property)}] });`);
    }
  });
  lines.push(`export { ${names.map((key, i) => `${local(i)} as ${JSON.stringify(key)}`).join(', ')} };`);
  return lines.join('\n') + '\n';
}

/**
 * The engine's one module that imports mathjs (dist/src/math/formula-math.js) becomes a file of its
 * own (dist/cli/vendor-mathjs.cjs), required on the first formula parsed or rounded: a model read
 * from the content cache brings its formulas' trees, so most runs never load it (loading the mathjs
 * parts took about 16 ms and making the instance 12, on every command that read a model).
 */
const lazyFormulaMath = {
  name: 'lazy-formula-math',
  setup(build) {
    build.onResolve({ filter: /^\.\/formula-math\.js$/ }, (args) =>
      /[\\/]dist[\\/]src[\\/]math[\\/]math\.js$/.test(args.importer) ? { path: args.path, namespace: 'lazy-formula-math' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-formula-math' }, () => ({
      contents: 'let real;\nexport function createFormulaMath() {\n  real ??= require("./vendor-mathjs.cjs");\n  return real.createFormulaMath();\n}\n',
      loader: 'js',
    }));
  },
};

// Old chunks would pile up: every build names its chunks by content hash.
rmSync('dist/cli', { recursive: true, force: true });
for (const [name, file] of Object.entries(lazyPackages)) {
  await build({
    stdin: { contents: `export { ${(await exportNames(name)).map((key) => JSON.stringify(key)).join(', ')} } from ${JSON.stringify(name)};`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: `dist/cli/${file}`,
    logLevel: 'warning',
  });
}
await build({
  entryPoints: ['dist/src/math/formula-math.js'],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/cli/vendor-mathjs.cjs',
  logLevel: 'warning',
});
await build({
  entryPoints: {
    forecast: 'dist/src/cli/bin.js',
    'engine-worker': 'dist/src/pipeline/engine-worker.js',
    'variant-worker': 'dist/src/planner/variant-worker.js',
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/cli',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS packages call require(): ES modules have none, so each file makes its own.
  banner: { js: "import { createRequire as forecastCreateRequire } from 'node:module'; const require = forecastCreateRequire(import.meta.url);" },
  plugins: [lazyHelpRenderer, lazyParsers, lazyFormulaMath],
  // A property of a lazy package's stand-ins that does not exist would be undefined at run time.
  logOverride: { 'import-is-undefined': 'error' },
});

// The build's identity: a hash of every file of the bundle. The content cache (src/io/content-cache.ts)
// keys its entries by it, so values stored by another build of the engine are never read.
const identity = createHash('sha256');
for (const name of readdirSync('dist/cli').filter((file) => /\.c?js$/.test(file)).sort()) {
  identity.update(name).update('\0').update(readFileSync(`dist/cli/${name}`));
}
writeFileSync('dist/cli/build-id', `${identity.digest('hex')}\n`);
