import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';

const MAIN = join(ROOT, 'dist', 'engine', 'cli', 'main.js');

describe('two sweep processes on one folder', () => {
  it('a --resume while another process writes the folder is refused in one line; the first finishes with each set once', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-lock-'));
    const out = join(dir, 'sw');
    // a strategy that takes at least 25 ms per set, so the first sweep is still running when the second starts
    const file = join(dir, 'slow.mjs');
    writeFileSync(
      file,
      `export default {
  id: 'slow', name: 'Slow', description: 'small caps on odd k, large on even, slowly', assets: ['small', 'large'],
  params: { k: { type: 'integer', default: 1, min: 1, max: 1000, description: 'k' } },
  weights(view, p) {
    const until = Date.now() + 25;
    while (Date.now() < until);
    const s = new Float64Array(view.length).fill(p.k % 2);
    return { small: s, large: s.map((x) => 1 - x) };
  },
};
`,
    );
    const args = ['sweep', file, '--grid', 'k=1:216:1', '--from', '2015-01-01', '--workers', '1', '--batch', '4', '--top', '0', '--out', out];
    const first = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let firstErr = '';
    first.stderr.on('data', (d) => (firstErr += d));
    const exited = new Promise<number>((resolve) => first.on('exit', (code) => resolve(code ?? -1)));
    const lock = join(`${out}.partial`, '.lock');
    const t0 = Date.now();
    while (!existsSync(lock) && Date.now() - t0 < 120_000) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(lock)).toBe(true);
    const second = cli([...args, '--resume']);
    expect(second.code).toBe(1);
    expect(
      second.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('warning:')),
    ).toHaveLength(1); // warnings (stale series) may precede it
    expect(second.stderr).toMatch(new RegExp(`is being written by process ${first.pid} on .*; wait for it to finish`));
    expect(await exited, firstErr).toBe(0);
    const idx = readFileSync(join(out, 'results.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    expect(idx).toEqual(Array.from({ length: 216 }, (_, i) => i));
    expect(existsSync(join(out, '.lock'))).toBe(false);
  });
});
