import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { writeDirAtomically } from '../../engine/io/atomic-dir.js';
import { toCsv, type Cell } from '../../engine/io/csv-writer.js';
import { UserError } from '../../engine/errors.js';
import { readRunFolder, type RunData } from '../read-run.js';
import { renderCompare } from './render-compare.js';

/** Whether a higher value of a metric is better (1), worse (−1), or neither (0). */
export const BETTER: Record<string, 1 | -1 | 0> = {
  totalReturn: 1, cagr: 1, volatility: -1, sharpe: 1, sortino: 1, calmar: 1, maxDrawdown: 1, longestDrawdownDays: -1,
  turnoverAnnual: -1, bestMonth: 1, worstMonth: 1, bestYear: 1, worstYear: 1, positiveMonths: 1, skew: 1, kurtosis: -1,
  var95: 1, cvar95: 1, alphaAnnual: 1, informationRatio: 1, psr: 1,
};

/** A short label of a run: strategy name, its parameters and the folder name. */
export function runLabel(run: RunData): string {
  const params = Object.entries(run.manifest.strategy.params).map(([k, v]) => `${k}=${String(v)}`).join(' ');
  return `${run.manifest.strategy.name}${params ? ` (${params})` : ''} [${basename(run.dir)}]`;
}

/** Reasons why runs cannot be compared one to one (different periods, universes or data). */
export function comparability(runs: RunData[]): string[] {
  const notes: string[] = [];
  const first = runs[0].manifest;
  for (const r of runs.slice(1)) {
    const m = r.manifest;
    const name = basename(r.dir);
    if (m.universe.id !== first.universe.id) notes.push(`${name} uses universe ${m.universe.id}, the first run ${first.universe.id}`);
    if (m.period.from !== first.period.from || m.period.to !== first.period.to) notes.push(`${name} covers ${m.period.from} to ${m.period.to}, the first run ${first.period.from} to ${first.period.to}`);
    const files = new Set([...Object.keys(m.data.hashes), ...Object.keys(first.data.hashes)]);
    const differ = [...files].filter((f) => m.data.hashes[f] && first.data.hashes[f] && m.data.hashes[f] !== first.data.hashes[f]);
    if (differ.length) notes.push(`${name} used different versions of ${differ.join(', ')}`);
  }
  return notes;
}

/** Index of the best run per metric (NaN when the metric has no direction or no values). */
export function bestIndex(values: (number | null)[], direction: 1 | -1 | 0): number {
  if (!direction) return NaN;
  let best = NaN;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    if (Number.isNaN(best) || direction * v > direction * (values[best] as number)) best = i;
  });
  return best;
}

/** Rows of compare.csv: metric, label, unit, one column per run, then differences vs the first run. */
export function compareRows(runs: RunData[]): { header: string[]; rows: Cell[][] } {
  const labels = runs.map(runLabel);
  const defs = runs[0].metrics.definitions;
  const header = ['metric', 'label', 'unit', ...labels, ...labels.slice(1).map((l) => `diff: ${l}`)];
  const rows: Cell[][] = Object.entries(defs).map(([key, def]) => {
    const vals = runs.map((r) => r.metrics.metrics.strategy?.[key] ?? null);
    const diffs = vals.slice(1).map((v) => (typeof v === 'number' && typeof vals[0] === 'number' && def.unit !== 'date' ? v - vals[0] : null));
    return [key, def.label, def.unit, ...vals, ...diffs];
  });
  return { header, rows };
}

/**
 * Compares run folders side by side: writes compare.csv and compare.html into `outDir`
 * (a new folder, written in a temporary folder and renamed into place; an existing one
 * is replaced only with `force`).
 */
export async function compareRuns(dirs: readonly string[], outDir: string, opts: { force?: boolean } = {}): Promise<string> {
  if (dirs.length < 2) throw new UserError('compare needs at least two run folders');
  const runs = dirs.map((d) => readRunFolder(d));
  const notes = comparability(runs);
  const { header, rows } = compareRows(runs);
  return writeDirAtomically(outDir, opts.force ?? false, (tmp) => {
    writeFileSync(join(tmp, 'compare.csv'), toCsv(header, rows));
    writeFileSync(join(tmp, 'compare.html'), renderCompare(runs, notes));
  });
}
