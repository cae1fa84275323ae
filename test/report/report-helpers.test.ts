import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/io/read-csv.js';
import { InputError } from '../../src/errors/input-error.js';
import { chartSlug } from '../../src/report/build-report.js';
import { qualifierBand } from '../../src/report/collect-report-data.js';
import { displayNumber, reportedNumber } from '../../src/report/display-number.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { estimateTextWidth, inlineSvg } from '../../src/report/render-chart-svg.js';
import { reportOutputFiles } from '../../src/report/report-output-files.js';
import { scenarioColours } from '../../src/report/scenario-colours.js';
import { parseSensitivityTable } from '../../src/report/parse-sensitivity-table.js';
import { thresholdText } from '../../src/report/targets-table-html.js';
import { recordTableHtml } from '../../src/report/record-table-html.js';
import { recordColumns } from '../../src/output/targets-table.js';
import type { Target } from '../../src/data/types.js';
import { tornadoSpec } from '../../src/report/tornado-spec.js';
import { boundGlyphs } from '../../src/report/fan-chart-spec.js';

describe('escapeHtml(text)', () => {
  it('escapes & < > " and \' so a passage is safe in an element or a quoted attribute', () => {
    expect(escapeHtml('达到"3000亿元" <b>')).toBe('达到&quot;3000亿元&quot; &lt;b&gt;');
    expect(escapeHtml(`a & b's`)).toBe('a &amp; b&#39;s');
    expect(escapeHtml(undefined)).toBe('');
  });
});

describe('displayNumber(value, unit)', () => {
  it('shows rates and probabilities as percentages, signed percents with a sign, levels to 4 significant digits', () => {
    expect(displayNumber(0.177, 'rate')).toBe('17.7%');
    expect(displayNumber(0.5, 'probability')).toBe('50.0%');
    expect(displayNumber(-4, 'percent')).toBe('−4.0%');
    expect(displayNumber(13.42, 'percent')).toBe('+13.4%');
    expect(displayNumber(25134.56, '亿元')).toBe('25,130');
    expect(displayNumber(6, 'count')).toBe('6');
    expect(displayNumber(Number.NaN, '亿元')).toBe('–');
  });
});

describe('qualifierBand(value, qualifier)', () => {
  it('gives ±3% for approx (the calibration band), an 8% arrow in the open direction for bounds, nothing for exact', () => {
    expect(qualifierBand(30000, 'approx')).toEqual({ low: 29100, high: 30900 });
    expect(qualifierBand(2500, 'atLeast')).toEqual({ low: 2500, high: 2700 });
    expect(qualifierBand(2500, 'atMost')).toEqual({ low: 2300, high: 2500 });
    expect(qualifierBand(2500, 'exact')).toEqual({ low: 2500, high: 2500 });
  });
});

/** A target with the given bounds, written in `writtenUnit` and judged in `unit`. */
function bounds(fields: Partial<Target>, unit: string, writtenUnit = unit): Target {
  return { id: 't', labelZh: '', labelEn: '', region: 'Beijing', kind: 'level', year: 2025, source: 's', quote: 'q', reading: 'r', file: 'f', line: 1, unit, writtenUnit, ...fields };
}

describe('thresholdText(target)', () => {
  it('reads the commitment, a ceiling and an aspiration in the unit the target was written in', () => {
    expect(thresholdText(bounds({ lower: { value: 3000, inclusive: true } }, '亿元'))).toBe('≥ 3000亿元');
    expect(thresholdText(bounds({ lower: { value: 48000, inclusive: true } }, '亿元', '万亿元'))).toBe('≥ 4.8万亿元');
    expect(thresholdText(bounds({ lower: { value: 0.1, inclusive: false } }, 'rate'))).toBe('> 10%');
    expect(thresholdText(bounds({ lower: { value: 5, inclusive: true }, aspiration: 10 }, 'count'))).toBe('≥ 5, aspiration 10');
    expect(thresholdText(bounds({ lower: { value: 5, inclusive: true }, upper: { value: 8, inclusive: true } }, 'count'))).toBe('≥ 5, ≤ 8');
    expect(thresholdText(bounds({ upper: { value: 10000, inclusive: false } }, 'persons'))).toBe('< 10000 persons');
    expect(thresholdText(bounds({ approx: { value: 2000, tolerance: 0.05 }, lower: { value: 1900, inclusive: true } }, '亿元'))).toBe('≈ 2000亿元 ±5% (met from 1900亿元)');
  });
});

describe('chartSlug(name)', () => {
  it('turns camelCase variables and target ids into kebab-case file names', () => {
    expect(chartSlug('infoSoftwareRevenue')).toBe('info-software-revenue');
    expect(chartSlug('bj-ai-core-2025')).toBe('bj-ai-core-2025');
    expect(chartSlug('a/b c')).toBe('a-b-c');
  });
});

describe('scenarioColours(scenarios)', () => {
  it('gives each scenario an Okabe–Ito colour in order', () => {
    expect(scenarioColours(['baseline', 'optimistic'])).toEqual({ baseline: '#0072B2', optimistic: '#009E73' });
  });
});

describe('estimateTextWidth(text, fontSize)', () => {
  it('counts one em per CJK character and 0.6 em per other character', () => {
    expect(estimateTextWidth('年份 year', 10)).toBe(50);
    expect(estimateTextWidth('北京', 11)).toBe(22);
  });
});

describe('inlineSvg(svg, prefix, label)', () => {
  it('prefixes ids and their references and labels the root element', () => {
    expect(inlineSvg('<svg width="10"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', 'c', 'T "x"')).toBe(
      '<svg class="chart" role="img" aria-label="T &#34;x&#34;" width="10"><clipPath id="c-clip1"/><g clip-path="url(#c-clip1)"/></svg>',
    );
  });
});

