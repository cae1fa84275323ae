// `npm run bundle`: bundles the compiled CLI and its workers (dist/src → dist/cli) with esbuild, so
// the `forecast` command loads a few files instead of hundreds of modules.
//
// yargs' help renderer (cliui, wrap-ansi, string-width and their Unicode tables) is bundled behind a
// first-use require: evaluating it builds three Intl.Segmenter instances and an emoji pattern, a
// tenth of `forecast data`'s start-up, and yargs needs it only to render help or a usage message.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
 * The parsers a command needs only when it reads files the content cache does not hold
 * (src/io/content-cache.ts): each becomes a file of its own (dist/cli/vendor-<name>.cjs), required
 * when the engine first calls into it. Loading them costs about a sixth of `forecast data`.
 */
// zod stays in the bundle: a file of all its exports keeps its messages in forty languages (770 KB
// against the 200 KB the engine's schemas use), and a command that needs no schema only compiles it.
const lazyPackages = { yaml: 'vendor-yaml.cjs', 'csv-parse/sync': 'vendor-csv-parse.cjs' };

/** Exports a lazy file leaves out. */
const leftOut = new Set(['default']);

/** The export names of a package that a lazy file carries. */
async function exportNames(name) {
  return Object.keys(await import(name)).filter((key) => !leftOut.has(key));
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
  plugins: [lazyHelpRenderer, lazyParsers],
});

// The build's identity: a hash of every file of the bundle. The content cache (src/io/content-cache.ts)
// keys its entries by it, so values stored by another build of the engine are never read.
const identity = createHash('sha256');
for (const name of readdirSync('dist/cli').filter((file) => /\.c?js$/.test(file)).sort()) {
  identity.update(name).update('\0').update(readFileSync(`dist/cli/${name}`));
}
writeFileSync('dist/cli/build-id', `${identity.digest('hex')}\n`);
