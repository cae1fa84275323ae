// The fan chart of one variable: history with its qualifiers, projection bands per scenario, targets, others' forecasts.
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig, compactChartConfig } from './chart-config.js';
import { markerLabels } from './collect-report-data.js';
import type { MarkerKind, ReportPoint, ReportVariable } from './report-data.js';

/** Vega-Lite schema every spec declares, so editors and notebooks validate it. */
export const vegaLiteSchema = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * A bound's glyph, as a Vega symbol path (units of half the symbol's side, y down): a bar at the
 * bound and an arrow from it into the open side, so "at least 2500" reads as "2500 and up" at any
 * scale of the axis (the arrow is in pixels, not in the variable's unit).
 */
export const boundGlyphs = {
  atLeast: 'M-1.5,0H1.5M0,0V-2.4M-0.9,-2.3L0,-3.6L0.9,-2.3Z',
  atMost: 'M-1.5,0H1.5M0,0V2.4M-0.9,2.3L0,3.6L0.9,2.3Z',
} as const;

/** Marker shapes: a filled circle for reported figures, an open one for approximate, a bar with an arrow for bounds. */
const markerShapes: Readonly<Record<MarkerKind, string>> = {
  exact: 'circle',
  approx: 'circle',
  atLeast: boundGlyphs.atLeast,
  atMost: boundGlyphs.atMost,
  externalForecast: 'diamond',
  target: 'stroke', // a horizontal dash at the threshold (ranges are drawn as a bar)
};
const markerStrokes: Readonly<Record<MarkerKind, string>> = {
  exact: '#222222',
  approx: '#222222',
  atLeast: '#222222',
  atMost: '#222222',
  externalForecast: '#7B3294',
  target: '#C00000',
};
/** Open markers are filled white: approximate figures are "about here", not a point. */
const markerFills: Readonly<Record<MarkerKind, string>> = { ...markerStrokes, approx: '#ffffff' };

/** How far right of its year an external forecast is drawn, in years. */
const externalForecastOffset = 0.2;

/** Shorter legend words for the compact (narrow-screen) variant. */
const compactMarkerLabels: Readonly<Record<MarkerKind, string>> = {
  exact: '报告值 reported',
  approx: '约数 approx.',
  atLeast: '下限 at least',
  atMost: '上限 at most',
  externalForecast: '外部预测 forecast',
  target: '目标 target',
};

/** Axis title with both labels and the unit, e.g. `北京人工智能核心产业规模 (亿元)`. */
export function axisTitle(labelZh: string, labelEn: string, unit: string): string[] {
  return [`${labelZh}（${unit}）`, `${labelEn} (${unit})`];
}

/**
 * The Vega-Lite spec of a variable's fan chart, data inlined (top-level `datasets`):
 * - history: one marker per full-year level; approx figures open with a ±band, bounds as a bar at
 *   the bound with an arrow (in pixels) into the open side;
 * - per scenario (colour): p05–p95 band, p25–p75 band, median line;
 * - targets: a red plus at the threshold in the target year, a red bar for a range;
 * - external forecasts quoted in the reports: purple diamonds (band or arrow by qualifier),
 *   drawn 0.2 year right of their year so they sit beside a reported figure of the same year.
 * Year is quantitative (integer ticks); y is the variable in its unit.
 * @param variable the variable's collected data
 * @param scenarios scenario names in report order (colour order)
 * @param colours scenario → colour
 * @param options `compact`: the narrow-screen variant (300 × 220, y axis titled by the unit only)
 * @returns a TopLevelSpec that compiles without warnings
 * @example fanChartSpec(variable, ['baseline'], { baseline: '#0072B2' }).layer.length; // => 8
 */
export function fanChartSpec(
  variable: ReportVariable,
  scenarios: readonly string[],
  colours: Readonly<Record<string, string>>,
  options: { readonly compact?: boolean } = {},
): TopLevelSpec & { layer: unknown[] } {
  const compact = options.compact ?? false;
  const labels = compact ? compactMarkerLabels : markerLabels;
  const described = (p: ReportPoint) => ({
    ...p,
    markerLabel: labels[p.marker],
    description: `${p.year}: ${p.value} ${variable.unit} (${p.markerLabel}) ${p.source} ${p.quote}`.trim(),
  });
  // Forecasts by others sit a fifth of a year to the right of the year they speak of, beside
  // (not on top of) a reported figure for the same year.
  const points = [
    ...variable.history.map(described).map((p) => ({ ...p, plotYear: p.year })),
    ...variable.externalForecasts.map(described).map((p) => ({ ...p, plotYear: p.year + externalForecastOffset })),
    ...variable.targetMarkers
      .filter((t) => t.lower === undefined || t.upper === undefined)
      .map((t) => {
        const value = (t.lower ?? t.upper)!;
        const kind = t.lower !== undefined ? '≥' : '≤';
        return { year: t.year, plotYear: t.year, value, low: value, high: value, marker: 'target' as const, markerLabel: labels.target, description: `${t.year}: ${kind} ${value} ${variable.unit} ${t.id} ${t.label}` };
      }),
  ];
  const ranges = variable.targetMarkers
    .filter((t) => t.lower !== undefined && t.upper !== undefined)
    .map((t) => ({ yearStart: t.year - 0.2, yearEnd: t.year + 0.2, year: t.year, lower: t.lower, upper: t.upper, label: t.label }));
  // A reported bound's arrow is its glyph; its band in the data (qualifierBand) is not drawn again.
  const bands = points.filter((p) => p.low !== p.high && p.marker !== 'atLeast' && p.marker !== 'atMost');
  const present = (Object.keys(markerLabels) as MarkerKind[]).filter(
    (kind) => points.some((p) => p.marker === kind) || (kind === 'target' && ranges.length > 0),
  );
  const shownScenarios = scenarios.filter((s) => variable.projections.some((p) => p.scenario === s));

  const years = [...points.map((p) => p.year), ...variable.projections.map((p) => p.year), ...ranges.map((r) => r.year)];
  // Half a year of room each side, so the first and last markers are not cut by the axis.
  const domain = [Math.min(...years) - 0.5, Math.max(...years) + 0.5];
  // On the compact chart a label every year would touch its neighbours past eight years.
  const tickMinStep = compact && domain[1] - domain[0] > 9 ? 2 : 1;
  const x = { field: 'year', type: 'quantitative', title: '年份 year', scale: { domain, nice: false }, axis: { format: 'd', tickMinStep } } as const;
  const yTitle = compact ? `单位 unit: ${variable.unit}` : axisTitle(variable.labelZh, variable.labelEn, variable.unit);
  const y = { type: 'quantitative', title: yTitle, axis: { format: ',~r' } } as const;
  const colour = {
    field: 'scenario',
    type: 'nominal',
    title: '情景 scenario',
    // Compact charts stack the two legends (scenario on top, markers below) so they stay narrow.
    legend: { symbolOpacity: 0.7, symbolType: 'square', ...(compact ? { orient: 'top' } : {}) },
    scale: { domain: shownScenarios, range: shownScenarios.map((s) => colours[s]) },
  } as const;
  const marker = (channel: 'shape' | 'stroke' | 'fill') => ({
    field: 'markerLabel',
    type: 'nominal',
    title: '标记 marker',
    ...(compact ? { legend: { orient: 'bottom', columns: 2 } } : {}),
    scale: {
      domain: present.map((k) => labels[k]),
      range: present.map((k) => (channel === 'shape' ? markerShapes[k] : channel === 'stroke' ? markerStrokes[k] : markerFills[k])),
    },
  }) as const;

  const spec = {
    $schema: vegaLiteSchema,
    title: { text: `${variable.labelZh} ${variable.labelEn}`, subtitle: `${variable.name} · ${variable.unit} · p05–p95, p25–p75, median 中位数` },
    description: `Fan chart of ${variable.name} (${variable.unit}) per scenario, with history, targets and external forecasts`,
    width: compact ? 300 : 620,
    height: compact ? 220 : 300,
    config: compact ? compactChartConfig : chartConfig,
    datasets: {
      projections: variable.projections,
      points,
      bands,
      ranges,
    },
    layer: [
      {
        data: { name: 'projections' },
        mark: { type: 'area', opacity: 0.14 },
        encoding: { x, y: { ...y, field: 'p05' }, y2: { field: 'p95' }, color: colour },
      },
      {
        data: { name: 'projections' },
        mark: { type: 'area', opacity: 0.26 },
        encoding: { x, y: { ...y, field: 'p25' }, y2: { field: 'p75' }, color: colour },
      },
      {
        data: { name: 'projections' },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { x, y: { ...y, field: 'p50' }, color: colour },
      },
      ranges.length > 0 && {
        data: { name: 'ranges' },
        mark: { type: 'rect', color: markerStrokes.target, opacity: 0.35 },
        encoding: { x: { ...x, field: 'yearStart' }, x2: { field: 'yearEnd' }, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
      },
      bands.length > 0 && {
        data: { name: 'bands' },
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x: { ...x, field: 'plotYear' }, y: { ...y, field: 'low' }, y2: { field: 'high' }, stroke: marker('stroke') },
      },
      points.some((p) => p.marker !== 'target') && {
        data: { name: 'points' },
        transform: [{ filter: "datum.marker !== 'target'" }],
        mark: { type: 'point', size: 60, strokeWidth: 2, opacity: 1 },
        encoding: {
          x: { ...x, field: 'plotYear' },
          y: { ...y, field: 'value' },
          shape: marker('shape'),
          stroke: marker('stroke'),
          fill: marker('fill'),
          description: { field: 'description' },
        },
      },
      points.some((p) => p.marker === 'target') && {
        data: { name: 'points' },
        // The threshold: a wide dash across the target year.
        transform: [{ filter: "datum.marker === 'target'" }],
        mark: { type: 'point', size: 500, strokeWidth: 3, opacity: 1 },
        encoding: {
          x: { ...x, field: 'plotYear' },
          y: { ...y, field: 'value' },
          shape: marker('shape'),
          stroke: marker('stroke'),
          fill: marker('fill'),
          description: { field: 'description' },
        },
      },
    ].filter(Boolean),
  };
  return spec as unknown as TopLevelSpec & { layer: unknown[] };
}
