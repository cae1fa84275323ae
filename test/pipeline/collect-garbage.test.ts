// A full collection on demand (after a large pilot): what it drops is gone once it returns.
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/pipeline/collect-garbage.js';

describe('collectGarbage', () => {
  it('collects an unreachable object at once, and can be called again', async () => {
    const made = (): WeakRef<Float64Array> => new WeakRef(new Float64Array(1 << 20));
    const dropped = made();
    // A WeakRef's target is kept through the job that made it: collect in a later one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(dropped.deref()).toBeUndefined();
    const kept = new Float64Array(8);
    collectGarbage();
    expect(kept.length).toBe(8);
  });
});
