// `forecast explain`: a scenario laid bare — resolved values, where each came from, calibrated uncertainty and evidence.
import { Document, isMap, isPair, isScalar, isSeq, visit, type YAMLMap } from 'yaml';
import { formatPath } from '../io/yaml-document.js';
import type { PreparedModel, PreparedVariable } from '../model/prepared-model.js';
import type { Distribution } from '../model/distribution.js';
import { distributionQuantile } from '../simulate/distributions/sample-distribution.js';
import type { SourceLocation } from '../spec/model-spec.js';
import type { ScenarioSpec } from '../spec/scenario-spec.js';
import { startAssumption } from '../spec/validate-scenario-against-model.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import { distributionMean } from '../simulate/distributions/distribution-mean.js';
import { distributionMgf } from '../simulate/distributions/distribution-mgf.js';
import { modelRemovalsOf } from '../spec/variable-under-scenario.js';
import { driverCorrelations, driverPilotDraws } from './driver-correlations.js';

const show = (value: number) => (Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value));
const at = (location: SourceLocation) => `${location.file}:${location.line}:${location.col}`;

/**
 * The text `forecast explain` prints for one scenario:
 * 1. the scenario, its chain of files, model, horizon, draws and seed;
 * 2. the fully resolved scenario (after `extends`) as YAML;
 * 3. every variable: law or formula, base year and base level, and each parameter with its final
 *    distribution, its p05 / p50 / p95, and where it came from — `file:line:col` for scenario
 *    assumptions, `model (file:line:col of the variable)` for the model file, `calibrated` for a fit;
 * 4. the calibration's evidence (year, what, value, weight) and notes;
 * 5. the shocks, each with its place in the file;
 * 6. every `null` that removes an inherited setting, with what it removes;
 * 7. the shared drivers: factor, persistence, each loading as the formula it applies, and the
 *    correlation they induce between the loaded variables (a pilot run with and without them, and
 *    the added covariance in closed form for growth loadings).
 * Given `withoutAssumptions` (the same model prepared with none of the scenario's assumptions and
 * shocks), every assumption and shock is marked `changes the run` or `no effect` with the reason.
 * @example explainScenario(scenario, prepared).split('\n')[0]; // => 'scenario optimistic — Policy push — AI investment keeps growth near its 2023 pace'
 */
export function explainScenario(scenario: ScenarioSpec, model: PreparedModel, withoutAssumptions?: PreparedModel): string {
  const lines: string[] = [];
  // 1.
  lines.push(`scenario ${scenario.scenario}${scenario.description ? ` — ${scenario.description}` : ''}`);
  if (scenario.rationale) lines.push(...wrap(scenario.rationale.trim(), 96).map((line) => `  ${line}`));
  lines.push(`  files    ${scenario.chain.join(' → extends → ')}`);
  lines.push(`  model    ${scenario.model} (${model.spec.model}), horizon ${scenario.horizon}, draws ${scenario.draws}, seed ${scenario.seed}`);
  lines.push('');
  // 2.
  lines.push('resolved scenario (after extends; # where each value was written):');
  for (const line of resolvedYaml(scenario).trimEnd().split('\n')) lines.push(`  ${line}`);
  lines.push('');
  // 3–4.
  lines.push('variables (p05 / p50 / p95 of each distribution; origin: where the value came from):');
  const byName = new Map(model.variables.map((v) => [v.spec.name, v]));
  for (const spec of model.spec.variables) {
    const variable = byName.get(spec.name);
    if (variable) lines.push(...explainVariable(variable, scenario, model, withoutAssumptions?.variables.find((v) => v.spec.name === spec.name)));
  }
  // 5.
  if (scenario.shocks.length > 0) {
    lines.push('');
    lines.push('shocks:');
    for (const shock of scenario.shocks) {
      const parts = [
        shock.growth ? `growth ${describeDistribution(shock.growth)}` : '',
        shock.level ? `level ${describeDistribution(shock.level)}` : '',
      ].filter(Boolean);
      // A shock is checked to fall in a simulated year of its variable (check-before-simulating.ts):
      // it changes the run unless every part of it is exactly 0.
      const isZero = (d?: Distribution) => d === undefined || (d.dist === 'constant' && d.value === 0);
      const effect = withoutAssumptions ? (isZero(shock.growth) && isZero(shock.level) ? ' — no effect: a shock of 0' : ' — changes the run') : '';
      lines.push(`  ${shock.variable} ${shock.year}: ${parts.join(', ')}${shock.note ? ` — ${shock.note}` : ''}  (${at(shock.location)})${effect}`);
    }
  }
  // 6.
  if ((scenario.removals ?? []).length > 0) {
    lines.push('');
    lines.push('removed (null: the setting the scenario would inherit is taken away):');
    for (const removal of scenario.removals ?? []) {
      const what = removal.removes ? `the value of ${at(removal.removes)}` : `the model's ${removal.path[2]} of ${removal.path[1]}`;
      lines.push(`  ${formatPath(removal.path)}  removes ${what}  (${at(removal.location)})`);
    }
  }
  // 7.
  if (model.drivers && model.drivers.length > 0) lines.push('', ...explainDrivers(scenario, model));
  return lines.join('\n') + '\n';
}

