// Streams per block: the fast 32-bit seeding against the BigInt reference, block 0 = the plain stream.
import { describe, expect, it } from 'vitest';
import { blockStreams, createStream } from '../../src/simulate/random/create-stream.js';
import { drawBlocks } from '../../src/simulate/draw-blocks.js';
import { blockStreamState, blockStreamStateInto, fnv1a64Of, seedStreamState, splitMix64 } from '../../src/simulate/random/seed-stream-state.js';

describe('block streams', () => {
  it('the 32-bit block seeding gives the words of the BigInt reference (SplitMix64 outputs 4b+1 … 4b+4)', () => {
    const out = new Int32Array(8);
    for (let seed = 0; seed < 100; seed++) {
      const hash = fnv1a64Of(seed, [`variable${seed}`, 'innovation']);
      for (const block of [0, 1, 2, 3, 7, 244, 977, 2441, 99_999, 2 ** 28]) {
        blockStreamStateInto(Number(hash >> 32n) | 0, Number(hash & 0xffffffffn) | 0, block, out);
        expect(Array.from(out)).toEqual(Array.from(blockStreamState(hash, block)));
      }
    }
  });

  it('block b is seeded from SplitMix64 outputs 4b+1 … 4b+4 of the key hash, block 0 is seedStreamState', () => {
    const hash = fnv1a64Of(42, ['revenue', 'growth']);
    expect(blockStreamState(hash, 0)).toEqual(seedStreamState(42, ['revenue', 'growth']));
    // Block 1 continues the SplitMix64 sequence after the 4 outputs of block 0.
    let state = hash;
    const outputs: bigint[] = [];
    for (let i = 0; i < 8; i++) {
      const step = splitMix64(state);
      state = step.state;
      outputs.push(step.output);
    }
    const words = blockStreamState(hash, 1);
    const word = (k: number) => (BigInt(words[2 * k] >>> 0) << 32n) | BigInt(words[2 * k + 1] >>> 0);
    expect([0, 1, 2, 3].map(word)).toEqual(outputs.slice(4));
  });

  it('block 0 draws what createStream draws; other blocks differ; any block can be drawn alone', () => {
    const streams = blockStreams(7);
    const a = new Float64Array(100);
    const b = new Float64Array(100);
    streams.stream(0, 'v', 'c').fillStandardNormal(a);
    createStream(7, 'v', 'c').fillStandardNormal(b);
    expect(a).toEqual(b);
    const late = new Float64Array(100);
    const again = new Float64Array(100);
    blockStreams(7).stream(5, 'v', 'c').fillStandardNormal(late);
    streams.stream(5, 'v', 'c').fillStandardNormal(again);
    expect(late).toEqual(again);
    expect(late).not.toEqual(a);
  });

  it('splits draws into blocks of 4096, the last one short', () => {
    expect(drawBlocks(5000)).toEqual([
      { index: 0, offset: 0, count: 4096 },
      { index: 1, offset: 4096, count: 904 },
    ]);
    expect(drawBlocks(4096)).toHaveLength(1);
    expect(drawBlocks(1)).toEqual([{ index: 0, offset: 0, count: 1 }]);
  });
});
