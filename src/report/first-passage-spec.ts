// The first-passage chart of one target: probability it has been met by each year, one line per scenario.
import type { TopLevelSpec } from 'vega-lite';
import { chartConfig } from './chart-config.js';
import { vegaLiteSchema } from './fan-chart-spec.js';
import type { ReportTarget } from './report-data.js';

/**
 * The Vega-Lite spec of a target's first-passage curves: P(met by year t) for each scenario
 * (the first-passage.csv rows), with a dashed rule at the target year and a dotted line at 50%.
 * For level targets, "met by t" means the level has reached the bound in some year ≤ t.
 * @param target the target with its verdicts (only verdicts with a curve are drawn)
 * @param scenarios scenario names in report order (colour order)
 * @param colours scenario → colour
 * @returns a TopLevelSpec with its data inlined
 * @example firstPassageSpec(target, ['baseline'], { baseline: '#0072B2' }).width; // => 280
 */
export function firstPassageSpec(
  target: ReportTarget,
  scenarios: readonly string[],
  colours: Readonly<Record<string, string>>,
): TopLevelSpec & { width: number } {
  const values = target.verdicts.flatMap((v) => v.firstPassage.map((point) => ({ scenario: v.scenario, year: point.year, probability: point.probability })));
  const shown = scenarios.filter((s) => values.some((v) => v.scenario === s));
  const years = [...values.map((v) => v.year), target.target.year];
  const x = {
    field: 'year',
    type: 'quantitative',
    title: '年份 year',
    scale: { domain: [Math.min(...years) - 0.3, Math.max(...years) + 0.3], nice: false },
    axis: { format: 'd', tickMinStep: 1, labelOverlap: true },
  } as const;
  const spec = {
    $schema: vegaLiteSchema,
    title: { text: `${target.target.labelZh} ${target.target.labelEn}`.trim() || target.target.id, subtitle: `${target.target.id} · 到该年已达成的概率 P(met by year)` },
    description: `First-passage probability of target ${target.target.id} per scenario`,
    width: 280,
    height: 160,
    config: chartConfig,
    datasets: { passage: values, marks: [{ year: target.target.year, half: 0.5 }] },
    layer: [
      {
        data: { name: 'marks' },
        mark: { type: 'rule', strokeDash: [4, 3], color: '#C00000' },
        encoding: { x },
      },
      {
        data: { name: 'marks' },
        mark: { type: 'rule', strokeDash: [1, 3], color: '#666666' },
        encoding: { y: { field: 'half', type: 'quantitative' } },
      },
      {
        data: { name: 'passage' },
        mark: { type: 'line', point: { size: 30 }, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'probability', type: 'quantitative', title: ['达成概率', 'P(met by year)'], scale: { domain: [0, 1] }, axis: { format: '.0%' } },
          color: {
            field: 'scenario',
            type: 'nominal',
            title: '情景 scenario',
            scale: { domain: shown, range: shown.map((s) => colours[s]) },
          },
        },
      },
    ],
  };
  return spec as unknown as TopLevelSpec & { width: number };
}
