import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const out = mkdtempSync(join(tmpdir(), 'article-runs-'));
const csvHeader = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8').split('\n')[0].split(',');

describe('the article runs from the command line (built CLI)', () => {
  it('run valuation --universe ff writes a full report', () => {
    const dir = join(out, 'valuation');
    const r = cli(['run', 'valuation', '--universe', 'ff', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/bm_spread" is stale from 2025-04-30/); // French's data end with 2024-12 (known 2025-02-01)
    for (const f of ['report.html', 'equity.csv', 'weights.csv', 'trades.csv', 'metrics.json', 'regimes.csv', 'events.csv', 'run.json'])
      expect(existsSync(join(dir, f))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).strategy.params).toEqual({ pct: 50, window: 'rolling', months: 120, otherwise: 'large' });
  });

  it('run fed-regime --universe ff-bonds --param tightening=bonds holds bonds and reports them', () => {
    const dir = join(out, 'fed-bonds');
    const r = cli(['run', 'fed-regime', '--universe', 'ff-bonds', '--param', 'tightening=bonds', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bonds \(bonds\)/);
    expect(csvHeader(dir, 'equity.csv')).toContain('bonds');
    expect(csvHeader(dir, 'weights.csv')).toEqual(expect.arrayContaining(['target_bonds', 'weight_bonds']));
    expect(csvHeader(dir, 'regimes.csv')).toEqual(expect.arrayContaining(['bonds', 'bonds_ann']));
    expect(csvHeader(dir, 'events-summary.csv')).toContain('bonds_mean');
    expect(readFileSync(join(dir, 'trades.csv'), 'utf8')).toMatch(/,bonds,/);
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')).metrics ?? {})).toContain('bonds');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('weight_bonds');
  });

  it('asking for bonds outside a bonds universe is one line and exit 1', () => {
    const r = cli(['run', 'fed-regime', '--param', 'tightening=bonds', '--out', join(out, 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/universe "russell" has no bonds asset/);
  });

  it('run ism-cycle --from 2010-01-01 warns about ISM only from 2026-02', () => {
    const r = cli(['run', 'ism-cycle', '--from', '2010-01-01', '--out', join(out, 'ism')]);
    expect(r.code).toBe(0);
    const ism = (r.stdout + r.stderr).split('\n').filter((l) => l.includes('"ism_pmi"'));
    expect(ism).toHaveLength(1);
    expect(ism[0]).toMatch(/stale from 2026-02-11/);
  });
});
