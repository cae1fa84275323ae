// A code frame: the offending source line with a caret under the value (Babel/Squiggle style).

/** The last text split into lines: a file with many problems is split once, not once per problem. */
let lastText: string | undefined;
let lastLines: readonly string[] = [];

function linesOf(text: string): readonly string[] {
  if (text !== lastText) {
    lastText = text;
    lastLines = text.split(/\r?\n/);
  }
  return lastLines;
}

/** Longest source line shown in a frame: a minified file's one line is cut around the caret. */
const maxShownWidth = 160;

/**
 * Renders the line `line` of `text` with its number and a caret run of `width` under column `col`.
 * A line longer than 160 characters is shown as the 160 around the caret, cut with "…".
 * @example codeFrame('a: 1\nyear: 2030.5\n', 2, 7, 6);
 * // => '   2 | year: 2030.5\n     |       ^^^^^^'
 */
export function codeFrame(text: string, line: number, col: number, width = 1): string {
  const full = linesOf(text)[line - 1];
  if (full === undefined) return '';
  let source = full;
  let column = col;
  if (full.length > maxShownWidth) {
    const start = Math.max(0, Math.min(col - 1 - maxShownWidth / 2, full.length - maxShownWidth));
    source = `${start > 0 ? '…' : ''}${full.slice(start, start + maxShownWidth)}${start + maxShownWidth < full.length ? '…' : ''}`;
    column = col - start + (start > 0 ? 1 : 0);
  }
  const number = String(line).padStart(4);
  const gutter = ' '.repeat(number.length);
  const caretWidth = Math.max(1, Math.min(width, source.length - column + 1));
  return `${number} | ${source}\n${gutter} | ${' '.repeat(Math.max(0, column - 1))}${'^'.repeat(caretWidth)}`;
}
