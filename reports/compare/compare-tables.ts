import type { Cell } from '../../engine/core/io/csv-writer.js';
import type { CompareModel } from './compare-model.js';

const numOrNull = (v: number | string | null | undefined) => (typeof v === 'number' ? v : null);

/** The wide table (compare-wide.csv): metric, label, unit, one column per run, then differences vs R1. */
export function compareRows(model: CompareModel | { runs: CompareModel['runs']; metrics: CompareModel['metrics']; labels: CompareModel['labels'] }): {
  header: string[];
  rows: Cell[][];
} {
  const { runs, metrics, labels } = model;
  const defs = runs[0].metrics.definitions;
  const header = ['metric', 'label', 'unit', ...labels.map((l) => l.short), ...labels.slice(1).map((l) => `diff: ${l.short}`)];
  const rows: Cell[][] = Object.entries(defs).map(([key, def]) => {
    const vals = metrics.map((m) => m[key] ?? null);
    const base = numOrNull(vals[0]);
    const diffs = vals.slice(1).map((v) => (typeof v === 'number' && base !== null && def.unit !== 'date' ? v - base : null));
    return [key, def.label, def.unit, ...vals, ...diffs];
  });
  return { header, rows };
}

/** Tidy long form (compare.csv): one row per run (or buy-and-hold) and metric; numbers in `value`, dates in `date`. */
export function compareLong(model: CompareModel): { header: string[]; rows: Cell[][] } {
  const defs = model.runs[0].metrics.definitions;
  const entries = [...model.labels.map((l, i) => ({ run: l.short, m: model.metrics[i] })), ...model.holds.map((h) => ({ run: h.key, m: h.metrics }))];
  const rows: Cell[][] = entries.flatMap((e) =>
    Object.entries(defs).map(([key, def]) => {
      const v = e.m[key] ?? null;
      return def.unit === 'date' ? [e.run, key, null, def.unit, v === null ? '' : String(v)] : [e.run, key, numOrNull(v), def.unit, ''];
    }),
  );
  return { header: ['run', 'metric', 'value', 'unit', 'date'], rows };
}
