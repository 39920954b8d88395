import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ratecycle-crash-'));
const MAIN = join(ROOT, 'dist', 'engine', 'cli', 'main.js');

/** Starts the CLI and kills it with SIGKILL after `ms` milliseconds. */
function killAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Starts the CLI and kills it with SIGKILL `ms` milliseconds after `ready()` first holds (polled every 10 ms), or when it exits. */
function killOnceReady(args: string[], ready: () => boolean, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: 'ignore' });
    let timer: NodeJS.Timeout | undefined;
    const poll = setInterval(() => {
      if (!ready()) return;
      clearInterval(poll);
      timer = setTimeout(() => child.kill('SIGKILL'), ms);
    }, 10);
    child.on('exit', () => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve();
    });
  });
}

const RUN_FILES = [
  'run.json',
  'equity.csv',
  'weights.csv',
  'trades.csv',
  'metrics.json',
  'metrics.csv',
  'regimes.csv',
  'events.csv',
  'report.html',
  '.ratecycle',
];

describe('kill -9 never leaves half-written output', () => {
  it('run: the folder is absent or complete', async () => {
    const dir = tmp();
    for (const ms of [150, 300, 450, 600, 800]) {
      const out = join(dir, `r${ms}`);
      await killAfter(['run', 'vote', '--out', out], ms);
      if (existsSync(out)) for (const f of RUN_FILES) expect(existsSync(join(out, f)), `${ms} ms: ${f}`).toBe(true);
    }
    // only temporary folders may be left behind, never a partial target
    for (const name of readdirSync(dir)) expect(name.startsWith('.ratecycle-tmp-') || RUN_FILES.every((f) => existsSync(join(dir, name, f)))).toBe(true);
  });

  it('compare: compare.html and compare.csv appear together or not at all', async () => {
    const dir = tmp();
    expect(cli(['run', 'buy-hold', '--out', join(dir, 'a'), '--no-report']).code).toBe(0);
    expect(cli(['run', 'fed-regime', '--out', join(dir, 'b'), '--no-report']).code).toBe(0);
    for (const ms of [100, 250, 400]) {
      const out = join(dir, `c${ms}`);
      await killAfter(['compare', join(dir, 'a'), join(dir, 'b'), '--out', out], ms);
      if (existsSync(out)) {
        expect(existsSync(join(out, 'compare.html'))).toBe(true);
        expect(existsSync(join(out, 'compare.csv'))).toBe(true);
      }
    }
  });

  it('sweep: an interrupted sweep keeps whole lines and --resume finishes it identically', async () => {
    const dir = tmp();
    const args = [
      'sweep',
      'first-cut-rotation',
      '--grid',
      'months=1:36:1',
      '--grid',
      'otherwise=large,cash,mix',
      '--grid',
      'every_cut=true,false',
      '--from',
      '1988-01-01',
      '--workers',
      '2',
      '--batch',
      '2',
      '--top',
      '0',
    ];
    expect(cli([...args, '--out', join(dir, 'full')]).code).toBe(0);
    const out = join(dir, 'killed');
    // kill mid-sweep: shortly after the partial folder appears (a fixed delay races worker start-up)
    await killOnceReady([...args, '--out', out], () => existsSync(`${out}.partial`), 100);
    if (!existsSync(out)) {
      expect(existsSync(`${out}.partial`)).toBe(true);
      const again = cli([...args, '--out', out]);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/--resume/);
      const resumed = cli([...args, '--out', out, '--resume']);
      expect(resumed.code).toBe(0);
    }
    expect(readFileSync(join(out, 'results.csv'))).toEqual(readFileSync(join(dir, 'full', 'results.csv')));
  });
});

