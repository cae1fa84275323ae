// What an approximate figure (接近/近/约) and an estimate (预计) mean as numbers: the band their truth lies in.
// One home for the data layer (which year a level belongs to), calibration (what a figure is drawn from)
// and the record (whether a figure decides a target).

/**
 * Half-width of the band around an `approx` figure (接近/近/约), as a fraction of the figure:
 * `approx v` is drawn from uniform [v·(1 − 0.03), v·(1 + 0.03)] when it is a base level, and counts
 * as a point with the variance of that band, (0.03)²/3 in log points, when it is growth evidence.
 * Why 3%: Chinese reports round 接近3万亿元 to the leading digits; 29,100–30,000 is within 3% of 3万亿.
 * Reference: variance of a uniform on [a, b] is (b − a)²/12 (any probability text, e.g. Casella & Berger §3.3).
 * @example approxBand * 30000; // => 900
 */
export const approxBand = 0.03;

/**
 * Half-width of the band around an `estimate` (预计/初步估算: a figure published before the
 * period's outturn), as a fraction of the figure: `estimate v` is drawn from uniform
 * [v·(1 − 0.10), v·(1 + 0.10)] as a base level, counts as a point with variance (0.10)²/3 in log
 * points as growth evidence, and an outturn of the same period always replaces it.
 * Why 10%: the record's own spread between early and later readings of one year: Beijing's 2024
 * AI core industry was first published as 突破3000亿元 (January and March 2025) and later as
 * 近3500亿元 (mid-2025), a revision of about ±8% around the midpoint; an estimate made before the
 * year's statistics are compiled is at least that uncertain, so a band wider than `approxBand`'s
 * rounding but of that order.
 * Reference: variance of a uniform on [a, b] is (b − a)²/12 (Casella & Berger §3.3).
 * @example estimateBand * 4500; // => 450
 */
export const estimateBand = 0.1;
