// Escaping text for HTML: the one place report text (quotes, titles, labels) is made safe to inline.

const replacements: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes the five characters with meaning in HTML text and attribute values
 * (`& < > " '`), so any quoted passage can be placed in an element or a quoted attribute.
 * Reference: HTML Living Standard §13.1.2.6 (attribute values) and OWASP XSS rule #1.
 * @param text any string (undefined is treated as empty)
 * @returns the escaped string
 * @example escapeHtml('达到"3000亿元" <b>'); // => '达到&quot;3000亿元&quot; &lt;b&gt;'
 */
export function escapeHtml(text: string | number | undefined): string {
  if (text === undefined) return '';
  return String(text).replace(/[&<>"']/g, (char) => replacements[char]);
}
