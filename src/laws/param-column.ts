// Looks up one sampled parameter column of a law's start input.

/**
 * The per-draw values of parameter `name`; `fallback` fills a new column when the parameter is absent
 * (calibration always supplies every parameter, so the fallback only serves direct callers).
 * @param params the sampled parameters (one Float64Array per parameter, length `draws`)
 * @param name the parameter, e.g. `growth`
 * @param draws number of draws
 * @param fallback constant used when the parameter is absent
 * @returns the column (not copied)
 * @throws Error when the parameter is absent and there is no fallback (a bug: calibration supplies all)
 * @example paramColumn({}, 'persistence', 2, 0); // => Float64Array [0, 0]
 */
export function paramColumn(
  params: Readonly<Record<string, Float64Array>>,
  name: string,
  draws: number,
  fallback?: number,
): Float64Array {
  const column = params[name];
  if (column) {
    if (column.length !== draws) throw new Error(`internal: parameter ${name} has ${column.length} values for ${draws} draws`);
    return column;
  }
  if (fallback === undefined) throw new Error(`internal: parameter ${name} was not sampled`);
  return new Float64Array(draws).fill(fallback);
}
