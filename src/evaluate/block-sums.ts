// Sums over draws taken block by block and added up in block order: the same bits for any run order.
import { batchMeansStandardError } from './batch-means.js';

/** The sums of some blocks, in the order of a list of block indices kept beside it. */
export interface BlockSumsState {
  readonly sums: Float64Array;
  readonly compensations: Float64Array;
}

/**
 * Neumaier-compensated sums of each block's values, kept per block index and totalled in index order,
 * so a mean is bit-identical whichever order (or thread, or machine) the blocks were summed in.
 * Memory: two numbers per block (16 bytes per 4096 draws).
 * @see Neumaier, A. (1974). Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen. ZAMM 54, 39–51.
 * @example
 * const sums = new BlockSums(2);
 * sums.add(1, Float64Array.of(1, -1e100), 2);
 * sums.add(0, Float64Array.of(1e100, 1), 2);
 * sums.total(); // => 2
 */
export class BlockSums {
  private readonly sums: Float64Array;
  private readonly compensations: Float64Array;

  /** @param blocks the run's number of blocks */
  constructor(blocks: number) {
    this.sums = new Float64Array(blocks);
    this.compensations = new Float64Array(blocks);
  }

  /** The compensated sum of values[0 … count) as block `block`'s part (NaN gives NaN). */
  add(block: number, values: Float64Array, count: number): void {
    let sum = 0;
    let compensation = 0;
    for (let i = 0; i < count; i++) {
      const x = values[i];
      const t = sum + x;
      if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
      else compensation += x - t + sum;
      sum = t;
    }
    this.sums[block] += sum;
    this.compensations[block] += compensation;
  }

  /** Adds a sum taken elsewhere as BlockSums.add takes it (a summary's counting pass): block `block`'s part. */
  addSum(block: number, sum: number, compensation: number): void {
    this.sums[block] += sum;
    this.compensations[block] += compensation;
  }

  /** Takes the blocks of another (disjoint) set of blocks. */
  merge(other: BlockSums): void {
    for (let block = 0; block < this.sums.length; block++) {
      this.sums[block] += other.sums[block];
      this.compensations[block] += other.compensations[block];
    }
  }

  /** The sums of `blocks` (the blocks this part added), as plain data. */
  state(blocks: readonly number[]): BlockSumsState {
    return {
      sums: Float64Array.from(blocks, (b) => this.sums[b]),
      compensations: Float64Array.from(blocks, (b) => this.compensations[b]),
    };
  }

  /**
   * Takes the sums of another part's blocks (`blocks[k]` holds state.sums[k]).
   * @throws Error (a bug in the caller) when the lengths disagree or a block is out of range
   */
  absorb(blocks: readonly number[], state: BlockSumsState): void {
    if (state.sums.length !== blocks.length || state.compensations.length !== blocks.length) throw new Error('internal: block sums of another length');
    blocks.forEach((block, k) => {
      if (!(block >= 0 && block < this.sums.length)) throw new Error(`internal: block ${block} out of range`);
      this.sums[block] += state.sums[k];
      this.compensations[block] += state.compensations[k];
    });
  }

  /**
   * The batch-means standard error of the mean over every block (batchMeansStandardError), block b
   * holding `counts[b]` draws; NaN with fewer than two blocks.
   */
  standardError(counts: Float64Array): number {
    return batchMeansStandardError(Float64Array.from(this.sums, (sum, block) => sum + this.compensations[block]), counts);
  }

  /** Σ over blocks in index order of (sum + compensation), itself compensated; infinities as plain sums. */
  total(): number {
    let sum = 0;
    let compensation = 0;
    let plain = 0;
    for (let block = 0; block < this.sums.length; block++) {
      const part = this.sums[block];
      plain += part;
      const x = part + this.compensations[block];
      const t = sum + x;
      if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
      else compensation += x - t + sum;
      sum = t;
    }
    const total = sum + compensation;
    return Number.isFinite(plain) ? total : plain;
  }
}
