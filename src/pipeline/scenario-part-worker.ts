// Worker-thread entry point: runs one part of a scenario (whole components) and posts its result.
import { parentPort, workerData } from 'node:worker_threads';
import { toWorkerError } from '../errors/worker-error.js';
import { runScenario } from './run-scenario.js';
import type { ScenarioPartJob, ScenarioPartReply } from './run-scenario-in-parallel.js';

const job = workerData as ScenarioPartJob;
let reply: ScenarioPartReply;
try {
  const { summaries, targets } = runScenario(job.model, job.data, job.scenario, { draws: job.draws, seed: job.seed, variables: job.variables, exactQuantiles: job.exactQuantiles });
  reply = { summaries, targets };
} catch (error) {
  reply = { error: toWorkerError(error) };
}
parentPort!.postMessage(reply);
