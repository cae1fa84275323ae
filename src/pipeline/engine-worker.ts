// Worker-thread entry point of the engine pool: counts blocks of a run and sends back their state.
// It loads only the simulation core (laws, streams, summaries, target trackers); the formula
// compiler only when a run's model has formulas, which it compiles from the trees the model keeps
// (mathjs itself only should a formula come without one).
//
//   'part'     a run's setup (once per run), the blocks of the part, the counter shared with the
//              other threads; the worker revives the setup while the calling thread runs the pilot
//   'layouts'  the histogram layouts from the pilot: the worker claims blocks until none is left,
//              then replies with the state of the blocks it counted
import { parentPort } from 'node:worker_threads';
import { toWorkerError } from '../errors/worker-error.js';
import { QuantileSummaries } from '../evaluate/quantile-summaries.js';
import { needsFormulaCompiler, reviveSetup, type FormulaCompiler } from './portable-setup.js';
import type { EngineReply, EngineRequest } from './engine-pool.js';
import { claimBlocks, claimSlots } from './claim-blocks.js';
import { ScenarioAccumulator } from './scenario-accumulator.js';
import type { RunSetup } from './run-setup.js';

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
/** Runs by id: the revived setup (a promise while it is revived) and the part's request. */
const runs = new Map<number, { setup: Promise<RunSetup>; request: Extract<EngineRequest, { type: 'part' }> }>();

async function revive(request: Extract<EngineRequest, { type: 'part' }>): Promise<RunSetup> {
  if (!compiler && needsFormulaCompiler(request.setup)) compiler = (await import('../simulate/formulas/compile-formula.js')).compileFormula;
  return reviveSetup(request.setup, compiler);
}

port.on('message', (message: EngineRequest) => {
  if (message.type === 'part') {
    const setup = revive(message);
    setup.catch(() => undefined); // reported when the layouts arrive
    runs.set(message.id, { setup, request: message });
    return;
  }
  const run = runs.get(message.id);
  runs.delete(message.id);
  if (!run) return;
  if (message.layouts === null) {
    port.postMessage({ type: 'cancelled', id: message.id } satisfies EngineReply);
    return;
  }
  const layouts = message.layouts;
  const { counter, blocks } = run.request;
  let accumulator: ScenarioAccumulator | undefined;
  run.setup
    .then((setup) => {
      accumulator = new ScenarioAccumulator(setup, new QuantileSummaries(setup.draws, { layouts }));
      accumulator.simulate(claimBlocks(counter, blocks, setup.draws));
      const state = accumulator.state();
      port.postMessage({ type: 'state', id: message.id, state } satisfies EngineReply, transferablesOf(state));
    })
    .catch((error: unknown) => {
      // Nothing more to claim for any thread: they finish the block in hand and stop.
      Atomics.store(counter, claimSlots.next, blocks.length);
      port.postMessage({ type: 'error', id: message.id, error: toWorkerError(error), block: accumulator?.failedBlock() ?? -1 } satisfies EngineReply);
    });
});
