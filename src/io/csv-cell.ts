// CSV injection (OWASP): a text cell a spreadsheet would run as a formula is written with a leading
// apostrophe; an id that would need it is refused at input instead, so ids round-trip unchanged.

/** First characters a spreadsheet reads as the start of a formula (OWASP "CSV Injection"). */
export const formulaTriggers: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** A number as the engine writes it (formatNumber): left as it is even when it starts with "-" or "+". */
const numberText = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$|^-?Inf$/i;

/** Control characters other than tab, LF and CR (those are quoted by the CSV writer). */
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The cell as written to CSV: a text that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
 * gets a leading apostrophe, which spreadsheets show and never evaluate; numbers are untouched.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 * @example neutraliseCell('=1+2'); // => "'=1+2"
 * @example neutraliseCell('-0.25'); // => '-0.25'
 */
export function neutraliseCell(text: string): string {
  if (text === '' || !formulaTriggers.includes(text[0]) || numberText.test(text)) return text;
  return `'${text}`;
}

/**
 * True when an id (a scenario, model, series, source or target name, a region, a unit) is written to
 * CSV exactly as given: it does not begin with a formula trigger and holds no control character.
 * @example isCsvSafeId('bj.ai.core'); // => true
 * @example isCsvSafeId('=cmd|x'); // => false
 */
export function isCsvSafeId(text: string): boolean {
  return text !== '' && !formulaTriggers.includes(text[0]) && !controlCharacters.test(text);
}