/** The drivers section of `forecast explain` (see explainScenario, step 7). */
function explainDrivers(scenario: ScenarioSpec, model: PreparedModel): string[] {
  const lines = ['drivers (shared factors: each moves its variables together, never their centre):'];
  for (const driver of model.drivers ?? []) {
    const mean = distributionMean(driver.factor);
    lines.push(`  ${driver.name}${driver.description ? ` — ${driver.description}` : ''}  (${at(driver.location)})`);
    lines.push(
      `    factor ${describeDistribution(driver.factor)} each year, persistence ${show(driver.persistence)} ` +
        `(${driver.persistence === 0 ? 'a fresh value every year' : driver.persistence === 1 ? 'one value per draw for every year' : 'AR(1) of its normal score'}; stream seed, driver:${driver.name}, factor)`,
    );
    for (const loading of driver.loadings) {
      const formula =
        loading.effect === 'growth'
          ? `log growth += ${show(loading.loading)}·(f − ${show(mean)})`
          : `rate × exp(${show(loading.loading)}·f) / ${show(distributionMgf(driver.factor, loading.loading))}`;
      lines.push(`    ${loading.variable.padEnd(24)} ${loading.effect.padEnd(6)} ${formula.padEnd(44)} (${at(loading.location)})`);
    }
  }
  const correlations = driverCorrelations(model, scenario.seed, scenario.shocks);
  if (correlations.length > 0) {
    lines.push(
      `  correlation of yearly movement (a level's log growth, a count's yearly value), every year both move in pooled, ` +
        `pilot of ${driverPilotDraws} draws (seed ${scenario.seed}), with the drivers and without:`,
    );
    for (const c of correlations) {
      const covariance = c.drivenCovariance !== undefined ? `; added covariance of log growth ${show(c.drivenCovariance)} a year (Σ λ·λ·Var f)` : '';
      lines.push(`    ${`${c.first} × ${c.second}`.padEnd(48)} ${c.firstYear}–${c.lastYear}  ${signed(c.withDrivers)} with, ${signed(c.withoutDrivers)} without${covariance}`);
    }
  }
  return lines;
}

const signed = (value: number) => (Number.isFinite(value) ? `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}` : 'n/a');

/** Splits a paragraph into lines of at most `width` characters, at spaces. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The resolved scenario as YAML, each value followed by `# file:line` of the file in the chain that
 * wrote it; distributions and list items on one line each (they are replaced whole by `extends`).
 * @example resolvedYaml(optimistic).split('\n')[3]; // => 'horizon: 2030 # scenarios/baseline.yaml:9'
 */
