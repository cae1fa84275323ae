// Golden files compare numbers to a few significant digits (Plot's lesson), so that a change in
// the last bits of floating point does not churn them while any real change still shows.

/** Rewrites every decimal number in a CSV text to `digits` significant digits. */
export function normaliseNumbers(text: string, digits = 4): string {
  return text.replace(/-?\d+\.\d+(e-?\d+)?/g, (match) => {
    const value = Number(match);
    return Number.isFinite(value) ? String(Number(value.toPrecision(digits))) : match;
  });
}
