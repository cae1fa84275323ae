// The engine's random numbers: one documented generator, streams keyed by (seed, variable, component).

/**
 * A stream of pseudo-random numbers. Streams are created by `createStream(seed, ...keys)` in
 * `create-stream.ts`: the same seed and keys always give the same numbers, different keys give
 * independent streams, so every scenario sees the same random numbers for the same variable
 * and component (common random numbers).
 */
export interface RandomStream {
  /** Uniform on [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Fills `out` with uniforms on [0, 1). */
  fillUniform(out: Float64Array): void;
  /** Fills `out` with standard normals (mean 0, sd 1). */
  fillStandardNormal(out: Float64Array): void;
  /** Fills `out` with Poisson variates, one rate per element (`rates[i]`), or a single rate. */
  fillPoisson(out: Float64Array, rates: Float64Array | number): void;
  /**
   * level[k] ← level[k]·exp(mean[k & meanMask] + scale[k & scaleMask]·Z_k) with Z_k the standard
   * normals fillStandardNormal would draw and exp by fastExp (within 2 ulp of Math.exp): the compound
   * step fused with its normals (mask 0: a constant in a column of length 1; −1: one value per element).
   */
  growByLogNormal(level: Float64Array, mean: Float64Array, meanMask: number, scale: Float64Array, scaleMask: number): void;
  /** Fills `out` with Gamma(shape, 1) variates. */
  fillGamma(out: Float64Array, shape: number): void;
}
