// The status vocabulary of a target, the same in every output: projected likelihoods (the IPCC's
// calibrated language), outcomes on record, and targets not judged.

/**
 * A projection's verdict, in the likelihood words of the IPCC's calibrated language (Mastrandrea et
 * al. 2010, AR5 guidance note): never "met", which would read as already achieved.
 */
export type ProjectedStatus = 'very likely' | 'likely' | 'as likely as not' | 'unlikely' | 'very unlikely';

/** An outcome on record: decided by an observation (`achieved`, `missed`), or not (`unknown`, with the reason) once the window has closed. */
export type RecordStatus = 'achieved' | 'missed' | 'unknown';

/**
 * A closed window the record cannot decide yet, judged from the model's draws of its years: the
 * likelihood word of P(met) marked as a nowcast (`very likely (nowcast)`), never an outcome on record.
 */
export type NowcastStatus = `${ProjectedStatus} (nowcast)`;

/** Every status a target row can carry; `not judged` comes with the reason. */
export type TargetStatus = ProjectedStatus | NowcastStatus | RecordStatus | 'not judged';

/**
 * Lower edges of the projected statuses on P(met): ≥ 0.90 very likely, ≥ 0.66 likely, ≥ 0.33 as
 * likely as not, ≥ 0.10 unlikely, below very unlikely (IPCC: very likely 90–100%, likely 66–100%,
 * about as likely as not 33–66%, unlikely 0–33%, very unlikely 0–10%; the ranges nest, the engine
 * takes the narrowest that holds).
 */
export const statusThresholds = { veryLikely: 0.9, likely: 0.66, asLikelyAsNot: 0.33, unlikely: 0.1 } as const;

const projectedStatuses: readonly ProjectedStatus[] = ['very likely', 'likely', 'as likely as not', 'unlikely', 'very unlikely'];

/** Every status in display order: projected (most to least likely), nowcasts alike, then record, then not judged. */
export const targetStatuses: readonly TargetStatus[] = [
  ...projectedStatuses,
  ...projectedStatuses.map((status) => `${status} (nowcast)` as const),
  'achieved', 'missed', 'unknown', 'not judged',
];

/**
 * The projected status of a target from its probability of being met.
 * @example projectedStatus(0.7); // => 'likely'
 * @example projectedStatus(0.95); // => 'very likely'
 */
export function projectedStatus(probabilityMet: number): ProjectedStatus {
  if (probabilityMet >= statusThresholds.veryLikely) return 'very likely';
  if (probabilityMet >= statusThresholds.likely) return 'likely';
  if (probabilityMet >= statusThresholds.asLikelyAsNot) return 'as likely as not';
  if (probabilityMet >= statusThresholds.unlikely) return 'unlikely';
  return 'very unlikely';
}

/**
 * The status of a nowcast: the likelihood word of P(met), marked.
 * @example nowcastStatus(0.999); // => 'very likely (nowcast)'
 */
export function nowcastStatus(probabilityMet: number): NowcastStatus {
  return `${projectedStatus(probabilityMet)} (nowcast)`;
}

/**
 * The likelihood word a status carries, projected or nowcast; undefined for record outcomes and `not judged`.
 * @example likelihoodOf('likely (nowcast)'); // => 'likely'
 */
export function likelihoodOf(status: TargetStatus): ProjectedStatus | undefined {
  const word = status.endsWith(' (nowcast)') ? status.slice(0, -' (nowcast)'.length) : status;
  return (projectedStatuses as readonly string[]).includes(word) ? (word as ProjectedStatus) : undefined;
}

/** True for the statuses a projection gives (P(met) known), false for nowcasts, record outcomes and `not judged`. */
export function isProjected(status: TargetStatus): status is ProjectedStatus {
  return status === 'very likely' || status === 'likely' || status === 'as likely as not' || status === 'unlikely' || status === 'very unlikely';
}
