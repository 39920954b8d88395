/**
 * What data/build.ts lends the builders in data/build/: reading a raw file, writing a shipped
 * CSV (checked and summarized for the README like every other file) and adding a line to the
 * build log. Plus the small pure helpers those builders share. Nothing here writes on its own.
 */

/** The build's input and output, as data/build.ts implements them. */
export interface BuildContext {
  /** The text of a raw file (relative to the raw folder), UTF-8 BOM removed; line endings as stored. */
  raw(rel: string): string;
  /** Writes `data/<file>` with the given header and already formatted rows (`date` first, ascending). */
  writeTable(file: string, columns: string[], rows: string[][]): void;
  /** Adds a line to the build log (console and the README's generated notes). */
  note(line: string): void;
}

/** Raw lines without line-ending characters (CRLF or LF). */
export function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

/** Days since 1970-01-01 of an ISO date. */
export function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 864e5;
}

/** ISO date `n` calendar days after `iso`. */
export function addDays(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * 864e5).toISOString().slice(0, 10);
}

/** Day of the week, 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

/** YYYYMM → last calendar day of that month. */
export function monthEnd(yyyymm: string): string {
  return new Date(Date.UTC(Number(yyyymm.slice(0, 4)), Number(yyyymm.slice(4, 6)), 0)).toISOString().slice(0, 10);
}

/** Percent → fraction, rounded to 12 significant digits (as the other shipped Fama/French files). */
export function pctToFraction(pct: number): number {
  return Number((pct / 100).toPrecision(12));
}

/** Exact text of a number for a shipped CSV (no "-0", never exponent notation). */
export function exact(x: number): string {
  const s = String(x === 0 ? 0 : x);
  if (/e/i.test(s)) throw new Error(`value ${s} would be written in exponent notation`);
  return s;
}

/** Parses a numeric cell; throws on anything that is not a plain number. */
export function toNumber(text: string, where: string): number {
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x)) throw new Error(`${where}: not a number: "${text}"`);
  return x;
}

/** Correlation and mean absolute difference of two series over their common keys. */
export function agreement(a: Map<string, number>, b: Map<string, number>): { n: number; corr: number; mad: number; max: number } {
  const x: number[] = [];
  const y: number[] = [];
  for (const [k, v] of a) {
    const w = b.get(k);
    if (w === undefined) continue;
    x.push(v);
    y.push(w);
  }
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  let mad = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
    mad += Math.abs(x[i] - y[i]);
    max = Math.max(max, Math.abs(x[i] - y[i]));
  }
  return { n, corr: sxy / Math.sqrt(sxx * syy), mad: mad / n, max };
}
