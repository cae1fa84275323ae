// The quick view after `forecast run`: a compact table of target verdicts per scenario.
import type { ScenarioResult } from '../pipeline/scenario-result.js';
import type { TargetStatus } from '../evaluate/target-status.js';

const colours: Record<TargetStatus, string> = { met: '\x1b[32m', likely: '\x1b[36m', 'at risk': '\x1b[33m', unlikely: '\x1b[31m' };
const reset = '\x1b[0m';

/** True when colour may be used: a terminal, and NO_COLOR (https://no-color.org) not set. */
export function useColour(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTTY;
}

/** Width of a string in terminal cells (CJK characters take two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

function percent(x: number, digits = 0): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '–';
}

function compact(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const abs = Math.abs(x);
  return abs >= 100 ? x.toFixed(0) : abs >= 1 ? x.toFixed(1) : x.toPrecision(2);
}

/** Renders every scenario's target verdicts as aligned text tables. */
export function terminalSummary(results: readonly ScenarioResult[], colour: boolean): string {
  const lines: string[] = [];
  for (const result of results) {
    const draws = result.targets[0]?.draws ?? result.scenario.draws;
    lines.push(`${result.scenario.scenario} — ${result.scenario.description.split('\n')[0]} (${draws.toLocaleString('en-US')} draws, seed ${result.scenario.seed})`);
    const header = ['target', 'year', 'P(met)', '±se', 'P(over)', 'median', 'threshold', 'gap', 'need/yr', 'status'];
    const rows = result.targets.map((t) => {
      const growth = t.unit === 'rate';
      const threshold = t.target.lower && t.target.upper
        ? `${compact(t.target.lower.value)}–${compact(t.target.upper.value)}`
        : (t.target.lower ? (t.target.lower.inclusive ? '≥' : '>') : (t.target.upper?.inclusive ? '≤' : '<')) +
          (growth ? percent((t.target.lower ?? t.target.upper)!.value, 1) : compact((t.target.lower ?? t.target.upper)!.value));
      return [
        t.target.id,
        String(t.target.year),
        percent(t.probabilityMet, 1),
        percent(t.probabilityMetSe, 1),
        // Only a range (or a ceiling) can be overshot: "5–10 unicorns" missed by having 17.
        t.target.upper ? percent(t.probabilityAbove, 1) : '–',
        growth ? percent(t.p50, 1) : compact(t.p50),
        threshold,
        Number.isFinite(t.gapPercent) ? `${t.gapPercent >= 0 ? '+' : ''}${t.gapPercent.toFixed(1)}%` : '–',
        percent(t.requiredCagr, 1),
        t.status,
      ];
    });
    const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]))));
    const right = [false, true, true, true, true, true, true, true, true, false];
    lines.push('  ' + header.map((h, i) => pad(h, widths[i], right[i])).join('  ').trimEnd());
    for (const row of rows) {
      const cells = row.map((cell, i) => pad(cell, widths[i], right[i]));
      // The status is the last column: coloured without padding, so no line ends in spaces.
      const last = row.length - 1;
      const status = row[last] as TargetStatus;
      cells[last] = colour ? `${colours[status] ?? ''}${row[last]}${reset}` : row[last];
      lines.push('  ' + cells.join('  ').trimEnd());
    }
    if (result.targets.length === 0) lines.push('  (no target judged by this model)');
    lines.push('');
  }
  return lines.join('\n');
}
