#!/usr/bin/env node
// The `forecast` executable: runs main() on the real process and exits with its code.
import { processIo } from './cli-io.js';
import { main } from './main.js';

const code = await main(process.argv.slice(2), processIo());
process.exitCode = code;
