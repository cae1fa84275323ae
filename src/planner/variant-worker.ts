// Worker-thread entry point: runs variants of one scenario on request (compiled to dist/ and started by runVariants).
import { parentPort, workerData } from 'node:worker_threads';
import { runVariant, type VariantInputs } from './run-variant.js';
import type { VariantJobMessage, VariantReplyMessage } from './run-variants.js';
import { toWorkerError } from '../errors/worker-error.js';
import { LayoutMemo } from '../evaluate/layout-memo.js';

const inputs = workerData as VariantInputs;
const port = parentPort!;
/** This thread's layouts of the variant before (runVariant). */
const layouts = new LayoutMemo();

port.on('message', (job: VariantJobMessage) => {
  let reply: VariantReplyMessage;
  try {
    reply = { index: job.index, outcome: runVariant(inputs, job.overrides, { layouts, ...(job.checkedBy ? { checkedBy: job.checkedBy } : {}) }) };
  } catch (error) {
    reply = { index: job.index, error: toWorkerError(error) };
  }
  port.postMessage(reply);
});
