// Everything one scenario run produces, before it is written anywhere.
import type { SummaryRow } from './summary-row.js';
import type { TargetResult } from './target-result.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import type { PreparedModel } from './prepared-model.js';

export interface ScenarioResult {
  readonly scenario: ScenarioSpec;
  readonly model: PreparedModel;
  /** Mean and quantiles per variable and year; empty for a run that reads only its targets (RunOptions.targetsOnly). */
  readonly summaries: readonly SummaryRow[];
  readonly targets: readonly TargetResult[];
  /** Targets of the data set that this model cannot judge (no variable), by id, with the reason. */
  readonly skippedTargets: readonly { readonly id: string; readonly reason: string }[];
}
