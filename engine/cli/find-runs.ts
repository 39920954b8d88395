import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One run folder found under an output folder. */
export interface RunFolder {
  /** Folder path as shown (relative to the working folder). */
  dir: string;
  /** Last change of its run.json, ms since epoch (folders sort by it, newest first). */
  mtime: number;
  strategy: string;
  universe: string;
  from: string;
  to: string;
  bars: number;
  totalReturn: number | null;
  sharpe: number | null;
}

/** The parts of run.json and metrics.json this listing reads (any of them may be missing). */
interface RunJsonParts {
  strategy?: { id?: unknown };
  universe?: { id?: unknown };
  period?: { from?: unknown; to?: unknown; bars?: unknown };
  metrics?: { strategy?: { totalReturn?: unknown; sharpe?: unknown } };
}

function readJson(path: string): RunJsonParts | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Run folders (folders with a run.json) under `root`, up to `depth` levels down (sweeps and
 * the demo keep runs in sub-folders), newest first by the time their run.json was written;
 * temporary and partial folders are skipped.
 */
export function findRuns(root: string, depth = 3): RunFolder[] {
  const out: RunFolder[] = [];
  const walk = (dir: string, level: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    if (names.includes('run.json')) {
      const manifest = readJson(join(dir, 'run.json'));
      if (manifest) {
        const m = readJson(join(dir, 'metrics.json'))?.metrics?.strategy ?? {};
        out.push({
          dir: relative(process.cwd(), dir) || dir,
          mtime: statSync(join(dir, 'run.json')).mtimeMs,
          strategy: String(manifest.strategy?.id ?? '?'),
          universe: String(manifest.universe?.id ?? '?'),
          from: String(manifest.period?.from ?? ''),
          to: String(manifest.period?.to ?? ''),
          bars: Number(manifest.period?.bars ?? NaN),
          totalReturn: typeof m.totalReturn === 'number' ? m.totalReturn : null,
          sharpe: typeof m.sharpe === 'number' ? m.sharpe : null,
        });
      }
    }
    if (level >= depth) return;
    for (const n of names.sort()) {
      if (n.startsWith('.') || n.endsWith('.partial') || n === 'node_modules') continue;
      const p = join(dir, n);
      try {
        if (statSync(p).isDirectory()) walk(p, level + 1);
      } catch {
        /* vanished meanwhile */
      }
    }
  };
  walk(root, 0);
  return out.sort((a, b) => b.mtime - a.mtime || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}
