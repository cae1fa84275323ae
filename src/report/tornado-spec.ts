// The tornado chart of one target: how far each input swings the probability of meeting it, per scenario.
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig, compactChartConfig } from './chart-config.js';
import { vegaLiteSchema } from './fan-chart-spec.js';
import type { SensitivityRow } from './sensitivity-row.js';

/**
 * The Vega-Lite spec of a tornado chart: one bar per input from P(met) with the input low to
 * P(met) with it high, inputs sorted by their largest swing (widest on top), scenarios side by
 * side within each input (colour), an open circle at the low end and a filled one at the high end.
 * Reference: Eschenbach (1992), "Spiderplots versus tornado diagrams for sensitivity analysis".
 * @param target target id (title)
 * @param rows the sensitivity rows of this target
 * @param scenarios scenario names in report order (colour order)
 * @param colours scenario → colour
 * @param options `compact`: the narrow-screen variant (260 px wide, input labels cut at 110 px)
 * @returns a TopLevelSpec with its data inlined
 * @example tornadoSpec('bj-ai-core-2025', rows, ['baseline'], { baseline: '#0072B2' }).width; // => 520
 */
export function tornadoSpec(
  target: string,
  rows: readonly SensitivityRow[],
  scenarios: readonly string[],
  colours: Readonly<Record<string, string>>,
  options: { readonly compact?: boolean } = {},
): TopLevelSpec & { width: number } {
  const compact = options.compact ?? false;
  // Inputs that move the probability in no scenario are left out (the caption names them).
  const moving = new Set(rows.filter((r) => r.swingProbability > 0).map((r) => r.input));
  const drawn = rows.filter((r) => moving.has(r.input));
  const shown = scenarios.filter((s) => drawn.some((r) => r.scenario === s));
  const values = drawn.map((r) => ({ ...r, lowEnd: Math.min(r.low, r.high), highEnd: Math.max(r.low, r.high) }));
  const baselines = shown.flatMap((scenario) => {
    const row = drawn.find((r) => r.scenario === scenario && r.baseline !== undefined);
    return row ? [{ scenario, baseline: row.baseline }] : [];
  });
  const y = {
    field: 'input',
    type: 'nominal',
    title: '输入 input',
    sort: { field: 'swingProbability', op: 'max', order: 'descending' },
    axis: { labelLimit: compact ? 130 : 280 },
  } as const;
  // A proxy's probabilities bound the target's own: the axis says which side.
  const bound = rows.find((r) => r.bound !== undefined)?.bound;
  const axisTitle = bound === 'lower' ? ['目标达成概率下限', 'P(target met) ≥ this (a lower bound: proxy)'] : bound === 'upper' ? ['目标达成概率上限', 'P(target met) ≤ this (an upper bound: proxy)'] : ['目标达成概率', 'P(target met)'];
  const x = { type: 'quantitative', title: axisTitle, scale: { domain: [0, 1] }, axis: { format: '.0%' } } as const;
  const colour = { field: 'scenario', type: 'nominal', title: '情景 scenario', scale: { domain: shown, range: shown.map((s) => colours[s]) } } as const;
  const spec = {
    $schema: vegaLiteSchema,
    title: { text: target, subtitle: '输入从低到高时的达成概率 P(met) as each input goes from low (○) to high (●)' },
    description: `Tornado chart of target ${target}`,
    width: compact ? 260 : 520,
    // Each input's band holds one 12 px bar per scenario plus a gap.
    height: { step: 12 * Math.max(1, shown.length) + 8 },
    config: compact ? compactChartConfig : chartConfig,
    datasets: { bars: values, baselines },
    data: { name: 'bars' },
    layer: [
      ...(baselines.length > 0
        ? [{ data: { name: 'baselines' }, mark: { type: 'rule', strokeDash: [3, 3], strokeWidth: 1.5 }, encoding: { x: { ...x, field: 'baseline' }, color: colour } }]
        : []),
      { mark: { type: 'bar', opacity: 0.75 }, encoding: { y, yOffset: { field: 'scenario', sort: shown }, x: { ...x, field: 'lowEnd' }, x2: { field: 'highEnd' }, color: colour } },
      { mark: { type: 'point', filled: false, size: 40, strokeWidth: 1.5 }, encoding: { y, yOffset: { field: 'scenario', sort: shown }, x: { ...x, field: 'low' }, color: colour } },
      { mark: { type: 'point', filled: true, size: 40 }, encoding: { y, yOffset: { field: 'scenario', sort: shown }, x: { ...x, field: 'high' }, color: colour } },
    ],
  };
  return spec as unknown as TopLevelSpec & { width: number };
}
