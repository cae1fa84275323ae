// Worker-thread entry point of the engine pool: counts blocks of a run and sends back their state.
// It loads only the simulation core (laws, streams, summaries, target trackers); the formula
// compiler (and with it the mathjs parser) only when a run's model has formulas.
//
//   'part'     a run's setup (once per run), the blocks of the part, the counter shared with the
//              other threads; the worker revives the setup and says it is ready to lay out
//   'shaping'  the pilot values of this worker's share of the summaries: it lays out those it
//              claims and sends the layouts ('plans'; shared-layouts.ts)
//   'layouts'  every summary's layout: the worker claims blocks until none is left, then replies
//              with the state of the blocks it counted (null: the run is called off)
import { parentPort } from 'node:worker_threads';
import { toWorkerError } from '../errors/worker-error.js';
import { QuantileSummaries } from '../evaluate/quantile-summaries.js';
import { needsFormulaCompiler, reviveSetup, type FormulaCompiler } from './portable-setup.js';
import type { EngineReply, EngineRequest } from './engine-pool.js';
import { claimBlocks, claimSlots } from './claim-blocks.js';
import { ScenarioAccumulator } from './scenario-accumulator.js';
import type { RunSetup } from './run-setup.js';
import { layOutClaimed, readySlot } from './shared-layouts.js';

const port = parentPort!;

/** The buffers of the typed arrays in a state: moved to the calling thread, not copied. */
function transferablesOf(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) for (const item of value) transferablesOf(item, found);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) transferablesOf(item, found);
  return [...found];
}
let compiler: FormulaCompiler | undefined;

/** A run in hand: its request, and the chain of its steps (each message's work follows the previous one's). */
interface Run {
  readonly request: Extract<EngineRequest, { type: 'part' }>;
  setup?: RunSetup;
  accumulator?: ScenarioAccumulator;
  steps: Promise<void>;
}
const runs = new Map<number, Run>();

async function revive(request: Extract<EngineRequest, { type: 'part' }>): Promise<RunSetup> {
  if (!compiler && needsFormulaCompiler(request.setup)) compiler = (await import('../simulate/formulas/compile-formula.js')).compileFormula;
  return reviveSetup(request.setup, compiler);
}

/** Ends the run with its error: nothing more to claim for any thread (they finish the block in hand and stop). */
function failed(id: number, run: Run, error: unknown): void {
  runs.delete(id);
  const { counter, blocks, share } = run.request;
  Atomics.store(counter, claimSlots.next, blocks.length);
  // Never to be waited for: the calling thread lays out this worker's share itself.
  if (share) {
    Atomics.store(counter, readySlot(share.thread), 1);
    Atomics.notify(counter, readySlot(share.thread));
  }
  port.postMessage({ type: 'error', id, error: toWorkerError(error), block: run.accumulator?.failedBlock() ?? -1 } satisfies EngineReply);
}

/** Runs `step` after the run's previous steps, unless the run has ended; an error ends it. */
function then(id: number, step: (run: Run) => void | Promise<void>): void {
  const run = runs.get(id);
  if (!run) return;
  run.steps = run.steps.then(async () => {
    if (runs.get(id) !== run) return;
    try {
      await step(run);
    } catch (error) {
      if (runs.get(id) === run) failed(id, run, error);
    }
  });
}

port.on('message', (message: EngineRequest) => {
  if (message.type === 'part') {
    runs.set(message.id, { request: message, steps: Promise.resolve() });
    then(message.id, async (run) => {
      run.setup = await revive(message);
      if (message.share) {
        Atomics.store(message.counter, readySlot(message.share.thread), 1);
        Atomics.notify(message.counter, readySlot(message.share.thread));
      }
    });
    return;
  }
  if (message.type === 'shaping') {
    then(message.id, (run) => {
      const { share, counter } = run.request;
      // Empty summaries made in the run's order: they lay out from the values handed over.
      const planning = new QuantileSummaries(run.setup!.draws, { planning: true });
      new ScenarioAccumulator(run.setup!, planning);
      const { layouts } = layOutClaimed(planning, counter, share!.thread, share!.threads, message.values);
      port.postMessage({ type: 'plans', id: message.id, layouts } satisfies EngineReply);
    });
    return;
  }
  const layouts = message.layouts;
  then(message.id, (run) => {
    if (layouts === null) {
      runs.delete(message.id);
      port.postMessage({ type: 'cancelled', id: message.id } satisfies EngineReply);
      return;
    }
    const { counter, blocks } = run.request;
    const setup = run.setup!;
    run.accumulator = new ScenarioAccumulator(setup, new QuantileSummaries(setup.draws, { layouts }));
    run.accumulator.simulate(claimBlocks(counter, blocks, setup.draws));
    const state = run.accumulator.state();
    runs.delete(message.id);
    port.postMessage({ type: 'state', id: message.id, state } satisfies EngineReply, transferablesOf(state));
  });
});
