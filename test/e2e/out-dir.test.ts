import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDirAtomically } from '../../engine/core/io/atomic-dir.js';
import { defaultOutDir } from '../../engine/cli/out-dir.js';
import { UserError } from '../../engine/core/errors.js';
import { cli, ROOT } from '../helpers/cli.js';

const MAIN = join(ROOT, 'dist', 'engine', 'cli', 'main.js');
const tmp = () => mkdtempSync(join(tmpdir(), 'ratecycle-out-'));
/** stderr without the data-caveat warnings a run prints before it writes. */
const errorLines = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('warning:'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A process id that is certainly not alive: a child that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function runAsync(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [MAIN, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('writing output folders safely', () => {
  it('never replaces a folder that appeared while writing: the second writer fails clearly', async () => {
    const dir = tmp();
    const target = join(dir, 'run');
    const slow = (name: string) => async (t: string) => {
      await sleep(50);
      writeFileSync(join(t, 'who.txt'), name);
    };
    const results = await Promise.allSettled([writeDirAtomically(target, false, slow('a')), writeDirAtomically(target, false, slow('b'))]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0].reason).toBeInstanceOf(UserError);
    expect(String(failed[0].reason.message)).toMatch(/appeared while this run was writing/);
    expect(['a', 'b']).toContain(readFileSync(join(target, 'who.txt'), 'utf8'));
    expect(readdirSync(dir).filter((f) => f.startsWith('.ratecycle-tmp-'))).toEqual([]);
  });

  it('two concurrent `run`s with the same --out: one succeeds, the other exits 1 naming the folder', async () => {
    const dir = tmp();
    const out = join(dir, 'same');
    const [a, b] = await Promise.all([runAsync(['run', 'buy-hold', '--out', out, '--no-report']), runAsync(['run', 'fixed-mix', '--out', out, '--no-report'])]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    const loser = a.code === 1 ? a : b;
    expect(errorLines(loser.stderr)).toHaveLength(1);
    expect(loser.stderr).toMatch(/same (appeared while this run was writing|already exists)/);
  });

  it('default folder names never collide, even for two runs in the same second', async () => {
    const dir = tmp();
    const now = new Date('2026-01-02T03:04:05Z');
    const a = defaultOutDir('x', now, join(dir, 'out'));
    const b = defaultOutDir('x', now, join(dir, 'out'));
    expect(a).not.toBe(b);
    expect(b).toMatch(/x-20260102-030405-2$/);
    const [r1, r2] = await Promise.all([runAsync(['run', 'buy-hold', '--no-report'], dir), runAsync(['run', 'buy-hold', '--no-report'], dir)]);
    expect(r1.code).toBe(0);
    expect(r2.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((f) => f.startsWith('buy-hold-'))).toHaveLength(2);
  });

  it('removes leftovers of killed runs (dead pid) and keeps those of live ones', async () => {
    const dir = tmp();
    const stale = join(dir, `.ratecycle-tmp-run-${deadPid()}-1700000000000`);
    const live = join(dir, `.ratecycle-tmp-run-${process.pid}-1700000000000`);
    mkdirSync(stale);
    writeFileSync(join(stale, 'equity.csv'), 'partial');
    mkdirSync(live);
    await writeDirAtomically(join(dir, 'run'), false, (t) => writeFileSync(join(t, 'a.txt'), 'a'));
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('--force never deletes files a user added to a run folder', () => {
    const dir = tmp();
    const out = join(dir, 'r');
    expect(cli(['run', 'buy-hold', '--out', out, '--no-report']).code).toBe(0);
    expect(cli(['run', 'buy-hold', '--out', out, '--no-report', '--force']).code).toBe(0);
    writeFileSync(join(out, 'my-notes.txt'), 'keep me');
    const r = cli(['run', 'buy-hold', '--out', out, '--no-report', '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/contains files ratecycle did not write \(my-notes\.txt\)/);
    expect(readFileSync(join(out, 'my-notes.txt'), 'utf8')).toBe('keep me');
  });

  it('--out / --force (a folder ratecycle did not write) is refused before any work, without walking the tree', () => {
    for (const args of [['run', 'buy-hold'], ['sweep', 'first-cut-rotation', '--grid', 'months=1:3:1'], ['claims'], ['demo']]) {
      const t0 = Date.now();
      const r = cli([...args, '--out', '/', '--force']);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.trim()).toBe('ratecycle: / exists and was not written by ratecycle; refusing to replace it even with --force');
      expect(Date.now() - t0, args.join(' ')).toBeLessThan(20_000); // seconds, not a walk of the file system
    }
  });
});
