// Verdict words for a target from its probability of being met (thresholds follow the IPCC likelihood scale).

export type TargetStatus = 'met' | 'likely' | 'at risk' | 'unlikely';

/**
 * Thresholds on the probability of meeting a target. They follow the IPCC AR5 likelihood
 * language (Mastrandrea et al. 2010): ≥ 0.95 "extremely likely" → `met` (on track),
 * ≥ 0.66 "likely" → `likely`, ≥ 0.33 "about as likely as not" → `at risk`, below → `unlikely`.
 */
export const statusThresholds = { met: 0.95, likely: 0.66, atRisk: 0.33 } as const;

/**
 * The status of a target from its probability of being met.
 * @example targetStatus(0.7); // => 'likely'
 */
export function targetStatus(probabilityMet: number): TargetStatus {
  if (probabilityMet >= statusThresholds.met) return 'met';
  if (probabilityMet >= statusThresholds.likely) return 'likely';
  if (probabilityMet >= statusThresholds.atRisk) return 'at risk';
  return 'unlikely';
}
