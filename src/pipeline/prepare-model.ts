// Step 3 of the pipeline: calibrate every variable on the data as of the run, then lay the scenario over it.
import type { DataSet, Observation } from '../data/types.js';
import { growthSeriesUse } from '../calibrate/growth-series-use.js';
import { InputError } from '../errors/input-error.js';
import { specMessages } from '../errors/messages.js';
import { ModelError } from '../errors/model-error.js';
import type { Problem } from '../errors/problem.js';
import type { Calibration } from '../laws/law.js';
import { laws } from '../laws/registry.js';
import { compileFormula, type CompiledFormula } from '../simulate/formulas/compile-formula.js';
import type { Distribution } from '../model/distribution.js';
import type { ModelSpec, VariableSpec } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { variableUnderScenario } from '../spec/variable-under-scenario.js';
import type { ParameterOrigin, PreparedModel, PreparedVariable } from '../model/prepared-model.js';

/**
 * The rows of one series calibration may read: outturns and estimates (an estimate stands for its
 * year only until an outturn arrives: src/data/year-levels.ts). External forecasts are drawn beside
 * ours, never calibrated on.
 */
export function observedSeries(data: DataSet, series: string | undefined): readonly Observation[] {
  if (!series) return [];
  let bySeries = observedBySeries.get(data);
  if (!bySeries) {
    const rows = new Map<string, Observation[]>();
    for (const o of data.observations) {
      if (o.kind === 'externalForecast') continue;
      const list = rows.get(o.series);
      if (list) list.push(o);
      else rows.set(o.series, [o]);
    }
    // Frozen: what is worked out from them (their levels) is kept (keptFor, src/data/year-levels.ts).
    for (const list of rows.values()) Object.freeze(list);
    bySeries = rows;
    observedBySeries.set(data, bySeries);
  }
  return bySeries.get(series) ?? [];
}

/**
 * observedSeries' rows of each series of a data set, found in one pass: a data set is read-only once
 * loaded, and each variant of a sweep calibrates on it again (filtering every observation for each
 * series it reads took an eighth of a sweep of small variants). The same frozen array each time, so
 * what is worked out from it (its levels) is kept too.
 */
const observedBySeries = new WeakMap<DataSet, Map<string, readonly Observation[]>>();

/**
 * Calibrates each variable's law on its history, then applies parameters in order of precedence:
 * calibration < model file `params` < scenario `assumptions` (the later wins, and its origin is kept).
 * A variable is taken as the scenario makes it (variableUnderScenario): its law switched, the model
 * settings the scenario removes left out. The scenario's shared drivers go with the model.
 * Orders variables so that every formula comes after the variables it uses in the same year.
 * @throws InputError at the variable's line when a law cannot be calibrated on the data (too few points, …)
 * @throws InputError when a series named in calibrate.growthSeries has observations but contributes nothing
 */
export function prepareModel(model: ModelSpec, data: DataSet, scenario: ScenarioSpec): PreparedModel {
  const known = prepared.get(model)?.get(data)?.get(scenario);
  if (known) return known;
  try {
    const result = prepareModelUnlocated(model, data, scenario);
    const byData = prepared.get(model) ?? new WeakMap<DataSet, WeakMap<ScenarioSpec, PreparedModel>>();
    const byScenario = byData.get(data) ?? new WeakMap<ScenarioSpec, PreparedModel>();
    byScenario.set(scenario, result);
    byData.set(data, byScenario);
    prepared.set(model, byData);
    return result;
  } catch (error) {
    // A law that cannot be calibrated is a problem of the model's variable: located there, so every
    // command reports it at file:line (a ModelError alone names no file).
    if (!(error instanceof ModelError)) throw error;
    const variable = model.variables.find((v) => v.name === error.variable);
    const field = `variables.${error.variable}`;
    const where = variable ? { file: variable.location.file, line: variable.location.line, col: variable.location.col } : { file: model.file };
    throw new InputError([{ ...where, field, message: `${field} ${error.message.replace(/^\S+ /, '')}` }]);
  }
}

// Specs and data sets are read-only once loaded, and a prepared model is only read: `forecast run`
// prepares each scenario for its checks (checkBeforeSimulating) and again to simulate it, so the
// first preparation of the same three objects is kept (calibration, formulas compiled).
const prepared = new WeakMap<ModelSpec, WeakMap<DataSet, WeakMap<ScenarioSpec, PreparedModel>>>();

