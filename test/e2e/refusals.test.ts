import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cli, ROOT } from '../helpers/cli.js';

/** stderr without the data-caveat warnings a run prints before it writes. */
const errorLines = (stderr: string) =>
  stderr
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('warning:'));
const S = (f: string) => join(ROOT, 'test', 'fixtures', 'strategies', f);

/** Runs in a fresh empty folder and checks: exit 1, one readable line, nothing created. */
function refused(args: string[], message: RegExp): void {
  const cwd = mkdtempSync(join(tmpdir(), 'ratecycle-refuse-'));
  const r = cli(args, { cwd });
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(1);
  const lines = r.stderr
    .trim()
    .split('\n')
    .filter((l) => !l.startsWith('warning:'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^ratecycle: /);
  expect(lines[0]).toMatch(message);
  expect(readdirSync(cwd), `${args.join(' ')} created files`).toEqual([]);
}

describe('options are refused before anything is created', () => {
  const grid = ['--grid', 'months=1:3:1', '--workers', '0'];
  const cases: [string[], RegExp][] = [
    [['sweep', 'first-cut-rotation', ...grid, '--top', 'abc'], /--top must be a whole number ≥ 0 \(got NaN\)/],
    [['sweep', 'first-cut-rotation', ...grid, '--top', '-2'], /--top must be a whole number ≥ 0/],
    [['sweep', 'first-cut-rotation', '--grid', 'months=1:3:1', '--workers', 'two'], /--workers must be a whole number/],
    [['sweep', 'first-cut-rotation', ...grid, '--batch', '0'], /--batch must be a whole number ≥ 1/],
    [['sweep', 'first-cut-rotation', ...grid, '--seed', '-1'], /--seed must be a whole number from 0/],
    [['sweep', 'first-cut-rotation', ...grid, '--task-timeout', '0'], /--task-timeout must be a number > 0/],
    [['sweep', 'first-cut-rotation', '--samples', 'x', '--workers', '0'], /--samples must be a whole number ≥ 1/],
    [['audit', 'first-cut-rotation', '--cuts', '-3'], /--cuts must be a whole number ≥ 0/],
    [['audit', 'first-cut-rotation', '--seed', 'abc'], /--seed must be a whole number/],
    [['run', 'buy-hold', '--lag', 'x'], /--lag must be a whole number ≥ 0/],
    [['run', 'buy-hold', '--lag', '-1'], /--lag must be a whole number ≥ 0/],
    [['run', 'buy-hold', '--universe', 'ff', '--from', '2020-01-01', '--lag', '100'], /--lag 100 is not less than the \d+ bars/],
    [['run', 'buy-hold', '--from', '1980-01-01'], /--from 1980-01-01 is before the data: universe "russell" starts 1987-09-10/],
    [['run', 'buy-hold', '--lag', '1', '--lag', '2'], /--lag was given 2 times \(1, 2\); give it once/],
    [['run', 'buy-hold', '--from', '2000-01-03', '--from', '2001-01-02'], /--from was given 2 times/],
    [['compare', 'a', 'b', '--out', 'x', '--out', 'y'], /--out was given 2 times/],
    [['run', 'buy-hold', '--events', 'cuts'], /--events: unknown event kind "cuts"; known: cut, hike, first-cut/],
    [['run', 'buy-hold', '--slippage-bps', 'lots'], /--slippage-bps must be a number ≥ 0/],
    [['run', 'buy-hold', '--timeout', '0'], /--timeout must be a number > 0/],
    [
      [
        'sweep',
        'ism-cycle',
        '--grid',
        'level=40:60:0.0001',
        '--grid',
        'months=1:12:1',
        '--grid',
        'rule=level,rising,both,either',
        '--grid',
        'otherwise=large,cash,mix',
        '--workers',
        '2',
      ],
      /28,800,144 sets .*would take roughly \d+ (minutes|hours).* pass --yes/,
    ],
    [['run', S('bad-id.ts')], /strategy id "\.\.\/\.\.\/escape Me" must be kebab-case/],
    [['run', S('escape-name.ts')], /the strategy's "name" holds a control character \(U\+001B, e\.g\. a terminal escape code\); use plain text$/],
  ];
  for (const [args, message] of cases) it(args.slice(0, 1).concat(args.slice(2)).join(' '), () => refused(args, message));
});

describe('benchmarks are investable series', () => {
  it('refuses an indicator, a rate and an event table', () => {
    refused(['run', 'buy-hold', '--benchmark', 'ism_pmi'], /--benchmark ism_pmi: "ism_pmi" is an indicator series .*not something one can hold/);
    refused(['run', 'buy-hold', '--benchmark', 'ust_10y'], /is a rate series/);
    refused(['run', 'buy-hold', '--benchmark', 'fomc'], /is an event table/);
  });

  it('compounds a return series into an index (cash: tiny beta, volatility of T-bills)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-bench-'));
    // ends before cash does (French's RF to 2026-04-30; the russell universe runs to 2026-08)
    const r = cli(['run', 'buy-hold', '--benchmark', 'cash', '--to', '2026-02-20', '--json', '--no-report', '--out', join(dir, 'a')]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.metrics.cash.volatility).toBeLessThan(0.01); // T-bills, not 1e6 %
    expect(j.metrics.cash.cagr).toBeGreaterThan(0.01);
    expect(j.metrics.cash.cagr).toBeLessThan(0.06);
    expect(Math.abs(j.metrics.strategy.beta)).toBeLessThan(5);
  });

  it('warns (stderr and --json) that spy is a total return against the price-index russell universe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-bench-'));
    const r = cli(['run', 'buy-hold', '--benchmark', 'spy', '--from', '2001-01-02', '--to', '2024-12-31', '--json', '--no-report', '--out', join(dir, 'a')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: --benchmark spy is total returns \(dividends reinvested\) but universe "russell" has price returns/);
    const j = JSON.parse(r.stdout);
    expect(j.warnings.some((w: string) => /--benchmark spy is total returns/.test(w))).toBe(true);
    // a price benchmark on a price universe: no such warning
    const same = cli(['run', 'buy-hold', '--universe', 'etf', '--benchmark', 'spy', '--json', '--no-report', '--out', join(dir, 'b')]);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).not.toMatch(/--benchmark spy is/);
  });
});

