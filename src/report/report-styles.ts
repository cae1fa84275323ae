// The report's only stylesheet (inlined): readable on a narrow screen and printed on A4.
import { reportFontStack } from './report-fonts.js';
import { statusClass, statusColours } from './status-colours.js';

/**
 * CSS of report.html:
 * - screen: one column up to 66 rem, charts `width: 100%` through their viewBox, tables scroll
 *   sideways inside their own box on narrow screens, where compact chart variants replace wide ones;
 * - print (A4, 15 mm margins): each major section starts a page, figures and table rows never
 *   split, no scroll boxes (tables shrink to fit instead), link targets not expanded.
 * Reference: CSS Paged Media Level 3 (`@page`), CSS Fragmentation Level 3 (`break-*`).
 * @example reportStyles.includes('@page'); // => true
 */
export const reportStyles = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: ${reportFontStack}; margin: 0 auto; padding: 1rem; max-width: 66rem; line-height: 1.5; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #ddd; padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin: 1.8rem 0 0.3rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
p, li { overflow-wrap: anywhere; }
.en { color: #444; }
.muted { color: #666; font-size: 0.9em; }
nav ol { padding-left: 1.2rem; columns: 2 14rem; }
figure { margin: 0.8rem 0 1.6rem; }
figure svg.chart { display: block; width: 100%; height: auto; max-width: min(100%, 54rem); }
figure svg.chart-compact { display: none; }
figcaption { font-size: 0.85em; color: #444; }
figcaption .muted { font-size: 1em; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 0.5rem 1.5rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; max-width: 100%; }
table { border-collapse: collapse; font-size: 0.85rem; min-width: 100%; }
th, td { border: 1px solid #d8d8d8; padding: 0.25rem 0.45rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.status { white-space: nowrap; font-weight: 600; }
.nobr { white-space: nowrap; }
td.target { min-width: 14rem; }
td.scenario { white-space: nowrap; }
${Object.entries(statusColours).map(([status, colour]) => `td.${statusClass(status)} { background: ${colour}; }`).join('\n')}
.swatch { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.3em; vertical-align: -0.05em; }
blockquote { margin: 0.2rem 0 0.6rem 0; padding: 0.1rem 0.6rem; border-left: 3px solid #ccc; color: #333; font-size: 0.9em; }
.source { margin-bottom: 1.4rem; break-inside: avoid-page; }
.source ul { padding-left: 1.1rem; margin: 0.3rem 0; }
.source li { margin-bottom: 0.3rem; }
code { font-size: 0.85em; background: #f5f5f5; padding: 0 0.2em; border-radius: 2px; }
@media (max-width: 40rem) {
  body { padding: 0.6rem; }
  figure svg.chart-wide { display: none; }
  figure svg.chart-compact { display: block; }
  h1 { font-size: 1.3rem; }
  table { font-size: 0.8rem; }
  /* The table scrolls sideways here; a narrower target column and wrapping status words keep
     scenario, status and probability on a phone's screen. */
  td.target { min-width: 8.5rem; }
  td.status { white-space: normal; }
}
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section.major { break-before: page; }
  section.major:first-of-type { break-before: auto; }
  h2, h3, h4 { break-after: avoid-page; }
  figure, section.variable, section.tornado, div.passage { break-inside: avoid-page; }
  /* A variable's heading, notes and chart fit one page together (A4 less margins is 267 mm). */
  figure svg.chart { max-height: 150mm; }
  figure svg.chart-wide { display: block; }
  figure svg.chart-compact { display: none; }
  .scroll { overflow: visible; }
  table { font-size: 7.5pt; min-width: 0; width: 100%; }
  tr { break-inside: avoid-page; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  td.status, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