describe('parseSensitivityTable(table)', () => {
  const header = 'scenario,target,input,low,high,swingProbability\n';

  it('reads tornado rows with their probabilities', () => {
    expect(parseSensitivityTable(parseCsv('s.csv', `${header}baseline,bj-ai-core-2025,aiCoreIndustry.growth,0.2,0.8,0.6\n`))).toEqual([
      { scenario: 'baseline', target: 'bj-ai-core-2025', input: 'aiCoreIndustry.growth', low: 0.2, high: 0.8, swingProbability: 0.6 },
    ]);
  });

  it('reads sensitivity.csv as `forecast sensitivity` writes it (probabilityLow / probabilityHigh)', () => {
    const csv = 'scenario,target,rank,input,probabilityLow,probabilityHigh,swingProbability\nbaseline,t,1,a.growth,0.1,0.7,0.6\n';
    expect(parseSensitivityTable(parseCsv('sensitivity.csv', csv))).toEqual([{ scenario: 'baseline', target: 't', input: 'a.growth', low: 0.1, high: 0.7, swingProbability: 0.6 }]);
  });

  it('reports every bad cell at once, with its line', () => {
    const table = parseCsv('s.csv', `${header}baseline,t,,0.2,1.5,x\n`);
    expect(() => parseSensitivityTable(table)).toThrow(InputError);
    try {
      parseSensitivityTable(table);
    } catch (error) {
      expect((error as InputError).message.split('\n')).toEqual([
        's.csv:2  error  input is required, got nothing',
        's.csv:2  error  high must be a probability from 0 to 1, got 1.5',
        's.csv:2  error  swingProbability must be a number, got "x"',
      ]);
    }
  });

  it('names a missing column', () => {
    expect(() => parseSensitivityTable(parseCsv('s.csv', 'scenario,target\nbaseline,t\n'))).toThrow('s.csv:1  error  column input is required, got nothing\ns.csv:1  error  column low or probabilityLow is required, got nothing');
  });
});

describe('reportOutputFiles(report)', () => {
  it('names report.html first, then charts/<name>.vl.json as pretty JSON', () => {
    const files = reportOutputFiles({ html: '<!doctype html>', specs: { 'fan-x': { mark: 'point' } } });
    expect(files).toEqual([
      { name: 'report.html', content: '<!doctype html>' },
      { name: 'charts/fan-x.vl.json', content: '{\n  "mark": "point"\n}\n' },
    ]);
  });
});

describe('tornadoSpec(target, rows, …)', () => {
  const rows = [
    { scenario: 'baseline', target: 't', input: 'a.growth', low: 0.2, high: 0.9, swingProbability: 0.7, baseline: 0.6 },
    { scenario: 'baseline', target: 't', input: 'b.growth', low: 0.6, high: 0.6, swingProbability: 0, baseline: 0.6 },
  ];
  it('leaves out inputs that move the probability in no scenario, and draws the scenario’s own probability', () => {
    const spec = tornadoSpec('t', rows, ['baseline'], { baseline: '#0072B2' }) as unknown as { datasets: { bars: { input: string }[]; baselines: unknown[] } };
    expect(spec.datasets.bars.map((r) => r.input)).toEqual(['a.growth']);
    expect(spec.datasets.baselines).toEqual([{ scenario: 'baseline', baseline: 0.6 }]);
  });
});

describe('fan chart bounds', () => {
  it('draws a bound as a bar with an arrow into its open side (a path, in pixels), never as a point', () => {
    expect(boundGlyphs.atLeast).toMatch(/^M-1\.5,0H1\.5M0,0V-/);
    expect(boundGlyphs.atMost).toMatch(/^M-1\.5,0H1\.5M0,0V2/);
  });
});

describe('thresholdText(target) for a percent level', () => {
  it('shows "≥ 85%" (a level, unsigned), not a signed change', () => {
    expect(thresholdText(bounds({ lower: { value: 85, inclusive: true } }, 'percent'))).toBe('≥ 85%');
  });
});

describe('reportedNumber(value, unit)', () => {
  it('shows a figure as reported, for the sources list: no rounding', () => {
    expect(reportedNumber(7287.6, '亿元')).toBe('7,287.6');
    expect(reportedNumber(14906.1, '亿元')).toBe('14,906.1');
    expect(reportedNumber(0.177, 'rate')).toBe('17.7%');
    expect(reportedNumber(0.1234, 'rate')).toBe('12.34%');
  });
});

describe('recordTableHtml(rows)', () => {
  it('shows each decided target with its threshold in its unit, outcome word, margin and deciding source, escaped', () => {
    const row = Object.fromEntries(recordColumns.map((c) => [c, ''])) as Record<(typeof recordColumns)[number], string>;
    const html = recordTableHtml([
      { ...row, target: 'va-share', window: '2020', comparator: 'above', threshold: '11', unit: 'percent', outcome: 'achieved', value: '11.3', margin: '0.3', decidingSeries: 'bj.va.share', decidingYear: '2017', decidingPeriod: 'FY', decidingSource: 'src <a>', reason: 'reached in 2017' },
    ]);
    expect(html).toContain('&gt; 11%');
    expect(html).toContain('status-achieved');
    expect(html).toContain('已达成 achieved');
    expect(html).toContain('11.3 / +0.3');
    expect(html).toContain('src &lt;a&gt;');
    expect(recordTableHtml([])).toContain('no target is decided on record');
  });
});
