// The Vega-Lite config every chart shares: fonts that carry CJK glyphs, sizes that survive A4 print.
import type { Config } from 'vega-lite';
import { reportFontStack } from './report-fonts.js';

/**
 * Shared Vega-Lite `config`: the CJK-first font stack, 11 px labels and 12 px titles (legible
 * when a 680 px chart is printed 170 mm wide), a white background, no view border.
 * Reference: https://vega.github.io/vega-lite/docs/config.html
 * @example chartConfig.font === reportFontStack; // => true
 */
export const chartConfig: Config = {
  font: reportFontStack,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', grid: true, gridColor: '#e5e5e5' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', orient: 'bottom', direction: 'vertical', columns: 3, labelLimit: 260 },
  title: { fontSize: 14, fontWeight: 'normal', anchor: 'start', subtitleFontSize: 11, subtitleColor: '#555' },
};

/**
 * The config of the compact variant drawn for narrow screens (≤ 40 rem): the same fonts, legends in
 * two columns with shorter labels, so a ~370 px chart shows its text near 1:1 on a phone.
 * @example compactChartConfig.legend?.columns; // => 2
 */
export const compactChartConfig: Config = {
  ...chartConfig,
  legend: { ...chartConfig.legend, columns: 2, labelLimit: 150 },
};
