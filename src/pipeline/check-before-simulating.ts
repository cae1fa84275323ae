// Everything `forecast run` checks before it simulates, as located problems: `forecast validate`
// runs exactly this, so a scenario that validates starts (docs/security.md, "one validation").
//
//   1 starting levels  each law variable has a level in the data as of the run, or a start
//   2 calibration      prepareModel: laws fitted on the data, the scenario laid over them
//   3 horizon          after every variable's base year
//   4 starts           inside the levels the law produces (positive, or whole counts ≥ 0)
//   5 shocks           in a year the variable is simulated
//   6 targets          each judged target's unit converts to its variable's
//   7 size             draws × variables × years, and the values held for the draws, within the limits (before any column)
import { yearLevels } from '../data/year-levels.js';
import type { DataSet } from '../data/types.js';
import { didYouMean } from '../errors/did-you-mean.js';
import { InputError } from '../errors/input-error.js';
import { messages, runMessages } from '../errors/messages.js';
import { commandLineFile, type Problem } from '../errors/problem.js';
import { codeFrame } from '../io/code-frame.js';
import { activeLimits, raiseHint } from '../io/limits.js';
import { exactQuantileMaxDraws, valuesHeldPerSummary } from '../evaluate/quantile-summaries.js';
import { trackedSummaries } from '../evaluate/track-target.js';
import { formatPath } from '../io/yaml-document.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import { lowestPlausible } from '../spec/lowest-plausible.js';
import type { ModelSpec, SourceLocation, VariableSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { variableUnderScenario } from '../spec/variable-under-scenario.js';
import { judgedTargets } from './judged-targets.js';
import { observedSeries, prepareModel } from './prepare-model.js';
import type { PreparedModel } from '../model/prepared-model.js';

export interface PreflightInputs {
  readonly model: ModelSpec;
  readonly scenario: ScenarioSpec;
  /** The data as of the run's date. */
  readonly data: DataSet;
  /** The data before `--as-of` filtered it (to say when a missing level was first published). */
  readonly fullData: DataSet;
  readonly asOf?: string;
  /** `--draws`, when the command line overrides the scenario's. */
  readonly draws?: number;
  /** `--exact-quantiles`: every summary keeps every draw (the limit on held values counts them). */
  readonly exactQuantiles?: boolean;
  /** The command pairs the draws of runs (`compare`, `sensitivity`): it keeps each judged target's per-draw outcome. */
  readonly pairsDraws?: boolean;
  /** The text of an input file, for code frames (undefined: no frame). */
  readonly textOf?: (file: string) => string | undefined;
}

/** What the checks found, and the size of one path (for limits on what a run keeps of its draws). */
export interface PreflightResult {
  /** Every problem, each with a file and line (or the command line and its flag); empty when the run will start. */
  readonly problems: readonly Problem[];
  /** Values one draw holds over the run: every variable's base level and simulated years (0 when not prepared). */
  readonly pointsPerDraw: number;
}

/**
 * Runs every check `forecast run` makes before simulating one scenario.
 * @example checkBeforeSimulating({ model, scenario, data, fullData: data }).problems; // => [] for the shipped scenarios
 */
export function checkBeforeSimulating(inputs: PreflightInputs): PreflightResult {
  const { model, scenario, data } = inputs;
  const framed = (location: SourceLocation, field: string, message: string, hint?: string): Problem => {
    const text = inputs.textOf?.(location.file);
    const frame = text === undefined ? undefined : codeFrame(text, location.line, location.col, restOfLine(text, location));
    return { file: location.file, line: location.line, col: location.col, field, message, ...(hint !== undefined && { hint }), ...(frame ? { frame } : {}) };
  };
  const atScenario = (key: string, field: string, message: string, hint?: string): Problem => {
    const keyed = scenario.keyLocations?.[key];
    if (keyed) return { file: keyed.file, line: keyed.line, col: keyed.col, field, message, ...(hint !== undefined && { hint }), frame: keyed.frame };
    const location = scenario.valueLocations?.[key] ?? scenario.provenance[key];
    return location ? framed(location, field, message, hint) : { file: scenario.file, field, message, ...(hint !== undefined && { hint }) };
  };

  // 1. The series the model names exist; a starting level for every law variable.
  const unknown = model.variables.flatMap((variable) => unknownSeries(variable, inputs.fullData, framed));
  if (unknown.length > 0) return { problems: unknown, pointsPerDraw: 0 };
  const missing = model.variables.flatMap((variable) => missingStart(variableUnderScenario(variable, scenario), inputs, framed));
  if (missing.length > 0) return { problems: missing, pointsPerDraw: 0 };

  // 2. Calibration and the scenario's assumptions.
  let prepared: PreparedModel;
  try {
    prepared = prepareModel(model, data, scenario);
  } catch (error) {
    // Calibration problems come located at the variable (prepareModel): add the code frame.
    if (error instanceof InputError) {
      const problems = error.problems.map((p) => (p.frame || p.line === undefined ? p : framed({ file: p.file, line: p.line, col: p.col ?? 1 }, p.field ?? '', p.message, p.hint)));
      return { problems, pointsPerDraw: 0 };
    }
    throw error;
  }
  const problems: Problem[] = [];

  // 3. The horizon must leave every variable a year to project.
  let horizonBroken = false;
  const lastBase = Math.max(...prepared.variables.filter((v) => v.law && v.baseYear !== undefined).map((v) => v.baseYear!));
  if (Number.isFinite(lastBase) && scenario.horizon <= lastBase) {
    const owner = prepared.variables.find((v) => v.law && v.baseYear === lastBase)!;
    problems.push(atScenario('horizon', 'horizon', runMessages.horizonBeforeBase(lastBase, owner.spec.name, scenario.horizon)));
    horizonBroken = true;
  }

  // 4. Starting levels inside the levels the law produces.
  for (const variable of prepared.variables) {
    if (!variable.law || !variable.base) continue;
    const lowest = lowestPlausible(variable.base);
    const broken = variable.law.levels === 'positive' ? !(lowest > 0) : variable.law.levels === 'count' ? !(lowest >= 0) : !Number.isFinite(lowest);
    if (!broken) continue;
    const rule = variable.law.levels === 'positive' ? runMessages.positiveStart(variable.law.name) : runMessages.countStart(variable.law.name);
    const name = variable.spec.name;
    const fromScenario = scenario.assumptions[name]?.start !== undefined;
    const shown = describeDistribution(variable.base);
    if (fromScenario) problems.push(atScenario(`${name}.start`, formatPath(['assumptions', name, 'start']), messages.mustBe(formatPath(['assumptions', name, 'start']), rule, shown)));
    else {
      const field = formatPath(['variables', name, 'start']);
      problems.push(framed(variable.spec.locations?.start ?? variable.spec.location, field, messages.mustBe(field, rule, shown)));
    }
  }

  // 5. Shocks act in a simulated year of their variable, or they would change nothing (with a horizon
  //    before the base year, no year is simulated: that problem is reported alone).
  if (!horizonBroken) scenario.shocks.forEach((shock, index) => {
    const variable = prepared.variables.find((v) => v.spec.name === shock.variable);
    if (!variable) return; // an unknown variable is reported by validateScenarioAgainstModel
    const first = variable.firstYear;
    if (shock.year >= first && shock.year <= prepared.horizon) return;
    const field = formatPath(['shocks', index, 'year']);
    problems.push(
      atScenario(`shocks[${index}].year`, field, runMessages.shockYear(field, shock.variable, first, prepared.horizon, shock.year), variable.baseYear !== undefined && shock.year <= variable.baseYear ? runMessages.shockOnRecord(variable.baseYear) : undefined),
    );
  });

  // 6. Targets the model judges: their units convert (the region and kind rules live in judgedTargets).
  //    Each holds a quantile summary of its judged quantity, and one of its growth factor when it keeps one.
  let judged = 0;
  let trackerSummaries = 0;
  try {
    const found = judgedTargets(prepared, data).judged;
    judged = found.length;
    for (const { target, variable } of found) trackerSummaries += trackedSummaries(target, variable, observedSeries(data, variable.spec.series));
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }

  // 7. Size: checked before a single column is allocated. Time grows with draws × variables × years;
  //    memory only with the values held for the draws (valuesHeldPerSummary: every draw when quantiles
  //    are exact, else the pilot's), one summary per variable and year and one or two per judged target.
  const limits = activeLimits();
  const draws = inputs.draws ?? scenario.draws;
  const variables = prepared.variables.length;
  const years = Math.max(0, prepared.horizon - prepared.firstYear + 1);
  const pointsPerDraw = prepared.variables.reduce((sum, v) => sum + Math.max(0, prepared.horizon - v.firstYear + 1) + (v.baseYear !== undefined ? 1 : 0), 0);
  const held: HeldValues = {
    draws: valuesHeldPerSummary(draws, inputs.exactQuantiles ?? false),
    summaries: pointsPerDraw + trackerSummaries,
    pairedDraws: inputs.pairsDraws ? draws : 0,
    // Per draw, each judged target's outcome with its met flag or rank, and an input's sample with its
    // ranks (sensitivity): `compare` of two scenarios measured 150 bytes a draw per scenario with 9 targets.
    pairedPerDraw: inputs.pairsDraws ? 2 * judged + 2 : 0,
  };
  const totalHeld = heldValues(held);
  const sizeProblem = (message: string, hint: string): Problem =>
    inputs.draws !== undefined ? { file: commandLineFile, field: '--draws', message, hint } : atScenario('draws', 'draws', message, hint);
  if (draws * variables * years > limits.drawVariableYears) {
    problems.push(sizeProblem(runMessages.drawVariableYears(limits.drawVariableYears, draws, variables, years), `${raiseHint('drawVariableYears')}; or lower the draws or the horizon`));
  } else if (totalHeld > limits.heldValues) {
    const exactly = inputs.exactQuantiles && draws > exactQuantileMaxDraws ? '; or leave out --exact-quantiles' : '';
    problems.push(sizeProblem(runMessages.heldValues(limits.heldValues, totalHeld, held), `${raiseHint('heldValues')}; or lower the draws${exactly}`));
  }
  return { problems, pointsPerDraw };
}

/** What a scenario run holds at once for its draws: `draws` values per summary, and per-draw outcomes when it pairs runs. */
interface HeldValues {
  readonly draws: number;
  readonly summaries: number;
  readonly pairedDraws: number;
  readonly pairedPerDraw: number;
}

/** The number of values HeldValues holds (the limit `heldValues` bounds it). */
function heldValues(held: HeldValues): number {
  return held.draws * held.summaries + held.pairedDraws * held.pairedPerDraw;
}

/** Columns from `col` to the end of its line, for the caret under a value. */
function restOfLine(text: string, location: SourceLocation): number {
  let start = 0;
  for (let line = 1; line < location.line; line++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return 1;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  const lineText = text.slice(start, end < 0 ? text.length : end);
  return Math.max(1, lineText.slice(location.col - 1).replace(/\s*(#.*)?$/, '').length);
}

/** Series named by a variable (its own, and those informing its growth) that data/series.csv does not list. */
function unknownSeries(variable: VariableSpec, data: DataSet, framed: (location: SourceLocation, field: string, message: string, hint?: string) => Problem): Problem[] {
  const known = new Set(data.series.map((s) => s.id));
  const named: [string, string][] = [
    ...(variable.series !== undefined ? [['series', variable.series] as [string, string]] : []),
    ...variable.growthSeries.map((series, index): [string, string] => [`calibrate.growthSeries[${index}]`, series]),
  ];
  return named
    .filter(([, series]) => !known.has(series))
    .map(([key, series]) => {
      const field = `${formatPath(['variables', variable.name])}.${key}`;
      return framed(variable.locations?.[key] ?? variable.location, field, messages.unknownReference(field, 'series (data/series.csv)', series), didYouMean(series, known));
    });
}

/**
 * A law variable with a data series but no full-year level of it in the data as of the run, and no
 * start: the message says which series, when its first level was published, and the way out.
 */
function missingStart(variable: VariableSpec, inputs: PreflightInputs, framed: (location: SourceLocation, field: string, message: string, hint?: string) => Problem): Problem[] {
  if (variable.law === 'formula' || variable.formula !== undefined || variable.series === undefined || variable.start !== undefined) return [];
  if (inputs.scenario.startYears?.[variable.name] !== undefined) return [];
  const levelsIn = (data: DataSet) => {
    const rows = observedSeries(data, variable.series).filter((o) => variable.calibrateTo === undefined || o.year <= variable.calibrateTo);
    const { points, bounds } = yearLevels(rows);
    return [...points, ...bounds];
  };
  if (levelsIn(inputs.data).length > 0) return [];
  const field = formatPath(['variables', variable.name]);
  const example = `assumptions: { ${variable.name}: { start: { year: …, value: … } } }`;
  const everKnown = levelsIn(inputs.fullData).sort((a, b) => (a.observation.published < b.observation.published ? -1 : a.observation.published > b.observation.published ? 1 : 0));
  if (inputs.asOf !== undefined && everKnown.length > 0) {
    const first = everKnown[0].observation;
    return [
      framed(
        variable.location,
        field,
        runMessages.noLevelAsOf(field, variable.series, inputs.asOf, first.published, `${first.file}:${first.line}`),
        `use --as-of ${first.published} or later, or state the level in the scenario: ${example}`,
      ),
    ];
  }
  return [framed(variable.location, field, runMessages.noLevel(field, variable.series), `give the series a full-year level in the data, or state a start in the model or the scenario: ${example}`)];
}
