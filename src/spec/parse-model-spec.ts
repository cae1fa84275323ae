// Step 2 for a model file: YAML text → a checked, frozen ModelSpec, every problem in the file at once.
//
//   1 parse YAML with positions            (syntax errors stop here)
//   2 check the shape with the zod schema  (types, unknown keys, distributions)
//   3 check what a schema cannot say       (law vs formula, series or start, parameter names,
//                                            formula names and functions, same-year formula cycles)
//   4 build the spec in file order, frozen
import { didYouMean } from '../errors/did-you-mean.js';
import { InputError } from '../errors/input-error.js';
import { messages, specMessages } from '../errors/messages.js';
import type { Problem } from '../errors/problem.js';
import { codeFrame } from '../io/code-frame.js';
import { cachedByContent, contentCacheOn } from '../io/content-cache.js';
import { activeLimits } from '../io/limits.js';
import { formatPath, parseYamlDocument, type PathSegment, type YamlDocument } from '../io/yaml-document.js';
import type { LawName } from '../laws/law.js';
import { analyzeFormula, type FormulaAnalysis } from '../simulate/formulas/compile-formula.js';
import { formulaIssueHint, formulaIssueMessage, type FormulaIssue } from '../simulate/formulas/formula-error.js';
import { describeDistribution } from '../simulate/distributions/describe-distribution.js';
import { deepFreeze } from './deep-freeze.js';
import { parameterRangeRule } from './parameter-range.js';
import { isLawName, lawParameterNames } from './law-parameter-names.js';
import type { ModelSpec, SourceLocation, VariableSpec } from './model-spec.js';
import { specSchemas, type ModelFile, type VariableFile } from './schemas.js';
import { implausibleBareNumbers } from './implausible-bare-numbers.js';
import { parameterUnit, withUnitHints } from './bare-range-hint.js';
import { locateIssues, specIssuesFromZod, valueAt } from './zod-problems.js';

type RawMap = Record<string, unknown>;