export function resolvedYaml(scenario: ScenarioSpec): string {
  const doc = new Document(scenario.resolved);
  const where = (path: readonly (string | number)[]) => {
    const location = scenario.valueLocations?.[formatPath(path)];
    return location ? ` ${location.file}:${location.line}` : undefined;
  };
  const isDistribution = (node: unknown) => isMap(node) && node.items.some((pair) => isScalar(pair.key) && pair.key.value === 'dist');
  const pathOf = (ancestors: readonly unknown[], key: unknown): (string | number)[] => {
    const path: (string | number)[] = [];
    for (const node of ancestors) if (isPair(node) && isScalar(node.key)) path.push(String(node.key.value));
    if (isScalar(key)) path.push(String(key.value));
    return path;
  };
  visit(doc, {
    Pair(_, pair, ancestors) {
      const path = pathOf(ancestors, pair.key);
      const value = pair.value;
      if (isScalar(value)) {
        value.comment = where(path);
        return undefined;
      }
      if (isDistribution(value)) {
        (value as YAMLMap).flow = true;
        (value as YAMLMap).comment = where(path);
        return visit.SKIP;
      }
      if (isSeq(value)) {
        value.items.forEach((item, index) => {
          if (isMap(item) || isSeq(item)) item.flow = true;
          if (isMap(item) || isSeq(item) || isScalar(item)) item.comment = where([...path, index]);
        });
        return visit.SKIP;
      }
      return undefined;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/**
 * Whether a scenario assumption changed the run: its final distribution against the one the same
 * parameter has without the scenario's assumptions (the model's value, or calibration's).
 */
function effectOf(parameter: string, final: Distribution | undefined, without: PreparedVariable | undefined): string {
  if (!without) return '';
  const before = parameter === startAssumption ? without.base : without.params[parameter];
  if (before === undefined || JSON.stringify(before) !== JSON.stringify(final)) return ' — changes the run';
  const source = parameter === startAssumption ? (without.spec.start ? 'the model' : 'the data') : without.origins[parameter] === 'model' ? 'the model' : 'calibration';
  return ` — no effect: the same as ${source} gives`;
}

function explainVariable(variable: PreparedVariable, scenario: ScenarioSpec, model: PreparedModel, without?: PreparedVariable): string[] {
  const { spec } = variable;
  const name = spec.name;
  const switched = scenario.laws?.[name];
  const modelLaw = model.spec.variables.find((v) => v.name === name)?.law;
  const lawLocation = scenario.provenance[`${name}.law`];
  const how = variable.formula
    ? `formula ${spec.formula}`
    : switched !== undefined && lawLocation
      ? `law ${spec.law} (scenario ${at(lawLocation)}; the model's law is ${modelLaw})`
      : `law ${spec.law}`;
  const lines = [`  ${name} [${spec.unit}] — ${how}${variable.baseYear !== undefined ? `, base year ${variable.baseYear}` : ''}, simulated from ${variable.firstYear}`];
  // Calibration fills a parameter it has no data for with a documented default, and says so in a
  // note ("default persistence = 0: …"): shown as `default`, not as if it were fitted.
  const defaults = new Set((variable.calibration?.notes ?? []).flatMap((note) => /^default (\w+) = /.exec(note)?.[1] ?? []));
  const originText = (parameter: string, origin: string): string => {
    const location = scenario.provenance[`${name}.${parameter}`];
    if (origin === 'scenario' && location) return `scenario ${at(location)}${effectOf(parameter, parameter === startAssumption ? variable.base : variable.params[parameter], without)}`;
    if (origin === 'model') return `model ${at(spec.location)}`;
    if (origin === 'calibrated' && defaults.has(parameter)) return 'default (calibration has no data for it; see notes)';
    return origin;
  };
  const row = (parameter: string, distribution: Distribution, origin: string) =>
    `    ${parameter.padEnd(20)} ${describeDistribution(distribution).padEnd(44)} ${quantiles(distribution).padEnd(30)} ${originText(parameter, origin)}`;

  if (variable.base) {
    const origin = scenario.assumptions[name]?.[startAssumption] ? 'scenario' : spec.start ? 'model' : 'calibrated';
    lines.push(row(startAssumption, variable.base, origin));
  }
  for (const [parameter, distribution] of Object.entries(variable.params)) {
    lines.push(row(parameter, distribution, variable.origins[parameter] ?? 'default'));
  }
  for (const key of modelRemovalsOf(scenario, name)) {
    const removal = scenario.removals!.find((r) => !r.removes && r.path[1] === name && r.path[2] === key)!;
    lines.push(`    ${key.padEnd(20)} ${"the model's value removed".padEnd(44)} ${''.padEnd(30)} scenario ${at(removal.location)}`);
  }
  const calibration = variable.calibration;
  if (calibration && calibration.evidence.length > 0) {
    lines.push('    evidence:');
    for (const item of calibration.evidence) {
      lines.push(`      ${item.year}  ${item.description}  (value ${show(item.value)}, weight ${show(item.weight)})`);
    }
  }
  if (calibration && calibration.notes.length > 0) {
    lines.push('    notes:');
    for (const note of calibration.notes) lines.push(`      - ${note}`);
  }
  return lines;
}

function quantiles(distribution: Distribution): string {
  if (distribution.dist === 'constant') return 'fixed';
  return [0.05, 0.5, 0.95].map((p) => show(distributionQuantile(distribution, p))).join(' / ');
}
