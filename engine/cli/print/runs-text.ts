import type { RunFolder } from '../find-runs.js';
import { count, num, pct } from '../format.js';
import { textTable } from '../table.js';

/** `runs --json`: the run folders with the time each was written (ISO 8601, UTC). */
export function runsJson(runs: readonly RunFolder[]): object[] {
  return runs.map((r) => ({ ...r, written: new Date(r.mtime).toISOString() }));
}

/** `runs` as terminal text: a table of the run folders (written, UTC to the minute; folder; strategy; universe; period; total return; Sharpe), or a line saying `root` holds none. */
export function runsText(runs: readonly RunFolder[], root: string): string {
  if (runs.length === 0) return `no run folders under ${root}`;
  const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return textTable(
    ['written (UTC)', 'folder', 'strategy', 'universe', 'from', 'to', 'bars', 'total return', 'Sharpe'],
    runs.map((r) => [when(r.mtime), r.dir, r.strategy, r.universe, r.from, r.to, count(r.bars), pct(r.totalReturn ?? NaN), num(r.sharpe ?? NaN)]),
  );
}
