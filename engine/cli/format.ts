import { formatNumber } from '../core/format.js';

/** The terminal's names for the shared formatters (engine/core/format.ts). */
export { MISSING, formatPercent as pct, formatNumber as num } from '../core/format.js';

/** A whole count with thousands separators ("9,672"). */
export function count(n: number): string {
  return formatNumber(n, 0);
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

const warned = new Set<string>();

/**
 * Prints `warning: <text>` to stderr once per command: a command that runs several backtests on
 * the same data (demo, sweep's top runs) shows each data warning once.
 */
export function warnOnce(text: string): void {
  if (warned.has(text)) return;
  warned.add(text);
  console.error(`warning: ${text}`);
}
