// Steps 1–2 for data/: read sources, series, observations and targets; check them; every problem at once.
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { InputError } from '../errors/input-error.js';
import type { Problem } from '../errors/problem.js';
import { parseCsv, type CsvTable } from '../io/read-csv.js';
import { readText } from '../io/read-text.js';
import { parseYamlDocument, type YamlDocument } from '../io/yaml-document.js';
import { parseObservations } from './parse-observations.js';
import { parseSeries, seriesColumns } from './parse-series.js';
import { parseSources, sourceColumns } from './parse-sources.js';
import { requireColumns } from './require-columns.js';
import { parseTargets } from './parse-targets.js';
import type { TargetKindFieldsRegistry } from './target-kind-fields.js';
import type { DataSet, SeriesInfo } from './types.js';

/** The files of a data folder. */
export const dataFiles = {
  sources: 'sources.csv',
  series: 'series.csv',
  observations: 'observations.csv',
  targets: 'targets.yaml',
} as const;

/** How a folder is named in messages: relative to the working directory when inside it. */
function displayFolder(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : rel === '' ? '.' : dir;
}

/**
 * Loads a data folder: sources.csv, series.csv, observations.csv and targets.yaml. Every file is read
 * and checked even when another has problems, so one run reports everything (file:line for CSV,
 * file:line:col for YAML, each with its field, rule and value).
 * @param dir the folder (absolute, or relative to the working directory)
 * @param kinds the target kinds its targets may use (the evaluation's registry: targetKindRegistry)
 * @param displayDir how the folder is named in messages (default: relative to the working directory)
 * @returns the checked, frozen data set (values in each series' canonical unit)
 * @throws InputError listing every problem in the four files
 * @example loadDataSet('data', targetKindRegistry).series.length; // => 109 for the shipped data
 */
export function loadDataSet(dir: string, kinds: TargetKindFieldsRegistry, displayDir = displayFolder(dir)): DataSet {
  const problems: Problem[] = [];
  const shown = (name: string) => (displayDir === '.' ? name : join(displayDir, name));
  const attempt = <T>(task: () => T): T | undefined => {
    try {
      return task();
    } catch (error) {
      if (error instanceof InputError) problems.push(...error.problems);
      else throw error;
      return undefined;
    }
  };
  const read = (name: string): string | undefined => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      problems.push({ file: shown(name), message: `file must exist and be readable, got ${JSON.stringify(shown(name))}` });
      return undefined;
    }
    return attempt(() => readText(path));
  };
  const csv = (name: string): CsvTable | undefined => {
    const text = read(name);
    return text === undefined ? undefined : attempt(() => parseCsv(shown(name), text));
  };

  // 1. Sources and series first: observations and targets refer to them.
  const sourceTable = csv(dataFiles.sources);
  const sources = sourceTable ? parseSources(sourceTable) : { sources: [], problems: [] };
  problems.push(...sources.problems);
  const seriesTable = csv(dataFiles.series);
  const series = seriesTable ? parseSeries(seriesTable) : { series: [], problems: [] };
  problems.push(...series.problems);
  const seriesById = new Map<string, SeriesInfo>(series.series.map((s) => [s.id, s]));
  const sourceIds = new Set(sources.sources.map((s) => s.id));

  // 2. Observations and targets.
  const observationTable = csv(dataFiles.observations);
  const observations = observationTable ? parseObservations(observationTable, seriesById, sourceIds) : { observations: [], problems: [] };
  const targetsText = read(dataFiles.targets);
  const doc: YamlDocument | undefined = targetsText === undefined ? undefined : attempt(() => parseYamlDocument(shown(dataFiles.targets), targetsText));
  const targets = doc ? parseTargets(doc, seriesById, sourceIds, kinds) : { targets: [], problems: [] };
  // Cascades cut: when sources.csv or series.csv cannot be read as a table (missing, or a broken
  // header), every reference to them would be reported as unknown; the one real problem is theirs.
  const sourcesBroken = !sourceTable || requireColumns(sourceTable, sourceColumns).length > 0;
  const seriesBroken = !seriesTable || requireColumns(seriesTable, seriesColumns).length > 0;
  const consequence = (problem: Problem) =>
    (sourcesBroken && /(^|\.)(source|outcomeSource)$/.test(problem.field ?? '')) || (seriesBroken && /(^|\.)series$/.test(problem.field ?? ''));
  problems.push(...observations.problems.filter((problem) => !consequence(problem)));
  problems.push(...targets.problems.filter((problem) => !consequence(problem)));

  if (problems.length > 0) throw new InputError(problems);
  return deepFreezeDataSet({
    observations: observations.observations,
    series: series.series,
    sources: sources.sources,
    targets: targets.targets,
  });
}

/** Freezes the data set and every record in it (inputs are never mutated downstream). */
export function deepFreezeDataSet(data: DataSet): DataSet {
  for (const list of [data.observations, data.series, data.sources, data.targets]) {
    for (const item of list) {
      for (const value of Object.values(item)) if (typeof value === 'object' && value !== null) Object.freeze(value);
      Object.freeze(item);
    }
    Object.freeze(list);
  }
  return Object.freeze(data);
}
