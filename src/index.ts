// The engine as a library, for Node programs and notebooks (tslab, Deno): load a project, run its
// scenarios, read each variable's summaries and each target's verdict, write the CSV files. The CLI
// (src/cli) is a thin user of these same functions.
//
//   const project = loadProject('.');                                   // data, scenarios, models
//   const { results } = await runProject(project, { draws: 100_000, threads: 2 }); // or autoThreads()
//   results[0].summaries;                                               // mean and p05 … p95 per variable and year
//   targetVerdicts(results[0], project.data);                           // every target's status
//   projectionsCsv(results, project.data);                              // projections.csv as text

// Load
export { loadProject, type LoadProjectOptions } from './io/load-project.js';
export type { RunInputs as Project } from './io/load-run-inputs.js';
export { loadDataSet } from './data/load-data-set.js';
export { asOf } from './data/as-of.js';

// Run
export { runProject, type ProjectRun, type ProjectRunOptions } from './pipeline/run-project.js';
export { runScenario, type RunOptions } from './pipeline/run-scenario.js';
export { runScenarioInParallel, type ParallelRunOptions } from './pipeline/run-scenario-in-parallel.js';
export { prepareModel } from './pipeline/prepare-model.js';
export { runSetup, type RunSetup } from './pipeline/run-setup.js';
export { runShard } from './pipeline/run-shard.js';
export { shardBlocks, type Shard } from './pipeline/shard-blocks.js';
export { mergeRun, readParts } from './pipeline/merge-run.js';
export { autoThreads, maxThreads } from './pipeline/thread-count.js';

// Read the results
export { targetVerdicts, type TargetVerdict } from './evaluate/target-verdict.js';
export { quantileProbabilities } from './evaluate/quantiles.js';
export type { ScenarioResult } from './model/scenario-result.js';
export type { PreparedModel, PreparedVariable } from './model/prepared-model.js';
export type { SummaryRow } from './model/summary-row.js';
export type { TargetResult } from './model/target-result.js';
export type { DataSet, Observation, Target } from './data/types.js';
export type { ModelSpec, VariableSpec } from './spec/model-spec.js';
export type { ScenarioSpec } from './spec/scenario-spec.js';

// Write
export { projectionsCsv } from './output/projections-table.js';
export { requiredCsv } from './output/required-trajectory-table.js';
export { firstPassageCsv, recordCsv, targetsCsv } from './output/targets-table.js';
export { drawsCsv } from './output/draws-table.js';
export { iamcCsv } from './output/iamc-table.js';

// Errors a caller may catch: input problems (with file, line, field, rule, value) and models the data cannot support
export { InputError } from './errors/input-error.js';
export { ModelError } from './errors/model-error.js';
