// The shape of the stored band floor of the compound law (src/calibrate/compound-band-scale.ts, generated).
import type { LengthClass } from '../forecast/length-class.js';

/**
 * What hindcasts of the compound law inside the M3 and tourism training parts measured, per length
 * class of the window: the factor its own bands must widen by to cover as often as they claim.
 */
export interface StoredBandScale {
  /** Largest horizon of the hindcasts pooled. */
  readonly horizon: number;
  /** Draws per hindcast. */
  readonly draws: number;
  /** c_class = ½[Q_0.8(|z|)/z_0.9 + Q_0.95(|z|)/z_0.975] over the class's hindcasts at horizons 1..H. */
  readonly byLengthClass: Readonly<Record<LengthClass, number>>;
  /** Q_L(|z|)/z_(1+L)/2 per class and horizon at L = 0.8, 0.9, 0.95 (`[k − 1]`), for the docs. */
  readonly byHorizon: Readonly<Record<LengthClass, Readonly<Record<'80' | '90' | '95', readonly number[]>>>>;
  /** The class's own hindcast scores (all horizons). */
  readonly hindcasts: Readonly<Record<LengthClass, number>>;
  /** True where the class had fewer than 50 scores and all classes' were used. */
  readonly borrowed: Readonly<Record<LengthClass, boolean>>;
}
