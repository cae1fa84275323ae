// `npm run build`, second step: the CLI as one set of ES modules in dist/cli/ (esbuild), so start-up
// reads a few files instead of a thousand. Commands stay lazy: each is a chunk loaded only when run
// (`forecast --help` and `forecast data` never load the engine, vega or mathjs), and only the parts
// of mathjs that formulas use are kept. The worker entry points sit beside the chunks, where
// run-scenario-in-parallel.ts and run-variants.ts look for them.
import { build } from 'esbuild';

await build({
  entryPoints: {
    forecast: 'dist/src/cli/bin.js',
    'scenario-part-worker': 'dist/src/pipeline/scenario-part-worker.js',
    'variant-worker': 'dist/src/planner/variant-worker.js',
  },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Bundled CommonJS packages (yargs's helpers, csv-parse, vega's) may call require for Node built-ins.
  banner: { js: "import { createRequire as forecastCreateRequire } from 'node:module'; const require = forecastCreateRequire(import.meta.url);" },
});
