#!/usr/bin/env node
// The `forecast` executable: runs main() on the real process and exits with its code.
import { processIo } from './cli-io.js';
import { main } from './main.js';

// `forecast data | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const code = await main(process.argv.slice(2), processIo());
process.exitCode = code;