describe('failures a user can cause exit 1 with one line, never 2', () => {
  it('a strategy that calls process.exit, loops forever or allocates without bound', () => {
    refused(['run', S('exits.ts'), '--no-typecheck'], /strategy "exits" in .*exits\.ts ended its thread with process\.exit\(3\)/);
    refused(['run', S('loops.ts'), '--timeout', '2', '--no-typecheck'], /strategy "loops" in .*loops\.ts did not finish within 2 s/);
    refused(
      ['run', S('allocates.ts'), '--memory-mb', '64', '--timeout', '60', '--no-typecheck'],
      /strategy "allocates" in .*allocates\.ts ran out of memory \(more than 64 MB\)/,
    );
    refused(['audit', S('loops.ts'), '--timeout', '2', '--no-typecheck'], /did not finish within 2 s/);
  });

  it('--out under a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-fs-'));
    writeFileSync(join(dir, 'plain'), 'x');
    const r = cli(['run', 'buy-hold', '--no-report', '--out', join(dir, 'plain', 'run')]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write .*plain.run: .*plain is a file, not a folder/);
  });

  it('a malformed or mis-typed run.json, named with line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-json-'));
    for (const [name, text] of [
      ['bad', '{\n  "id": "x",\n  "strategy" {}\n}\n'],
      ['null', 'null\n'],
      ['typed', '{"id": "x", "strategy": 5}'],
    ] as const) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, 'run.json'), text);
    }
    const bad = cli(['compare', join(dir, 'bad'), join(dir, 'null'), '--out', join(dir, 'c')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\/run\.json:3:14: is not valid JSON: a colon is expected/);
    const nul = cli(['compare', join(dir, 'null'), join(dir, 'bad'), '--out', join(dir, 'c')]);
    expect(nul.stderr).toMatch(/null\/run\.json: must be a JSON object \(found null\)/);
    const typed = cli(['compare', join(dir, 'typed'), join(dir, 'bad'), '--out', join(dir, 'c')]);
    expect(typed.stderr).toMatch(/typed\/run\.json: "strategy" must be an object \(found number\)/);
    expect(existsSync(join(dir, 'c'))).toBe(false);
  });

  it('a catalog with a JSON error (line:column), with null and with wrong types', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-cat-'));
    const cases: [string, RegExp][] = [
      ['{\n  "series": [\n    {"id": "a",}\n  ]\n}\n', /catalog\.json:3:16: is not valid JSON: a property name/],
      ['null', /catalog\.json: must be a JSON object/],
      ['{"series": [null]}', /series\[0\]: is not an object/],
      ['{"series": [{"id": 5, "file": "a.csv"}]}', /"id" must be a non-empty string/],
      ['{"series": "none"}', /"series" must be an array|needs a "series" array/],
      [
        '{"series": [{"id": "a", "file": "../../etc/passwd", "column": "v", "kind": "price", "frequency": "daily", "units": "u", "source": "s", "publication": {"rule": "close"}}]}',
        /series\[0\] \("a"\): file "\.\.\/\.\.\/etc\/passwd" must be a path inside the data folder/,
      ],
    ];
    for (const [k, [text, message]] of cases.entries()) {
      const d = join(dir, `c${k}`);
      mkdirSync(d);
      writeFileSync(join(d, 'catalog.json'), text);
      const r = cli(['data', 'check', '--data', d]);
      expect(r.code, `${text}\n${r.stderr}`).toBe(1);
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

/** A small tmpfs (root only); undefined where mounting is not allowed. */
function mountTmpfs(options: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-mnt-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  return r.status === 0 ? dir : undefined;
}

describe('disk full and read-only folders', () => {
  const full = mountTmpfs('size=64k');
  const ro = mountTmpfs('ro,size=1m');
  afterAll(() => {
    for (const d of [full, ro]) if (d) spawnSync('umount', [d]);
  });
  it.skipIf(!full)('a full disk (ENOSPC): one line, exit 1, no temporary folder left', () => {
    const r = cli(['run', 'buy-hold', '--no-report', '--out', join(full!, 'run')]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write .*run.*: the disk is full \(ENOSPC\)/);
    expect(readdirSync(full!)).toEqual([]);
  });
  it.skipIf(!ro)('a read-only folder (EROFS): one line, exit 1', () => {
    const r = cli(['run', 'buy-hold', '--no-report', '--out', join(ro!, 'run')]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write .*run.*: the file system is read-only \(EROFS\)/);
  });
});

describe('--from at the start of the data', () => {
  it('a start within one bar of the first date is accepted (monthly: the first month)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-from-'));
    const r = cli(['run', 'buy-hold', '--universe', 'ff', '--from', '1926-07-01', '--to', '1930-12-31', '--no-report', '--out', join(dir, 'a')]);
    expect(r.code, r.stderr).toBe(0);
    refused(['run', 'buy-hold', '--universe', 'ff', '--from', '1926-05-31'], /--from 1926-05-31 is before the data: universe "ff" starts 1926-07-31/);
  });
});
