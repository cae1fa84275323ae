import { describe, expect, it } from 'vitest';
import { lawNames, laws } from '../../src/laws/registry.js';
import { lawParameterNames } from '../../src/spec/law-parameter-names.js';

describe('laws registry', () => {
  it('laws lists every growth law under its own name, in the README order', () => {
    expect(lawNames).toEqual(['compound', 'meanReverting', 'dampedTrend', 'logistic', 'gompertz', 'linear', 'poisson', 'negativeBinomial', 'ensemble']);
    for (const name of lawNames) expect(laws[name].name).toBe(name);
  });

  it('every law declares exactly the parameters spec/ accepts for it', () => {
    for (const name of lawNames) expect(laws[name].parameters.map((p) => p.name)).toEqual(lawParameterNames[name]);
  });
});
