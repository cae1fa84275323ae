// The fuzz suite in CI: a few hundred mutated inputs (every shipped kind), fixed seed, run through
// main() in process. Each must exit 0, 1 or 2 (never 3), locate every problem, leave out/ whole, and
// finish in bounded time. `npm run fuzz -- --runs 10000` runs the same cases at length, each in a
// worker thread with a watchdog (fuzz/run-fuzz.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contractViolations, runFuzzCase, scratchProject } from '../../fuzz/fuzz-case.js';
import { fuzzCaseArbitrary } from '../../fuzz/input-mutations.js';
import { projectRoot } from '../helpers/project.js';

const runs = Number(process.env.FUZZ_RUNS ?? 150);

describe('hostile and broken inputs (fuzz)', () => {
  it(`keep the contract over ${runs} mutated inputs (seed 20240419)`, async () => {
    const project = scratchProject(projectRoot);
    const counts = { 0: 0, 1: 0, 2: 0, 3: 0 } as Record<number, number>;
    await fc.assert(
      fc.asyncProperty(fuzzCaseArbitrary(project.original), async (fuzzCase) => {
        const outcome = await runFuzzCase(project, fuzzCase);
        counts[outcome.exitCode] = (counts[outcome.exitCode] ?? 0) + 1;
        const violations = contractViolations(fuzzCase, outcome);
        expect(violations, `${fuzzCase.file}: ${fuzzCase.mutation} — ${fuzzCase.args.join(' ')}\n${outcome.stderr.slice(0, 2000)}`).toEqual([]);
      }),
      { numRuns: runs, seed: 20240419, endOnFailure: true },
    );
    console.log(`fuzz: ${runs} cases, exit codes ${JSON.stringify(counts)}`);
    // The mutations reach both paths: some inputs still run, most are refused.
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[2]).toBeGreaterThan(0);
  }, 600_000);
});
