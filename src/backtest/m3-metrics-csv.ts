// m3-metrics.csv: one row per method or law, the columns documented in docs/backtest.md.
import type { M3BenchmarkRow } from './run-m3-benchmark.js';

/** Fixed decimals for a number; empty for NaN (a law that is not applicable). */
const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '');

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
const field = (text: string): string => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Renders benchmark rows as CSV: method, smape, mase, coverage80, coverage95, coverage80_model,
 * coverage95_model, interval_score80, interval_score95, hindcast_smape, seconds, smape_h1..smape_hH, series_calibrated,
 * interval_scale, description, note. Numbers to 4 decimals (seconds and interval scores to 3); NaN as empty.
 *
 * @param rows rows of runM3Benchmark
 * @returns the CSV text with a header and a final newline
 * @see RFC 4180 (CSV quoting); docs/backtest.md (every column).
 * @example m3MetricsCsv(rows).split('\n')[0].startsWith('method,smape,mase'); // => true
 */
export function m3MetricsCsv(rows: readonly M3BenchmarkRow[]): string {
  const horizons = rows[0]?.smapeByHorizon.length ?? 6;
  const header = [
    'method', 'smape', 'mase', 'coverage80', 'coverage95', 'coverage80_model', 'coverage95_model', 'interval_score80', 'interval_score95', 'hindcast_smape', 'seconds',
    ...Array.from({ length: horizons }, (_, k) => `smape_h${k + 1}`), 'series_calibrated', 'interval_scale', 'description', 'note',
  ];
  const lines = [header.join(',')];
  for (const row of rows) {
    const law = 'note' in row ? row : undefined;
    lines.push(
      [
        field(row.method),
        fixed(row.smape, 4),
        fixed(row.mase, 4),
        fixed(row.coverage80, 4),
        fixed(row.coverage95, 4),
        fixed(row.coverage80Model, 4),
        fixed(row.coverage95Model, 4),
        fixed(row.intervalScore80, 3),
        fixed(row.intervalScore95, 3),
        fixed(row.hindcastSmape, 4),
        fixed(row.seconds, 3),
        ...row.smapeByHorizon.map((value) => fixed(value, 4)),
        law ? String(law.seriesCalibrated) : '',
        law ? fixed(law.intervalScale, 4) : '',
        field(row.description),
        field(law?.note ?? ''),
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}
