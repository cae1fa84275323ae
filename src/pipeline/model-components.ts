// The independent parts of a model: variables that no formula ties together can be simulated apart.

import type { PreparedModel } from './prepared-model.js';

/**
 * The connected components of a model's variables, linked by every formula input (same year or
 * lagged), each in evaluation order, components in the order of their first variable. Streams are
 * keyed per variable, so simulating components separately (in worker threads) gives the very same
 * numbers as simulating them together.
 * @example modelComponents(beijing).map((c) => c.length); // => [3, 1, 2, 2, 1] (software, value added, AI core, unicorns, scholars)
 */
export function modelComponents(model: PreparedModel): string[][] {
  const names = model.variables.map((v) => v.spec.name);
  const parent = new Map(names.map((name) => [name, name]));
  const root = (name: string): string => {
    let r = name;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(name, r);
    return r;
  };
  for (const variable of model.variables) {
    for (const input of [...(variable.formula?.inputs ?? []), ...(variable.formula?.lagged ?? [])]) {
      if (parent.has(input)) parent.set(root(input), root(variable.spec.name));
    }
  }
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const r = root(name);
    groups.set(r, [...(groups.get(r) ?? []), name]);
  }
  return [...groups.values()];
}

/**
 * The work of one variable, for balancing threads: draws are the same for all, so years simulated
 * × a weight per kind (a law's random numbers and state ≈ 1, a formula's loop ≈ 0.4), plus the
 * summary of each year (≈ 0.5, the two passes of the quantiles) and ≈ 0.3 a year for each target
 * judged on it. Weights fitted to single-component runs of models/beijing.yaml at 10⁶ draws
 * (0.26–0.90 s per component; 0.025–0.041 s per unit).
 */
export function variableCost(model: PreparedModel, name: string, targetsOnIt = 0): number {
  const variable = model.variables.find((v) => v.spec.name === name)!;
  const years = Math.max(0, model.horizon - variable.firstYear + 1);
  return years * ((variable.formula ? 0.4 : 1) + 0.5 + 0.3 * targetsOnIt);
}

/**
 * Splits the components into `parts` groups of similar cost (largest first, each to the lightest
 * group: the greedy LPT rule, within 4/3 of the best split), the heaviest group first (the calling
 * thread takes it: a worker starts later). Groups keep the model's variable order.
 * @param targetsOf how many targets are judged on each variable
 * @returns non-empty groups of variable names (fewer than `parts` when there are fewer components)
 * @see Graham, R. L. (1969). Bounds on multiprocessing timing anomalies. SIAM J. Appl. Math. 17(2).
 */
export function splitComponents(model: PreparedModel, parts: number, targetsOf: (variable: string) => number = () => 0): string[][] {
  const components = modelComponents(model).map((names) => ({ names, cost: names.reduce((s, n) => s + variableCost(model, n, targetsOf(n)), 0) }));
  const groups = Array.from({ length: Math.min(parts, components.length) }, () => ({ names: [] as string[], cost: 0 }));
  for (const component of [...components].sort((a, b) => b.cost - a.cost)) {
    const lightest = groups.reduce((a, b) => (b.cost < a.cost ? b : a));
    lightest.names.push(...component.names);
    lightest.cost += component.cost;
  }
  const order = new Map(model.variables.map((v, i) => [v.spec.name, i]));
  return groups
    .filter((g) => g.names.length > 0)
    .sort((a, b) => b.cost - a.cost)
    .map((g) => g.names.sort((a, b) => order.get(a)! - order.get(b)!));
}
