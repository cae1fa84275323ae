// Renders a Vega-Lite spec to an SVG string in Node (no browser, no canvas), ready to inline in HTML.
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';

/** A rendered chart: the SVG markup and any warnings Vega-Lite or Vega raised while making it. */
export interface RenderedChart {
  readonly svg: string;
  readonly warnings: readonly string[];
}

/** Characters drawn one em wide: CJK ideographs, kana, hangul, full-width forms and CJK punctuation. */
const wide = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/**
 * Estimated width in px of `text` at `fontSize`: 1 em per CJK character, 0.6 em per other
 * character (the mean advance of Latin sans-serif text is 0.5–0.6 em). Vega's own estimate
 * without canvas is 0.8 em for every character, which undercounts Chinese labels and lets the
 * SVG viewBox clip them.
 * @example estimateTextWidth('年份 year', 10); // => 50
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  // In tenths of an em, so the sum stays exact in floating point.
  let tenths = 0;
  for (const char of text) tenths += wide.test(char) ? 10 : 6;
  return Math.ceil((tenths * fontSize) / 10);
}

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
}

// Vega supports a user-defined textMetrics.width (vl-convert does the same); it is not in the typings.
const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
metrics.width = (item, text) => {
  const value = text ?? item.text;
  const lines = Array.isArray(value) ? value.map(String) : [value === undefined || value === null ? '' : String(value)];
  const size = item.fontSize ?? 11;
  return Math.max(0, ...lines.map((line) => estimateTextWidth(line, size)));
};

/**
 * Makes Vega's SVG fit an HTML page: every `id` (and each `url(#…)` / `href="#…"` to it) gets
 * `prefix`, so clip paths and gradients of several inline charts never collide, and the root
 * element gets `className`, `role="img"` and an `aria-label`; its width/height stay as the
 * intrinsic size (CSS scales it to 100% through the viewBox).
 * @example inlineSvg('<svg width="10"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', 'c', 'T');
 * // => '<svg class="chart" role="img" aria-label="T" width="10"><clipPath id="c-clip1"/><g clip-path="url(#c-clip1)"/></svg>'
 */
export function inlineSvg(svg: string, prefix: string, label: string, className = 'chart'): string {
  const safeLabel = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`)
    .replace(/^<svg\b/, `<svg class="${className}" role="img" aria-label="${safeLabel}"`);
}

/**
 * Compiles a Vega-Lite spec and renders it headless to SVG (`renderer: 'none'`, then `toSVG`).
 * Warnings from Vega-Lite's compiler and from the Vega view are collected, not printed.
 * Reference: https://vega.github.io/vega/usage/#node
 * @param spec a Vega-Lite spec with its data inlined
 * @param prefix id prefix unique within the page (see inlineSvg)
 * @param label accessible name of the chart
 * @param className class of the root `<svg>` (default `chart`)
 * @returns the SVG markup and the warnings
 * @throws Error when the spec does not compile
 * @example (await renderChartSvg(spec, 'fan-x', 'Fan chart')).svg.startsWith('<svg class="chart"'); // => true
 */
export async function renderChartSvg(spec: TopLevelSpec, prefix: string, label: string, className = 'chart'): Promise<RenderedChart> {
  const warnings: string[] = [];
  const collect = (...args: readonly unknown[]) => warnings.push(args.map(String).join(' '));
  const logger = {
    level(): number { return 0; },
    error: (...args: readonly unknown[]) => { throw new Error(args.map(String).join(' ')); },
    warn: collect,
    info: () => undefined,
    debug: () => undefined,
  };
  const { spec: vegaSpec } = compile(spec, { logger: logger as never });
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none', logLevel: vega.Warn });
  view.logger({ ...logger, level: () => vega.Warn } as never);
  try {
    const svg = await view.toSVG();
    return { svg: inlineSvg(svg, prefix, label, className), warnings };
  } finally {
    view.finalize();
  }
}
