import { basename } from 'node:path';
import type { RunData } from '../read-run.js';

/** A run's short and full labels on the comparison page. */
export interface RunLabel {
  /** R1, R2, … in the order given. */
  tag: string;
  /** Tag, strategy id and the parameters that differ between the runs (the column header). */
  short: string;
  /** Every parameter, the universe, the period and the folder (hover text and legend). */
  full: string;
}

function paramText(v: unknown): string {
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/**
 * Short labels: `R<i> <strategy id> k=v…` with only the parameters whose values differ between
 * runs of the same strategy, plus the universe when universes differ.
 * @example runLabels(runs)[1].short // "R2 first-cut-rotation months=6"
 */
export function runLabels(runs: readonly RunData[]): RunLabel[] {
  // parameters whose values differ between runs of the same strategy (the id tells strategies apart)
  const changedOf = new Map<string, string[]>();
  for (const id of new Set(runs.map((r) => r.manifest.strategy.id))) {
    const same = runs.filter((r) => r.manifest.strategy.id === id);
    const keys = [...new Set(same.flatMap((r) => Object.keys(r.manifest.strategy.params)))];
    changedOf.set(
      id,
      keys.filter((k) => new Set(same.map((r) => (k in r.manifest.strategy.params ? paramText(r.manifest.strategy.params[k]) : '\u0000'))).size > 1),
    );
  }
  const universes = new Set(runs.map((r) => r.manifest.universe.id)).size > 1;
  return runs.map((r, i) => {
    const m = r.manifest;
    const p = m.strategy.params;
    const diff = changedOf
      .get(m.strategy.id)!
      .filter((k) => k in p)
      .map((k) => `${k}=${paramText(p[k])}`);
    const all =
      Object.entries(p)
        .map(([k, v]) => `${k}=${paramText(v)}`)
        .join(' ') || '(defaults)';
    return {
      tag: `R${i + 1}`,
      short: [`R${i + 1}`, m.strategy.id, ...diff, ...(universes ? [`[${m.universe.id}]`] : [])].join(' '),
      full: `${m.strategy.name} (${m.strategy.id}) ${all}; universe ${m.universe.id}; ${m.period.from} to ${m.period.to}; folder ${basename(r.dir)}`,
    };
  });
}
