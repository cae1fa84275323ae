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

// Old chunks would pile up: every build names its chunks by content hash.
rmSync('dist/cli', { recursive: true, force: true });
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
  plugins: [lazyHelpRenderer],
});

// The build's identity: a hash of every file of the bundle. The content cache (src/io/content-cache.ts)
// keys its entries by it, so values stored by another build of the engine are never read.
const identity = createHash('sha256');
for (const name of readdirSync('dist/cli').filter((file) => file.endsWith('.js')).sort()) {
  identity.update(name).update('\0').update(readFileSync(`dist/cli/${name}`));
}
writeFileSync('dist/cli/build-id', `${identity.digest('hex')}\n`);
