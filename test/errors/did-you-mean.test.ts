import { describe, expect, it } from 'vitest';
import { closestMatch, didYouMean, editDistance } from '../../src/errors/did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions (kitten → sitting is 3, the textbook example)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});

describe('closestMatch', () => {
  it('suggests the nearest known word and nothing when all are far', () => {
    expect(closestMatch('compund', ['linear', 'compound', 'logistic'])).toBe('compound');
    expect(closestMatch('horizn', ['horizon', 'draws'])).toBe('horizon');
    expect(closestMatch('zzzzzz', ['horizon', 'draws'])).toBeUndefined();
    expect(didYouMean('sed', ['seed', 'draws'])).toBe('did you mean "seed"?');
  });
});
