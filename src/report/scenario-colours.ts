// One colour per scenario, the same in every chart and in the targets table.

/**
 * Okabe–Ito palette (colour-blind safe): blue, bluish green, vermillion, reddish purple,
 * orange, sky blue, yellow, black. Reference: Okabe & Ito (2008), "Color Universal Design",
 * https://jfly.uni-koeln.de/color/
 */
export const scenarioPalette = ['#0072B2', '#009E73', '#D55E00', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000'] as const;

/**
 * The colour of each scenario, in the order given (the palette repeats after eight).
 * @param scenarios scenario names in report order
 * @returns scenario → CSS colour
 * @example scenarioColours(['baseline', 'optimistic']); // => { baseline: '#0072B2', optimistic: '#009E73' }
 */
export function scenarioColours(scenarios: readonly string[]): Record<string, string> {
  return Object.fromEntries(scenarios.map((name, i) => [name, scenarioPalette[i % scenarioPalette.length]]));
}
