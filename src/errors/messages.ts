// Every message wording lives here (vega-lite's log/message.ts lesson): `<field> must <rule>, got <value>`.

/** Shows a received value the way a user wrote it: strings quoted, objects as compact JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

export const messages = {
  mustBe: (field: string, rule: string, value: unknown) => `${field} must ${rule}, got ${showValue(value)}`,
  required: (field: string) => `${field} is required, got nothing`,
  unknownKey: (field: string, key: string) => `${field} has an unknown key, got ${showValue(key)}`,
  oneOf: (field: string, allowed: readonly string[], value: unknown) =>
    `${field} must be one of: ${allowed.join(', ')}, got ${showValue(value)}`,
  notANumber: (field: string, value: string) =>
    value.includes(',') && /^\d+,\d+$/.test(value.trim())
      ? `${field} must be a number (use "." as the decimal separator), got ${showValue(value)}`
      : `${field} must be a number, got ${showValue(value)}`,
  duplicate: (field: string, value: unknown, firstLine: number) =>
    `${field} must be unique, got ${showValue(value)} again (first on line ${firstLine})`,
  unknownReference: (field: string, kind: string, value: unknown) =>
    `${field} must name a known ${kind}, got ${showValue(value)}`,
  yamlSyntax: (detail: string) => `file must be valid YAML: ${detail}`,
  csvSyntax: (detail: string) => `file must be valid CSV: ${detail}`,
  fileMissing: (file: string) => `file must exist and be readable, got ${showValue(file)}`,
} as const;