function prepareModelUnlocated(model: ModelSpec, data: DataSet, scenario: ScenarioSpec): PreparedModel {
  const names = model.variables.map((v) => v.name);
  const unordered = new Map<string, PreparedVariable>();
  const problems: Problem[] = [];

  for (const modelVariable of model.variables) {
    const spec = variableUnderScenario(modelVariable, scenario);
    const assumptions = scenario.assumptions[spec.name] ?? {};
    const { start: startAssumption, ...scenarioParams } = assumptions;
    const startOverride = startAssumption ?? spec.start?.value;
    // A scenario's `start: { year, value }` replaces the model's start (and the data's base level).
    const startYear = scenario.startYears?.[spec.name];
    const start = startYear !== undefined && startAssumption ? { year: startYear, value: startAssumption } : spec.start;

    if (spec.law === 'formula' || spec.formula !== undefined) {
      // From the tree the model kept (no parse: mathjs stays unloaded for a model read from the cache).
      const formula = compileFormula(
        spec.formula ?? '',
        { variables: names, params: [...new Set([...Object.keys(spec.params), ...Object.keys(scenarioParams)])] },
        spec.formulaTree,
      );
      const params: Record<string, Distribution> = { ...spec.params, ...scenarioParams };
      const origins = originsOf(spec.params, scenarioParams, {});
      unordered.set(spec.name, {
        spec,
        formula,
        params,
        origins,
        baseYear: start?.year,
        base: startOverride,
        firstYear: Number.NaN, // set below, once inputs are known
      });
      continue;
    }

    const law = laws[spec.law];
    const fixed = { ...spec.params, ...scenarioParams };
    const growthEvidence = spec.growthSeries.flatMap((series) => observedSeries(data, series));
    let calibrated: Calibration;
    try {
      calibrated = law.calibrate({
        variable: spec.name,
        observations: observedSeries(data, spec.series),
        growthEvidence,
        fromYear: spec.calibrateFrom,
        toYear: spec.calibrateTo,
        fixed,
        start,
      });
    } catch (error) {
      // A law the scenario switched to, or a model setting it removed, that leaves calibration
      // without what it needs: the fix is in the scenario, so the problem points there.
      const problem = error instanceof ModelError ? scenarioChangeProblem(scenario, spec.name, error) : undefined;
      if (!problem) throw error;
      problems.push(problem);
      continue;
    }
    // A growth series that contributes nothing is said (explain) or refused (an input error).
    const use = growthSeriesUse(spec, calibrated, growthEvidence);
    problems.push(...use.problems);
    const calibration = use.notes.length > 0 ? { ...calibrated, notes: [...calibrated.notes, ...use.notes] } : calibrated;
    const params: Record<string, Distribution> = { ...calibration.params, ...spec.params, ...scenarioParams };
    unordered.set(spec.name, {
      spec,
      law,
      calibration,
      params,
      origins: originsOf(spec.params, scenarioParams, calibration.params),
      baseYear: calibration.baseYear,
      base: startOverride ?? calibration.base,
      firstYear: calibration.baseYear + 1,
    });
  }

  if (problems.length > 0) throw new InputError(problems);
  const ordered = orderByDependencies(model, unordered);
  const firstYear = Math.min(...ordered.map((v) => v.firstYear));
  return { spec: model, variables: ordered, firstYear, horizon: scenario.horizon, ...(scenario.drivers && scenario.drivers.length > 0 && { drivers: scenario.drivers }) };
}

/**
 * A calibration failure caused by the scenario's change to a variable (a law switch, a removed
 * model setting), located at that change; undefined when the scenario changed nothing there.
 */
function scenarioChangeProblem(scenario: ScenarioSpec, variable: string, error: ModelError): Problem | undefined {
  const lawLocation = scenario.keyLocations?.[`${variable}.law`];
  const detail = error.message.replace(/^[^:]*: /, '');
  if (scenario.laws?.[variable] !== undefined && lawLocation) {
    const field = `assumptions.${variable}.law`;
    return { ...lawLocation, field, message: specMessages.lawNotCalibrated(field, detail, scenario.laws[variable]), hint: 'give the parameters it cannot calibrate beside the law' };
  }
  const removal = (scenario.removals ?? []).find((r) => !r.removes && r.path[1] === variable);
  if (!removal) return undefined;
  const field = removal.path.join('.');
  return { ...removal.location, field, message: specMessages.removedRequired(field, `${variable} cannot do without it: ${detail}`) };
}

function originsOf(
  modelParams: Readonly<Record<string, Distribution>>,
  scenarioParams: Readonly<Record<string, Distribution>>,
  calibrated: Readonly<Record<string, Distribution>>,
): Record<string, ParameterOrigin> {
  const origins: Record<string, ParameterOrigin> = {};
  for (const key of Object.keys(calibrated)) origins[key] = 'calibrated';
  for (const key of Object.keys(modelParams)) origins[key] = 'model';
  for (const key of Object.keys(scenarioParams)) origins[key] = 'scenario';
  return origins;
}

/**
 * Topological order over same-year formula inputs (lagged inputs impose no order), and each
 * formula's first year: the first year every same-year input has values and every lagged input
 * has a value the year before.
 */
function orderByDependencies(model: ModelSpec, variables: Map<string, PreparedVariable>): PreparedVariable[] {
  const ordered: PreparedVariable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const firstYears = new Map<string, number>();
  const availableFrom = (name: string): number => {
    const v = variables.get(name)!;
    return v.baseYear !== undefined && v.formula === undefined ? v.baseYear : firstYears.get(name)!;
  };

  const visit = (spec: VariableSpec): void => {
    if (state.get(spec.name) === 'done') return;
    if (state.get(spec.name) === 'visiting') throw new ModelError(spec.name, 'formula', 'formulas refer to each other in the same year; use lag(x) for last year\'s value');
    state.set(spec.name, 'visiting');
    const prepared = variables.get(spec.name)!;
    const formula: CompiledFormula | undefined = prepared.formula;
    let firstYear = prepared.firstYear;
    if (formula) {
      for (const input of formula.inputs) visit(model.variables.find((v) => v.name === input)!);
      const starts = [
        ...formula.inputs.map((input) => firstYears.get(input)!),
        ...formula.lagged.filter((input) => input !== spec.name).map((input) => availableFrom(input) + 1),
      ];
      if (formula.lagged.includes(spec.name)) {
        if (prepared.baseYear === undefined) throw new ModelError(spec.name, 'formula', 'lag() of itself needs a `start` (year and value) or a series');
        starts.push(prepared.baseYear + 1);
      }
      firstYear = starts.length > 0 ? Math.max(...starts) : Number.NaN;
      if (!Number.isFinite(firstYear)) throw new ModelError(spec.name, 'formula', 'uses no variable, so it has no first year; give it a `start`');
    }
    firstYears.set(spec.name, firstYear);
    ordered.push({ ...prepared, firstYear });
    state.set(spec.name, 'done');
  };
  for (const spec of model.variables) visit(spec);
  return ordered;
}
