// A code frame: the offending source line with a caret under the value (Babel/Squiggle style).

/**
 * Renders the line `line` of `text` with its number and a caret run of `width` under column `col`.
 * @example codeFrame('a: 1\nyear: 2030.5\n', 2, 7, 6);
 * // => '   2 | year: 2030.5\n     |       ^^^^^^'
 */
export function codeFrame(text: string, line: number, col: number, width = 1): string {
  const lines = text.split(/\r?\n/);
  const source = lines[line - 1];
  if (source === undefined) return '';
  const number = String(line).padStart(4);
  const gutter = ' '.repeat(number.length);
  const caretWidth = Math.max(1, Math.min(width, source.length - col + 1));
  return `${number} | ${source}\n${gutter} | ${' '.repeat(Math.max(0, col - 1))}${'^'.repeat(caretWidth)}`;
}
