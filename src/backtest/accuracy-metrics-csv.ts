// <collection>-metrics.csv and <collection>-by-length.csv: the yardstick's rows, columns documented in docs/backtest.md.
import type { AccuracyBenchmarkRow } from './run-accuracy-benchmark.js';

/** Fixed decimals for a number; empty for NaN (a law that is not applicable). */
const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '');

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Renders benchmark rows as CSV: method, series, smape, mase, mase_paper, coverage80, coverage95,
 * coverage80_model, coverage95_model, interval_score80, interval_score95, hindcast_smape, seconds,
 * smape_h1..smape_hH, fallbacks, series_calibrated, interval_scale, description, note. Numbers to 4
 * decimals (seconds and interval scores to 3); NaN as empty.
 *
 * @param rows rows of runAccuracyBenchmark
 * @returns the CSV text with a header and a final newline
 * @see RFC 4180 (CSV quoting); docs/backtest.md §6 (every column).
 * @example accuracyMetricsCsv(rows).split('\n')[0].startsWith('method,series,smape,mase'); // => true
 */
export function accuracyMetricsCsv(rows: readonly AccuracyBenchmarkRow[]): string {
  const horizons = rows[0]?.smapeByHorizon.length ?? 0;
  const header = [
    'method', 'series', 'smape', 'mase', 'mase_paper', 'coverage80', 'coverage95', 'coverage80_model', 'coverage95_model', 'interval_score80', 'interval_score95',
    'hindcast_smape', 'seconds', ...Array.from({ length: horizons }, (_, k) => `smape_h${k + 1}`), 'fallbacks', 'series_calibrated', 'interval_scale', 'description', 'note',
  ];
  const lines = [header.join(',')];
  for (const row of rows) {
    const law = 'seriesCalibrated' in row ? row : undefined;
    lines.push(
      [
        field(row.method),
        String(row.series),
        fixed(row.smape, 4),
        fixed(row.mase, 4),
        fixed(row.masePaper, 4),
        fixed(row.coverage80, 4),
        fixed(row.coverage95, 4),
        fixed(row.coverage80Model, 4),
        fixed(row.coverage95Model, 4),
        fixed(row.intervalScore80, 3),
        fixed(row.intervalScore95, 3),
        fixed(row.hindcastSmape, 4),
        fixed(row.seconds, 3),
        ...row.smapeByHorizon.map((value) => fixed(value, 4)),
        Number.isFinite(row.fallbacks) ? String(row.fallbacks) : '',
        law ? String(law.seriesCalibrated) : '',
        law ? fixed(law.intervalScale, 4) : '',
        field(row.description),
        field(row.note),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * The same figures per training-length class, long format: method, length_class, series, smape,
 * mase, mase_paper, coverage80, coverage95, interval_score80, interval_score95 (one row per method
 * and class that has series).
 *
 * @param rows rows of runAccuracyBenchmark
 * @returns the CSV text with a header and a final newline
 * @see docs/backtest.md §6.
 * @example accuracyByLengthCsv(rows).split('\n')[0]; // => 'method,length_class,series,smape,mase,mase_paper,coverage80,coverage95,interval_score80,interval_score95'
 */
export function accuracyByLengthCsv(rows: readonly AccuracyBenchmarkRow[]): string {
  const lines = ['method,length_class,series,smape,mase,mase_paper,coverage80,coverage95,interval_score80,interval_score95'];
  for (const row of rows) {
    for (const group of row.byLength) {
      lines.push(
        [
          field(row.method), group.lengthClass, String(group.series), fixed(group.smape, 4), fixed(group.mase, 4), fixed(group.masePaper, 4),
          fixed(group.coverage80, 4), fixed(group.coverage95, 4), fixed(group.intervalScore80, 3), fixed(group.intervalScore95, 3),
        ].join(','),
      );
    }
  }
  return lines.join('\n') + '\n';
}
