// The ziggurat tables for standard normals (256 layers, Marsaglia & Tsang 2000).

/** Right edge of the base layer for 256 layers (Marsaglia & Tsang 2000, Table 1; Doornik 2005). */
export const zigguratR = 3.6541528853610088;
/**
 * Area of each layer under f(x) = exp(−x²/2): v = r·f(r) + ∫ᵣ^∞ f(x) dx = r·f(r) + √(π/2)·erfc(r/√2).
 * Computed with scipy: `r*exp(-r*r/2) + sqrt(pi/2)*erfc(r/sqrt(2))` → 0.004928673233974658.
 */
const layerArea = 0.004928673233974658;

/**
 * Ziggurat tables for the standard normal: 257 layer edges `x` (decreasing, x[256] = 0) and the
 * unnormalised density at each edge, `f[i] = exp(−x[i]²/2)`.
 *
 * x[0] = v / f(r) (the base strip seen as a rectangle), x[1] = r,
 * x[i+1] = sqrt(−2·ln(v / x[i] + f(x[i]))), x[256] = 0.
 *
 * A candidate x = u·x[i] with u uniform on [−1, 1) is accepted at once when |x| < x[i+1] (≈99% of
 * draws); otherwise layer 0 samples the tail beyond r and other layers test the wedge.
 *
 * @see Marsaglia, G. & Tsang, W. W. (2000). The ziggurat method for generating random variables. J. Stat. Softw. 5(8).
 * @example zigguratTables.x[1]; // => 3.6541528853610088
 */
export const zigguratTables: { readonly x: Float64Array; readonly f: Float64Array } = (() => {
  const x = new Float64Array(257);
  const f = new Float64Array(257);
  const density = (value: number) => Math.exp(-0.5 * value * value);
  x[0] = layerArea / density(zigguratR);
  x[1] = zigguratR;
  for (let i = 1; i < 255; i++) x[i + 1] = Math.sqrt(-2 * Math.log(layerArea / x[i] + density(x[i])));
  x[256] = 0;
  for (let i = 0; i < 257; i++) f[i] = density(x[i]);
  return { x, f };
})();
