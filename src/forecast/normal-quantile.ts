// The standard normal quantile function (inverse CDF), used for model-based prediction intervals.

const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771720, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
/** Below this probability (and above 1 − it) the tail branch of Acklam's approximation applies. */
const TAIL = 0.02425;

/**
 * Standard normal quantile z = Φ⁻¹(p), by Acklam's rational approximation (relative error
 * below 1.15e-9 over (0, 1)).
 *
 * Central region |p − ½| ≤ ½ − 0.02425: z = q·A(q²)/B(q²) with q = p − ½;
 * tails: z = ±C(r)/D(r) with r = √(−2 ln min(p, 1 − p)).
 *
 * @param probability p in (0, 1); 0 and 1 give −∞ and +∞, anything else NaN
 * @returns z with Φ(z) = p
 * @see P. J. Acklam (2003) An algorithm for computing the inverse normal cumulative distribution function; https://web.archive.org/web/20151030215612/http://home.online.no/~pjacklam/notes/invnorm/
 * @example normalQuantile(0.975).toFixed(6); // => '1.959964'
 */
export function normalQuantile(probability: number): number {
  if (probability === 0) return Number.NEGATIVE_INFINITY;
  if (probability === 1) return Number.POSITIVE_INFINITY;
  if (!(probability > 0 && probability < 1)) return Number.NaN;
  if (probability < TAIL) return tail(probability);
  if (probability > 1 - TAIL) return -tail(1 - probability);
  const q = probability - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

function tail(probability: number): number {
  const q = Math.sqrt(-2 * Math.log(probability));
  return (
    (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
    ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
  );
}
