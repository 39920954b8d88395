const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses a plain decimal number ("12.5", "-3e-4"); returns a reason string when the text
 * is not one (blank, `NaN`, `null`, thousands separators, text).
 */
export function parseNumber(text: string): number | string {
  const t = text.trim();
  if (t === '') return 'is empty';
  if (NUMBER_RE.test(t)) {
    const x = Number(t);
    return Number.isFinite(x) ? x : `"${text}" is out of range`;
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) return `"${text}" has a thousands separator; write plain digits`;
  return `"${text}" is not a number`;
}
