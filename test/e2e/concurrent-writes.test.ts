/** Commands that update one shared file at the same time: nothing may be lost. */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const MAIN = join(ROOT, 'dist', 'engine', 'cli', 'main.js');
const DL = join(ROOT, 'test', 'fixtures', 'downloads');

/** Runs the CLI without waiting: resolves with its exit code and stderr. */
function start(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [MAIN, ...args], { cwd });
    let stderr = '';
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('concurrent data add into one folder', () => {
  it('ten at once all land in catalog.json, each with its CSV, and no lock or temporary file is left (a new folder, then an existing catalog)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-concurrent-'));
    const data = join(dir, 'data');
    for (const round of ['a', 'b']) {
      const ids = Array.from({ length: 10 }, (_, i) => `${round}${i}`);
      const runs = await Promise.all(ids.map((id) => start(['data', 'add', join(DL, 'fred-DGS2.csv'), '--id', id, '--into', data], dir)));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
    }
    const all = ['a', 'b'].flatMap((r) => Array.from({ length: 10 }, (_, i) => `${r}${i}`)).sort();
    const catalog = JSON.parse(readFileSync(join(data, 'catalog.json'), 'utf8'));
    expect(catalog.series.map((s: { id: string }) => s.id).sort()).toEqual(all);
    const ids = readFileSync(join(data, 'series-ids.d.ts'), 'utf8');
    for (const id of all) expect(ids).toContain(`${id}: true;`);
    expect(readdirSync(data).sort()).toEqual(['catalog.json', 'series-ids.d.ts', ...all.map((id) => `${id}.csv`)].sort());
  }, 180_000);
});