describe('workers that die or hang', () => {
  it('are replaced; their task is retried once and then reported, and the sweep goes on', () => {
    const dir = tmp();
    const r = cli([
      'sweep',
      'test/fixtures/strategies/unstable.ts',
      '--grid',
      'k=1:6:1',
      '--batch',
      '1',
      '--workers',
      '2',
      '--task-timeout',
      '6',
      '--from',
      '2020-01-01',
      '--to',
      '2026-02-20', // a fixed window: the total returns checked below stay under 100 %
      '--top',
      '0',
      '--out',
      join(dir, 'u'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/6 sets .* 2 failed/);
    const lines = readFileSync(join(dir, 'u', 'results.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(lines[3]).toMatch(/^2,3,.*worker failed twice: worker exited with code: 1$/);
    expect(lines[4]).toMatch(/^3,4,.*worker failed twice: .*abort/);
    expect(lines[6]).toMatch(/^5,6,0\.\d+/);
  });

  it('a task’s time limit counts from its start, not from the queue: healthy sets behind a hung one succeed', () => {
    const dir = tmp();
    const r = cli([
      'sweep',
      'test/fixtures/strategies/unstable.ts',
      '--grid',
      'k=1:10:1',
      '--batch',
      '1',
      '--workers',
      '1',
      '--task-timeout',
      '6',
      '--from',
      '2020-01-01',
      '--to',
      '2026-02-20', // a fixed window: the total returns checked below stay under 100 %
      '--top',
      '0',
      '--out',
      join(dir, 'q'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    // only k = 3 (kills its worker) and k = 4 (hangs) fail; k = 5 and later waited behind k = 4 and are fine
    expect(r.stdout).toMatch(/10 sets .* 2 failed/);
    const lines = readFileSync(join(dir, 'q', 'results.csv'), 'utf8')
      .trim()
      .split('\n');
    for (const k of [5, 6, 7]) expect(lines[k]).toMatch(new RegExp(`^${k - 1},${k},0\\.\\d+`));
  });

  it('never starts more worker threads than tasks or cores, and refuses a time limit it cannot apply', () => {
    const dir = tmp();
    const r = cli([
      'sweep',
      'first-cut-rotation',
      '--grid',
      'months=1:3:1',
      '--workers',
      '200',
      '--from',
      '2020-01-01',
      '--top',
      '0',
      '--json',
      '--out',
      join(dir, 'w'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).workers).toBe(1); // 3 sets in one batch: one task, one thread
    const zero = cli(['sweep', 'first-cut-rotation', '--grid', 'months=1:3:1', '--workers', '0', '--task-timeout', '5', '--out', join(dir, 'z')]);
    expect(zero.code).toBe(1);
    expect(zero.stderr.trim()).toMatch(/^ratecycle: --task-timeout needs worker threads/);
    const file = cli(['sweep', 'test/fixtures/strategies/unstable.ts', '--grid', 'k=1:2:1', '--workers', '0', '--out', join(dir, 'f')]);
    expect(file.code).toBe(1);
    expect(file.stderr.trim()).toMatch(/^ratecycle: strategy file .*unstable\.ts: it runs on worker threads .* --workers 0 is for built-in strategies$/);
  });

  it('a strategy file runs on the pool by default too, and its top runs decide their weights in a worker thread', () => {
    const dir = tmp();
    const r = cli([
      'sweep',
      'test/fixtures/strategies/unstable.ts',
      '--grid',
      'k=1:6:1',
      '--batch',
      '1',
      '--task-timeout',
      '6',
      '--from',
      '2020-01-01',
      '--top',
      '4',
      '--out',
      join(dir, 'u'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    // on this thread k = 3 and k = 4 would not fail (the fixture crashes only in worker threads)
    expect(r.stdout).toMatch(/6 sets .* 2 failed/);
    expect(r.stdout).toMatch(/on \d+ worker\(s\)/);
    const tops = readdirSync(join(dir, 'u', 'top'));
    // the four sets that succeed, k = 6 among them (it throws on the main thread)
    expect(tops.map((t) => t.replace(/^\d+-/, '')).sort()).toEqual(['set0', 'set1', 'set4', 'set5']);
    for (const t of tops) expect(existsSync(join(dir, 'u', 'top', t, 'equity.csv'))).toBe(true);
  });
});

describe('--out safety', () => {
  it('never replaces a folder ratecycle did not write, even with --force', () => {
    const dir = tmp();
    const mine = join(dir, 'precious');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    const r = cli(['run', 'buy-hold', '--out', mine, '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was not written by ratecycle; refusing to replace it even with --force/);
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('keep me');
  });
});

describe('Ctrl-C during a sweep', () => {
  it('stops after the tasks in flight, keeps what finished, and says how to resume', async () => {
    const dir = tmp();
    const out = join(dir, 'int');
    const child = spawn(
      process.execPath,
      [MAIN, 'sweep', 'relative-momentum', '--samples', '5000', '--workers', '1', '--batch', '8', '--top', '0', '--out', out],
      { cwd: ROOT },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => {
      stderr += b;
      if (/sweep: \d+\/5000/.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stdout).toMatch(/interrupted: \d+ of 5000 sets are in .*int\.partial\/results\.csv; finish with the same command and --resume/);
    const lines = readFileSync(join(`${out}.partial`, 'results.csv'), 'utf8').split('\n');
    expect(lines[lines.length - 1]).toBe(''); // ends with a whole line
  });
});
