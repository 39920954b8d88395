import { groupDigits } from '../../reports/html/format.js';

/** Shown for a value that does not exist (NaN), as in the HTML report. */
export const MISSING = '–';

/** Fraction as a percentage with 2 decimals and thousands separators, like the HTML report ("1,234.56%", never "-0.00%"); "–" for NaN. */
export function pct(x: number, digits = 2): string {
  return Number.isFinite(x) ? `${groupDigits(x * 100, digits)}%` : MISSING;
}

/** Number with `digits` decimals and thousands separators, like the HTML report ("-1,234.56", never "-0.00"); "–" for NaN. */
export function num(x: number, digits = 2): string {
  return Number.isFinite(x) ? groupDigits(x, digits) : MISSING;
}

/** A whole count with thousands separators ("9,672"). */
export function count(n: number): string {
  return num(n, 0);
}

/**
 * Wraps text at spaces to lines of at most `width` characters, each starting with `indent`
 * (the first with `first`, default the same): a word longer than a line gets a line of its own.
 *
 * @example wrapText('a b c', 3, '') // 'a b\nc'
 */
export function wrapText(text: string, width: number, indent: string, first = indent): string {
  const lines: string[] = [];
  let line = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    const lead = lines.length ? indent : first;
    if (line && lead.length + line.length + 1 + w.length > width) {
      lines.push(lead + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push((lines.length ? indent : first) + line);
  return lines.join('\n');
}

/** The terminal's width for wrapped text: its columns, between 60 and 120 (100 when not a terminal). */
export function textWidth(): number {
  return Math.max(60, Math.min(120, process.stdout.columns || 100));
}
