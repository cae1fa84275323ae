// Builders of observations and calibration inputs for calibration and law tests.
import type { Observation } from '../../src/data/types.js';
import type { CalibrationInput, Law } from '../../src/laws/law.js';
import { createStream } from '../../src/simulate/random/create-stream.js';

let line = 1;

/** An observation of series `s` (FY, exact, observed) with the given fields overriding the defaults. */
export function observation(fields: Partial<Observation> & { year: number }): Observation {
  return {
    series: 's',
    region: 'Beijing',
    unit: '亿元',
    period: 'FY',
    qualifier: 'exact',
    status: 'reported',
    kind: 'observed',
    confidence: 'medium',
    source: 'test',
    published: `${fields.year + 1}-03`,
    quote: '',
    file: 'test.csv',
    line: line++,
    ...fields,
  };
}

/** Full-year exact levels of series `s` for consecutive years from `firstYear`. */
export function levels(firstYear: number, values: readonly number[], fields: Partial<Observation> = {}): Observation[] {
  return values.map((value, i) => observation({ year: firstYear + i, value, ...fields }));
}

/** A calibration input for variable `x` with the given fields. */
export function calibrationInput(fields: Partial<CalibrationInput>): CalibrationInput {
  return { variable: 'x', observations: [], growthEvidence: [], fixed: {}, ...fields };
}

/** Constant parameter columns of length `draws`. */
export function constantParams(params: Record<string, number>, draws: number): Record<string, Float64Array> {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, new Float64Array(draws).fill(value)]));
}

/** Simulates `years` years of `law` with constant parameters, returning one column per year (index 0 = base). */
export function simulateLaw(
  law: Law,
  options: { base: number | Float64Array; params: Record<string, number | Float64Array>; years: number; draws?: number; seed?: number },
): Float64Array[] {
  const draws = options.draws ?? (typeof options.base === 'number' ? 1 : options.base.length);
  const base = typeof options.base === 'number' ? new Float64Array(draws).fill(options.base) : options.base;
  const params = Object.fromEntries(
    Object.entries(options.params).map(([name, value]) => [name, typeof value === 'number' ? new Float64Array(draws).fill(value) : value]),
  );
  const seed = options.seed ?? 1;
  const runtime = law.start({ draws, params, stream: (component) => createStream(seed, 'x', component) });
  const level = base.slice();
  const scratch = new Float64Array(draws);
  const columns = [base.slice()];
  for (let step = 1; step <= options.years; step++) {
    runtime.next(step, level, scratch);
    columns.push(level.slice());
  }
  return columns;
}
