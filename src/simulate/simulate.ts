// The Monte Carlo core: draws as Float64Array columns, computed year by year in dependency order.
//
//   for year = firstYear … horizon:
//     for variable in evaluation order:
//       law:     runtime.next(year − baseYear, column)      (own seeded streams)
//       formula: compiled loop over the input columns
//       shocks:  column *= cumulative shock factor
//     observer(year, columns)   → quantiles and target accumulators are taken now
//     previous ← current         (memory ∝ draws × variables, never × years)
import type { LawRuntime } from '../laws/law.js';
import type { PreparedModel, PreparedVariable } from '../pipeline/prepared-model.js';
import type { Shock } from '../spec/scenario-spec.js';
import { createStream } from './create-stream.js';
import { sampleDistribution } from './sample-distribution.js';
import type { Distribution } from './distribution.js';

/** Read access to the columns of the year just simulated, handed to observers. */
export interface YearColumns {
  readonly year: number;
  /** Values of `variable` in `year`, or undefined before the variable's first simulated year. */
  current(variable: string): Float64Array | undefined;
  /** Values of `variable` in `year − 1` (the base column in its first year), or undefined. */
  previous(variable: string): Float64Array | undefined;
}

export interface SimulationOptions {
  readonly draws: number;
  readonly seed: number;
  readonly shocks: readonly Shock[];
  /** Called once per simulated year, after every variable of that year is computed. */
  readonly observe: (columns: YearColumns) => void;
  /** Called with the base columns before the first year (for targets that need base-year levels). */
  readonly observeBase?: (base: ReadonlyMap<string, Float64Array>) => void;
}

/** Per-draw samples of a distribution, drawn from the stream keyed (seed, variable, component). */
export function sampleColumn(distribution: Distribution, draws: number, seed: number, variable: string, component: string): Float64Array {
  const out = new Float64Array(draws);
  sampleDistribution(distribution, createStream(seed, variable, component), out);
  return out;
}

interface VariableState {
  readonly prepared: PreparedVariable;
  current: Float64Array;
  previous: Float64Array | undefined;
  started: boolean;
  readonly runtime?: LawRuntime;
  readonly params: Readonly<Record<string, Float64Array>>;
  /** Cumulative multiplicative shock factor; allocated only when the variable has shocks. */
  readonly shockFactor?: Float64Array;
  readonly shocksByYear: ReadonlyMap<number, readonly { readonly shock: Shock; readonly index: number }[]>;
}

/**
 * Simulates every variable of a prepared model for `draws` paths from its first year to its horizon.
 * Same model, options and seed ⇒ identical numbers: every random number comes from a stream keyed by
 * (seed, variable, component), so scenarios share random numbers (common random numbers).
 */
export function simulate(model: PreparedModel, options: SimulationOptions): void {
  const { draws, seed } = options;
  const states = new Map<string, VariableState>();

  // 1. Sample parameters and base levels per draw; start each law's runtime.
  for (const prepared of model.variables) {
    const name = prepared.spec.name;
    const params: Record<string, Float64Array> = {};
    for (const [param, distribution] of Object.entries(prepared.params)) {
      params[param] = sampleColumn(distribution, draws, seed, name, `param:${param}`);
    }
    const previous = prepared.base ? sampleColumn(prepared.base, draws, seed, name, 'base') : undefined;
    const runtime = prepared.law?.start({
      draws,
      base: previous ?? new Float64Array(draws),
      params,
      stream: (component) => createStream(seed, name, component),
    });
    const own = options.shocks.map((shock, index) => ({ shock, index })).filter(({ shock }) => shock.variable === name);
    const shocksByYear = new Map<number, { shock: Shock; index: number }[]>();
    for (const item of own) shocksByYear.set(item.shock.year, [...(shocksByYear.get(item.shock.year) ?? []), item]);
    states.set(name, {
      prepared,
      current: new Float64Array(draws),
      previous,
      started: false,
      runtime,
      // A law keeps what it needs from its parameters; only formulas read them every year.
      params: prepared.formula ? params : {},
      shockFactor: own.length > 0 ? new Float64Array(draws).fill(1) : undefined,
      shocksByYear,
    });
  }
  if (options.observeBase) {
    const base = new Map<string, Float64Array>();
    for (const [name, state] of states) if (state.previous) base.set(name, state.previous);
    options.observeBase(base);
  }

  const env = {
    current: (name: string) => {
      const state = states.get(name);
      return state?.started ? state.current : undefined;
    },
    previous: (name: string) => states.get(name)?.previous,
  };
  const formulaEnv = (state: VariableState) => ({
    current: (name: string) => mustHave(env.current(name), name, state.prepared.spec.name),
    previous: (name: string) => mustHave(env.previous(name), name, state.prepared.spec.name),
    param: (name: string) => mustHave(state.params[name], name, state.prepared.spec.name),
  });

  // 2. Year by year, in dependency order.
  const scratch = new Float64Array(draws);
  for (let year = model.firstYear; year <= model.horizon; year++) {
    for (const state of states.values()) {
      const { prepared } = state;
      if (year < prepared.firstYear) continue;
      if (state.runtime) {
        state.runtime.next(year - (prepared.baseYear ?? year - 1), state.current);
      } else if (prepared.formula) {
        prepared.formula.evaluate(formulaEnv(state), state.current);
      }
      applyShocks(state, year, seed, scratch);
      state.started = true;
    }
    options.observe({ year, current: env.current, previous: env.previous });
    // 3. Roll: the current column becomes the previous one; reuse the old buffer.
    for (const state of states.values()) {
      if (!state.started) continue;
      const old = state.previous;
      state.previous = state.current;
      state.current = old && old !== state.previous ? old : new Float64Array(draws);
    }
  }
}

/** Growth hits and level steps: the level from `year` on is multiplied by (1 + hit) — a permanent factor. */
function applyShocks(state: VariableState, year: number, seed: number, scratch: Float64Array): void {
  const factor = state.shockFactor;
  if (!factor) return;
  const name = state.prepared.spec.name;
  for (const { shock, index } of state.shocksByYear.get(year) ?? []) {
    for (const [part, distribution] of [['growth', shock.growth], ['level', shock.level]] as const) {
      if (!distribution) continue;
      sampleDistribution(distribution, createStream(seed, name, `shock:${index}:${part}`), scratch);
      for (let i = 0; i < factor.length; i++) factor[i] *= 1 + scratch[i];
    }
  }
  const column = state.current;
  for (let i = 0; i < column.length; i++) column[i] *= factor[i];
}

function mustHave(column: Float64Array | undefined, name: string, user: string): Float64Array {
  if (!column) throw new Error(`internal: ${user} needs ${name}, which has no values in this year`);
  return column;
}
