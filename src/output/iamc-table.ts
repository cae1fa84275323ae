// The IAMC wide view (Model, Scenario, Region, Variable, Unit, <years…>) that pyam, the IAMC format's reader, loads.
import type { DataSet } from '../data/types.js';
import { fullYearLevels } from '../evaluate/known-history.js';
import { formatNumber } from '../io/format-number.js';
import { toCsv, type Cell } from '../io/to-csv.js';
import { observedSeries } from '../pipeline/prepare-model.js';
import type { ScenarioResult } from '../pipeline/scenario-result.js';
import type { VariableSpec } from '../spec/model-spec.js';
import { quantileColumns } from './projections-table.js';

/** Which statistic fills the year columns: `mean` or a quantile column of projections.csv. */
export type IamcStatistic = 'mean' | (typeof quantileColumns)[number];

export interface IamcOptions {
  /** Default `p50` (the median). */
  readonly statistic?: IamcStatistic;
  /** `id`: the variable id (`aiCoreIndustry`, default); `label`: `<region>|<English label>`. */
  readonly variableNames?: 'id' | 'label';
  /** Write full-year history before the first projected year (default true). */
  readonly history?: boolean;
  readonly digits?: number;
}

/** The fixed columns before the years. */
export const iamcIndexColumns = ['Model', 'Scenario', 'Region', 'Variable', 'Unit'] as const;

/**
 * The IAMC Variable name of a model variable: its id, or `<region>|<label>` with the region dropped
 * from the front of the English label.
 * @example iamcVariableName({ name: 'aiCoreIndustry', region: 'Beijing', labelEn: 'Beijing AI core industry' } as VariableSpec, 'label'); // => 'Beijing|AI core industry'
 */
export function iamcVariableName(variable: Pick<VariableSpec, 'name' | 'region' | 'labelEn'>, naming: 'id' | 'label'): string {
  if (naming === 'id' || !variable.labelEn) return variable.name;
  const label = variable.labelEn.startsWith(`${variable.region} `) ? variable.labelEn.slice(variable.region.length + 1) : variable.labelEn;
  return `${variable.region}|${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/**
 * Rows of the IAMC table and its columns: one row per scenario × variable (model order); a column
 * per year from the earliest history to the horizon. A year holds the chosen statistic of the
 * projection when the variable is projected that year, else its full-year figure on record
 * (history), else is empty.
 * @example iamcTable(results, data).columns.slice(0, 6); // => ['Model', 'Scenario', 'Region', 'Variable', 'Unit', '2016']
 */
export function iamcTable(results: readonly ScenarioResult[], data: DataSet, options: IamcOptions = {}): { columns: string[]; rows: Record<string, Cell>[] } {
  const statistic = options.statistic ?? 'p50';
  const quantileIndex = quantileColumns.indexOf(statistic as (typeof quantileColumns)[number]);
  const naming = options.variableNames ?? 'id';
  const withHistory = options.history ?? true;
  const years = new Set<number>();
  const rows: { row: Record<string, Cell>; values: Map<number, number> }[] = [];
  for (const result of results) {
    for (const variable of result.model.spec.variables) {
      const values = new Map<number, number>();
      if (withHistory) for (const level of fullYearLevels(observedSeries(data, variable.series)).values()) values.set(level.year, level.value);
      for (const summary of result.summaries) {
        if (summary.variable !== variable.name) continue;
        values.set(summary.year, quantileIndex >= 0 ? summary.quantiles[quantileIndex] : summary.mean);
      }
      if (values.size === 0) continue;
      for (const year of values.keys()) years.add(year);
      rows.push({
        row: { Model: result.model.spec.model, Scenario: result.scenario.scenario, Region: variable.region, Variable: iamcVariableName(variable, naming), Unit: variable.unit },
        values,
      });
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

/** The IAMC wide CSV text (e.g. `iamc.csv`), readable by `pyam.IamDataFrame('iamc.csv')`. */
export function iamcCsv(results: readonly ScenarioResult[], data: DataSet, options: IamcOptions = {}): string {
  const { columns, rows } = iamcTable(results, data, options);
  return toCsv(columns, rows);
}