const isMap = (value: unknown): value is RawMap => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Parses and checks a model file (models/*.yaml).
 * @param file path shown in messages (relative to the project)
 * @param text the file's YAML text
 * @returns the model, its variables in file order, frozen
 * @throws InputError listing every problem in the file, each with file:line:col, the rule and the value
 * @example parseModelSpec('m.yaml', 'model: m\nregion: Beijing\nvariables:\n  x: { unit: 亿元, law: linear, series: s }\n').variables[0].law;
 * // => 'linear'
 */
export function parseModelSpec(file: string, text: string): ModelSpec {
  // A pure function of the name shown, the text and the limits.
  const limits = JSON.stringify(activeLimits());
  // Kept in the content cache (only a model without problems is stored; a stored one comes back unfrozen).
  if (contentCacheOn()) return deepFreeze(cachedByContent('model-spec', [file, text, limits], () => checkModelText(file, text)));
  // Without it, the last few are kept in memory: `forecast validate` checks every model file, then
  // reads each again as a scenario's model, and the second read gets the first's frozen model.
  const key = `${file}\0${limits}\0${text}`;
  const kept = modelsKept.get(key);
  if (kept !== undefined) return kept;
  const model = checkModelText(file, text);
  if (modelsKept.size >= modelsKeptCount) modelsKept.delete(modelsKept.keys().next().value as string);
  modelsKept.set(key, model);
  return model;
}

/** Models kept in memory (oldest dropped first): a project has a few model files. */
const modelsKeptCount = 16;
const modelsKept = new Map<string, ModelSpec>();

/** parseModelSpec's work: the four steps above. */
function checkModelText(file: string, text: string): ModelSpec {
  const { modelFileSchema } = specSchemas();
  // 1. YAML
  const doc = parseYamlDocument(file, text);
  const problems: Problem[] = [];

  // 2. Shape
  const parsed = modelFileSchema.safeParse(doc.value);
  if (!parsed.success) {
    const issues = specIssuesFromZod(parsed.error.issues, modelFileSchema, doc.value, [], specMessages.modelFile);
    // A bare range's hint in the unit of its parameter (a rate's "5 to 10" is 5% to 10%).
    const unitAt = (path: readonly PathSegment[]) => {
      if (path[0] !== 'variables' || path[2] !== 'params' || typeof path[3] !== 'string') return undefined;
      const law = valueAt(doc.value, ['variables', path[1], 'law']);
      return parameterUnit(path[3], isLawName(law) && law !== 'formula' ? law : undefined);
    };
    problems.push(...locateIssues(doc, withUnitHints(issues, doc.value, unitAt)));
  }

  // 3. Rules across fields, on the raw value so they are reported alongside shape problems.
  const rawVariables = isMap(doc.value) && isMap(doc.value.variables) ? doc.value.variables : {};
  const analyses = new Map<string, FormulaAnalysis>();
  problems.push(...checkVariables(doc, rawVariables, analyses));

  if (problems.length > 0 || !parsed.success) throw new InputError(problems);

  // 4. Build, then check each law parameter against the range its law declares.
  // A bare number outside the plausible range is a unit slip (did you mean "25%"?); the hard range
  // applies to what is left.
  const model = buildModel(doc, file, parsed.data, analyses);
  const outOfRange: Problem[] = [];
  for (const variable of model.variables) {
    for (const [param, distribution] of Object.entries(variable.params)) {
      const path = ['variables', variable.name, 'params', param];
      const slips = implausibleBareNumbers(valueAt(doc.value, path), variable.law, param);
      for (const slip of slips) outOfRange.push(doc.problem([...path, ...slip.path], slip.render(formatPath([...path, ...slip.path])), slip.hint));
      const rule = slips.length > 0 ? undefined : parameterRangeRule(variable.law, param, distribution);
      if (rule) outOfRange.push(doc.problem(path, messages.mustBe(formatPath(path), rule, describeDistribution(distribution))));
    }
  }
  if (outOfRange.length > 0) throw new InputError(outOfRange);
  return deepFreeze(model);
}

/** The rules across fields; each formula's analysis (its tree among it) goes into `analyses`, by variable. */
function checkVariables(doc: YamlDocument, variables: RawMap, analyses: Map<string, FormulaAnalysis>): Problem[] {
  const problems: Problem[] = [];
  const names = Object.keys(variables);

  for (const name of names) {
    const raw = variables[name];
    if (!isMap(raw)) continue;
    const at = (...rest: PathSegment[]): PathSegment[] => ['variables', name, ...rest];
    const formula = typeof raw.formula === 'string' && raw.formula.length > 0 ? raw.formula : undefined;
    const law = raw.law;
    const params = isMap(raw.params) ? Object.keys(raw.params) : [];

    if (law === undefined && raw.formula === undefined) {
      problems.push(doc.problem(at(), specMessages.lawOrFormula(formatPath(at())), undefined, true));
    } else if (formula !== undefined && law !== undefined && law !== 'formula' && isLawName(law)) {
      problems.push(doc.problem(at('law'), specMessages.formulaLaw(formatPath(at('law')), law)));
    } else if (law === 'formula' && raw.formula === undefined) {
      problems.push(doc.problem(at('formula'), specMessages.formulaMissing(formatPath(at('formula'))), undefined, true));
    }

    if (isLawName(law) && law !== 'formula' && formula === undefined) {
      // A misspelt key (`serie:`) is already reported with its did-you-mean; do not add its consequence.
      const hasUnknownKey = Object.keys(raw).some((key) => !(key in specSchemas().variableSchema.shape));
      if (raw.series === undefined && raw.start === undefined && !hasUnknownKey) {
        problems.push(doc.problem(at(), specMessages.seriesOrStart(formatPath(at())), 'name a data series, or state a start: { year, value }', true));
      }
      const allowed = lawParameterNames[law];
      for (const param of params) {
        if (!allowed.includes(param)) {
          problems.push(doc.problem(at('params', param), specMessages.paramForLaw(formatPath(at('params', param)), law, allowed, param), didYouMean(param, allowed), true));
        }
      }
    }

    for (const param of params) {
      if (names.includes(param)) problems.push(doc.problem(at('params', param), specMessages.paramShadowsVariable(formatPath(at('params', param)), param), undefined, true));
    }

    if (formula !== undefined) {
      const analysis = analyzeFormula(formula, { variables: names, params });
      analyses.set(name, analysis);
      for (const issue of analysis.issues) problems.push(formulaProblem(doc, at('formula'), formula, issue));
      if (analysis.issues.every((issue) => issue.kind !== 'syntax')) {
        const used = new Set(analysis.params);
        for (const param of params) {
          if (!used.has(param) && !names.includes(param)) {
            problems.push(doc.problem(at('params', param), specMessages.paramOfFormula(formatPath(at('params', param)), param), didYouMean(param, analysis.unknownSymbols), true));
          }
        }
      }
    }

    const calibrate = raw.calibrate;
    if (isMap(calibrate) && Number.isInteger(calibrate.from) && Number.isInteger(calibrate.to) && (calibrate.to as number) < (calibrate.from as number)) {
      problems.push(doc.problem(at('calibrate', 'to'), specMessages.notBefore(formatPath(at('calibrate', 'to')), 'calibrate.from', calibrate.from as number, calibrate.to)));
    }
  }

  for (const cycle of formulaCycles(names, analyses)) {
    const path = ['variables', cycle[0], 'formula'];
    problems.push(doc.problem(path, specMessages.formulaCycle(formatPath(path), cycle), "use lag(x) for a variable's value a year before"));
  }
  return problems;
}

/**
 * Same-year dependency cycles among formulas (lagged uses impose no order), each once, starting
 * from its variable that comes first in the file: `['a', 'b', 'a']`.
 */
export function formulaCycles(order: readonly string[], analyses: ReadonlyMap<string, Pick<FormulaAnalysis, 'inputs'>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): void => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const input of analyses.get(name)?.inputs ?? []) {
      if (!analyses.has(input)) continue;
      if (state.get(input) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(input)), input];
        const members = cycle.slice(0, -1);
        // Rotate so the cycle starts at its first variable in file order; report each cycle once.
        const first = members.reduce((a, b) => (order.indexOf(a) <= order.indexOf(b) ? a : b));
        const start = members.indexOf(first);
        const rotated = [...members.slice(start), ...members.slice(0, start), first];
        const key = [...members].sort().join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(rotated);
        }
      } else if (state.get(input) !== 'done') visit(input);
    }
    stack.pop();
    state.set(name, 'done');
  };
  for (const name of order) if (analyses.has(name) && !state.has(name)) visit(name);
  return cycles;
}

