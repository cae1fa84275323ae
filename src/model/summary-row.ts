// One variable in one year of one scenario: mean and quantiles over the draws (a projections.csv row).

export interface SummaryRow {
  readonly variable: string;
  readonly year: number;
  /** NaN when the draws' tail leaves it unsettled (reportableMean): written as an empty cell. */
  readonly mean: number;
  /** p05, p10, p25, p50, p75, p90, p95 in that order (see quantileProbabilities). */
  readonly quantiles: readonly number[];
}
