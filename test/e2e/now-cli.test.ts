import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';

const FILES = ['now.html', 'now.csv', 'now-analogues.csv', 'now-track.csv', 'now.json'];
const AS_OF = '2025-09-18';

/** A copy of the shipped data folder with every row dated after `day` deleted from every CSV. */
function dataUpTo(day: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-now-data-')), 'data');
  cpSync(join(ROOT, 'data'), dir, { recursive: true });
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.csv'))) {
    const lines = readFileSync(join(dir, f), 'utf8').split('\n');
    const kept = lines.filter((l, i) => i === 0 || (l !== '' && l.slice(0, 10) <= day));
    writeFileSync(join(dir, f), `${kept.join('\n')}\n`);
  }
  return dir;
}

describe('ratecycle now (CLI)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ratecycle-now-'));

  it('prints the state with each input’s date, the outlook sentence and the page; writes every file; refuses to overwrite', () => {
    const dir = join(tmp, 'today');
    const r = cli(['now', '--draws', '500', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/== where the cycle stands at \d{4}-\d{2}-\d{2} \(ff/);
    for (const label of [
      'Fed phase',
      'months since the first cut of the cycle',
      'policy rate',
      'ISM manufacturing PMI',
      'bm_spread',
      'small − large over the last 12 months',
    ])
      expect(r.stdout).toContain(label);
    expect(r.stdout).toMatch(/months most like this one/);
    expect(r.stdout).toMatch(/out-of-sample R²/);
    expect(r.stdout).toMatch(/one observation, not a test/);
    expect(r.stdout).toMatch(/now\.html/);
    for (const f of FILES) expect(existsSync(join(dir, f)), f).toBe(true);
    const again = cli(['now', '--draws', '500', '--out', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
  });

  it(`--as-of ${AS_OF}: the output is unchanged when every row after that date is deleted from every file (no later value leaks in)`, () => {
    const full = join(tmp, 'full');
    const cut = join(tmp, 'cut');
    const a = cli(['now', '--as-of', AS_OF, '--draws', '500', '--out', full]);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain(`where the cycle stands at ${AS_OF}`);
    const b = cli(['now', '--as-of', AS_OF, '--draws', '500', '--data', dataUpTo(AS_OF), '--out', cut]);
    expect(b.code, b.stderr).toBe(0);
    for (const f of FILES) expect(readFileSync(join(cut, f), 'utf8'), f).toBe(readFileSync(join(full, f), 'utf8'));
    expect(b.stdout.replace(cut, '')).toBe(a.stdout.replace(full, ''));
  });

  it('a daily universe is reduced to month ends', () => {
    const r = cli(['now', '--universe', 'russell', '--as-of', '2019-12-31', '--draws', '500', '--out', join(tmp, 'russell')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(russell, month ends from 1988-09/);
  });

  it('a bad date or universe is one line, exit 1, before anything is written', () => {
    for (const args of [
      ['--as-of', '2025-02-30'],
      ['--as-of', '2031-01-01'],
      ['--universe', 'mars'],
    ]) {
      const out = join(tmp, `bad-${args[1]}`);
      const r = cli(['now', ...args, '--out', out]);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    }
  });
});
