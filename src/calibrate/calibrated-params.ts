// Merges calibrated parameter distributions with those the model or scenario fixed (fixed ones win).
import type { Distribution } from '../model/distribution.js';
import type { Calibration, EvidenceItem, LawName } from '../laws/law.js';
import type { BaseLevel } from './base-level.js';
import { calibrationNotes } from './calibration-messages.js';

/**
 * The parameters a law hands back: each of `names` from `fixed` when the model or scenario gives it,
 * otherwise from `calibrated`. Calibration never overrides the model.
 * @param names the law's parameter names
 * @param calibrated the distributions calibration found (may lack fixed ones)
 * @param fixed distributions given in the model file or scenario
 * @returns the merged parameters and a note naming the fixed ones (empty when none)
 * @example
 * calibratedParams(['growth'], { growth: { dist: 'constant', value: 0.1 } }, { growth: { dist: 'constant', value: 0.2 } }).params;
 * // => { growth: { dist: 'constant', value: 0.2 } }
 */
export function calibratedParams(
  names: readonly string[],
  calibrated: Readonly<Record<string, Distribution>>,
  fixed: Readonly<Record<string, Distribution>>,
): { params: Record<string, Distribution>; notes: string[] } {
  const params: Record<string, Distribution> = {};
  const kept: string[] = [];
  for (const name of names) {
    if (fixed[name] !== undefined) {
      params[name] = fixed[name];
      kept.push(name);
    } else if (calibrated[name] !== undefined) {
      params[name] = calibrated[name];
    }
  }
  return { params, notes: kept.length > 0 ? [calibrationNotes.fixedKept(kept)] : [] };
}

/**
 * What a law's calibrate hands back: its base level; the parameters `names`, each from `fixed` when
 * given, otherwise calibrated (calibratedParams); the evidence, the base's then the law's own; the
 * notes, the law's then which parameters were kept as fixed.
 */
export function lawCalibration(
  law: LawName,
  base: BaseLevel,
  names: readonly string[],
  calibrated: Readonly<Record<string, Distribution>>,
  fixed: Readonly<Record<string, Distribution>>,
  evidence: readonly EvidenceItem[],
  notes: readonly string[],
): Calibration {
  const merged = calibratedParams(names, calibrated, fixed);
  return {
    law,
    baseYear: base.baseYear,
    base: base.base,
    params: merged.params,
    evidence: [...base.evidence, ...evidence],
    notes: [...notes, ...merged.notes],
  };
}
