// The IAMC wide view (Model, Scenario, Region, Variable, Unit, <years…>) that pyam, the IAMC format's
// reader, loads: variables named IAMC-style (A|B|C), each statistic a variable of its own (…|p05),
// and the mapping from those names to the model's variable ids (iamc-variables.csv).
import type { DataSet } from '../data/types.js';
import { fullYearLevels } from '../evaluate/known-history.js';
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import { observedSeries } from '../pipeline/prepare-model.js';
import type { ScenarioResult } from '../model/scenario-result.js';
import type { VariableSpec } from '../spec/model-spec.js';
import { quantileColumns } from './projections-table.js';

export interface IamcOptions {
  /** Write full-year history into the median's row before the first projected year (default true). */
  readonly history?: boolean;
  readonly digits?: number;
}

/** The fixed columns before the years. */
export const iamcIndexColumns = ['Model', 'Scenario', 'Region', 'Variable', 'Unit'] as const;

/** Columns of iamc-variables.csv: each IAMC variable name and what it holds. */
export const iamcMappingColumns = ['Model', 'Variable', 'variable', 'statistic', 'Unit', 'label'] as const;

/**
 * The statistics a variable carries, in row order: the median under the variable's own name (with
 * the history before the projection), then each other quantile and the mean as `<name>|<statistic>`.
 */
export const iamcStatistics = ['p50', ...quantileColumns.filter((c) => c !== 'p50'), 'mean'] as const;

/**
 * The IAMC Variable name of a model variable: its `iamc:` name from the model file (`Industry
 * Size|AI|Core`), else its English label with the region dropped from the front (`AI core industry`).
 * @example iamcVariableName({ name: 'aiCoreIndustry', region: 'Beijing', labelEn: 'Beijing AI core industry' }); // => 'AI core industry'
 */
export function iamcVariableName(variable: Pick<VariableSpec, 'name' | 'region' | 'labelEn' | 'iamc'>): string {
  if (variable.iamc) return variable.iamc;
  if (!variable.labelEn || variable.labelEn === variable.name) return variable.name;
  const label = variable.labelEn.startsWith(`${variable.region} `) ? variable.labelEn.slice(variable.region.length + 1) : variable.labelEn;
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/** A statistic's IAMC name: the variable's own name for the median, `<name>|<statistic>` for the others. */
function statisticName(name: string, statistic: (typeof iamcStatistics)[number]): string {
  return statistic === 'p50' ? name : `${name}|${statistic}`;
}

/**
 * Rows of the IAMC table and its columns: per scenario and variable (model order) one row per
 * statistic (iamcStatistics), a column per year from the earliest history to the horizon. A year
 * holds the statistic of the projection where the variable is projected that year; the median's row
 * holds the full-year figure on record in earlier years (history); empty otherwise.
 * @example iamcTable(results, data).rows.find((r) => r.Variable === 'Industry Size|AI|Core|p05'); // => the p05 row
 */
export function iamcTable(results: readonly ScenarioResult[], data: DataSet, options: IamcOptions = {}): { columns: string[]; rows: Record<string, Cell>[] } {
  const withHistory = options.history ?? true;
  const years = new Set<number>();
  const rows: { row: Record<string, Cell>; values: Map<number, number> }[] = [];
  for (const result of results) {
    for (const variable of result.model.spec.variables) {
      const name = iamcVariableName(variable);
      const summaries = result.summaries.filter((s) => s.variable === variable.name);
      for (const statistic of iamcStatistics) {
        const values = new Map<number, number>();
        if (withHistory && statistic === 'p50') for (const level of fullYearLevels(observedSeries(data, variable.series)).values()) values.set(level.year, level.value);
        const q = quantileColumns.indexOf(statistic as (typeof quantileColumns)[number]);
        for (const summary of summaries) values.set(summary.year, q >= 0 ? summary.quantiles[q] : summary.mean);
        if (values.size === 0) continue;
        for (const year of values.keys()) years.add(year);
        rows.push({
          row: { Model: result.model.spec.model, Scenario: result.scenario.scenario, Region: variable.region, Variable: statisticName(name, statistic), Unit: variable.unit },
          values,
        });
      }
    }
  }
  const yearColumns = [...years].sort((a, b) => a - b).map(String);
  return {
    columns: [...iamcIndexColumns, ...yearColumns],
    rows: rows.map(({ row, values }) => {
      const out: Record<string, Cell> = { ...row };
      for (const [year, value] of values) out[String(year)] = formatNumber(value, options.digits);
      return out;
    }),
  };
}

/** The IAMC wide CSV text (`iamc.csv`), readable by `pyam.IamDataFrame('iamc.csv')`. */
export function iamcCsv(results: readonly ScenarioResult[], data: DataSet, options: IamcOptions = {}): string {
  const { columns, rows } = iamcTable(results, data, options);
  return toCsv(columns, rows);
}

/**
 * iamc-variables.csv: every IAMC variable name of the run with the model variable id and the
 * statistic it holds (one row per model, variable and statistic).
 * @example iamcMappingCsv(results).split('\n')[1]; // => 'beijing-digital,Revenue|Information Software,infoSoftwareRevenue,p50,亿元,Beijing information software industry revenue'
 */
export function iamcMappingCsv(results: readonly ScenarioResult[]): string {
  const rows: Record<string, Cell>[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    const model = result.model.spec.model;
    for (const variable of result.model.spec.variables) {
      if (seen.has(`${model} ${variable.name}`)) continue;
      seen.add(`${model} ${variable.name}`);
      const name = iamcVariableName(variable);
      for (const statistic of iamcStatistics) {
        rows.push({ Model: model, Variable: statisticName(name, statistic), variable: variable.name, statistic, Unit: variable.unit, label: variable.labelEn });
      }
    }
  }
  return toCsv(iamcMappingColumns, rows);
}
