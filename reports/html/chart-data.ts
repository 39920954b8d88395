import type { Table } from '../read-run.js';
import { column } from '../read-run.js';
import { downsampleIndexes } from './downsample.js';

/** Seconds since epoch of an ISO date (uPlot's time unit). */
export function isoToSeconds(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 1000;
}

/** One value rounded for display (6 significant digits); NaN and ±Infinity as null (JSON-safe gaps). */
export function displayValue(v: number): number | null {
  return Number.isFinite(v) ? Number(v.toPrecision(6)) : null;
}

/** {@link displayValue} of the values at rows `keep`. */
export function displayValues(values: ArrayLike<number>, keep: ArrayLike<number>): (number | null)[] {
  const out: (number | null)[] = new Array(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = displayValue(values[keep[i]]);
  return out;
}

/** Contiguous easing/tightening runs of the `phase` column, in seconds. */
export function phaseRuns(equity: Table): { from: number; to: number; kind: 'easing' | 'tightening' }[] {
  const runs: { from: number; to: number; kind: 'easing' | 'tightening' }[] = [];
  let start = -1;
  let kind = '';
  for (let i = 0; i <= equity.length; i++) {
    const k = i < equity.length ? equity[i].phase : '';
    if (k !== kind) {
      if (start >= 0 && (kind === 'easing' || kind === 'tightening')) {
        runs.push({ from: isoToSeconds(equity[start].date), to: isoToSeconds(equity[i - 1].date), kind });
      }
      start = i;
      kind = k;
    }
  }
  return runs;
}

/** Display sample of a run's bars: indexes kept (≤ ~2 per bucket) and their x values. */
export function sampleBars(equity: Table, buckets = 1500): { keep: Int32Array; x: number[] } {
  const keep = downsampleIndexes(column(equity, 'equity'), buckets);
  return { keep, x: Array.from(keep, (i) => isoToSeconds(equity[i].date)) };
}