/** Locates a formula issue at the name it concerns, inside the formula's YAML scalar when it is on one line. */
function formulaProblem(doc: YamlDocument, path: PathSegment[], formula: string, issue: FormulaIssue): Problem {
  const field = formatPath(path);
  const message = formulaIssueMessage(field, formula, issue);
  const hint = formulaIssueHint(issue);
  const where = doc.locate(path);
  const offset = where.width === formula.length ? 0 : where.width === formula.length + 2 ? 1 : undefined;
  if (offset === undefined || issue.index === undefined || issue.index < 0) return doc.problem(path, message, hint);
  const col = where.col + offset + issue.index;
  const width = issue.kind === 'syntax' ? 1 : 'text' in issue ? issue.text.length : 1;
  return { file: doc.file, line: where.line, col, field, message, hint, frame: codeFrame(doc.text, where.line, col, width) };
}

/** The locations of the fields checked after parsing, keyed by their path inside the variable. */
function fieldLocations(v: VariableFile, at: (...path: PathSegment[]) => SourceLocation): Record<string, SourceLocation> {
  const locations: Record<string, SourceLocation> = {};
  if (v.start !== undefined) locations.start = at('start');
  if (v.formula !== undefined) locations.formula = at('formula');
  if (v.series !== undefined) locations.series = at('series');
  (v.calibrate?.growthSeries ?? []).forEach((_, index) => (locations[`calibrate.growthSeries[${index}]`] = at('calibrate', 'growthSeries', index)));
  return locations;
}

function buildModel(doc: YamlDocument, file: string, model: ModelFile, analyses: ReadonlyMap<string, FormulaAnalysis>): ModelSpec {
  const variables: VariableSpec[] = Object.entries(model.variables).map(([name, v]) => {
    const formulaTree = analyses.get(name)?.tree;
    const law: LawName = (v.law as LawName | undefined) ?? 'formula';
    const { line, col } = doc.locateKey(['variables', name]);
    const at = (...path: PathSegment[]) => {
      const where = doc.locate(['variables', name, ...path]);
      return { file, line: where.line, col: where.col };
    };
    return {
      name,
      labelZh: v.label?.zh ?? name,
      labelEn: v.label?.en ?? name,
      unit: v.unit,
      region: v.region ?? model.region,
      law,
      ...(v.series !== undefined && { series: v.series }),
      growthSeries: v.calibrate?.growthSeries ?? [],
      ...(v.calibrate?.from !== undefined && { calibrateFrom: v.calibrate.from }),
      ...(v.calibrate?.to !== undefined && { calibrateTo: v.calibrate.to }),
      params: v.params ?? {},
      ...(v.start !== undefined && { start: { year: v.start.year, value: v.start.value } }),
      ...(v.formula !== undefined && { formula: v.formula }),
      ...(v.formula !== undefined && formulaTree !== undefined && { formulaTree }),
      ...(v.description !== undefined && { description: v.description }),
      ...(v.iamc !== undefined && { iamc: v.iamc }),
      location: { file, line, col },
      locations: fieldLocations(v, at),
    };
  });
  return {
    model: model.model,
    labelZh: model.label?.zh ?? model.model,
    labelEn: model.label?.en ?? model.model,
    region: model.region,
    ...(model.description !== undefined && { description: model.description }),
    variables,
    file,
  };
}
