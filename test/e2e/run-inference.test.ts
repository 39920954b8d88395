import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

describe('a run folder carries the inference', () => {
  it('events-summary.csv has CI, sign and placebo p; regimes.csv the spread with its interval; events-path.csv the bands; the report shows them', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-run-inference-')), 'r');
    const r = cli(['run', 'buy-hold', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const table = (name: string) => {
      const [head, ...rows] = readFileSync(join(dir, name), 'utf8').trim().split('\n');
      const h = head.split(',');
      return rows.map((line) => Object.fromEntries(line.split(',').map((c, i) => [h[i], c])));
    };
    const s12 = table('events-summary.csv').find((s) => s.event === 'first-cut' && s.horizon_months === '12')!;
    expect(Number(s12.n)).toBe(8);
    expect(Number(s12.spread_ci_low)).toBeLessThan(Number(s12.spread_mean));
    expect(Number(s12.spread_ci_high)).toBeGreaterThan(Number(s12.spread_mean));
    expect(Number(s12.sign_p)).toBeGreaterThan(0);
    expect(Number(s12.placebo_p)).toBeGreaterThan(0);
    expect(Number(s12.placebo_eligible)).toBeGreaterThan(9000);
    const easing = table('regimes.csv').find((g) => g.scope === 'phase' && g.label === 'easing')!;
    expect(Number(easing.spread_ci_low)).toBeLessThan(Number(easing.spread_ann));
    expect(table('regimes.csv').some((g) => g.scope === 'contrast')).toBe(true);
    // a cycle shorter than a year is not annualized
    const short = table('regimes.csv').find((g) => g.scope === 'cycle' && Number(g.days) < 365)!;
    expect(short.small_ann).toBe('');
    const path = table('events-path.csv');
    expect(path.map((p) => Number(p.offset_months))).toEqual(Array.from({ length: 28 }, (_, i) => i - 3));
    expect(Number(path[3].mean)).toBe(0);
    const strat = table('strategy-inference.csv');
    expect(strat.map((x) => x.versus)).toEqual(['cash', 'large', 'small']);
    // buy-hold of small caps minus small caps: 0 but for the first bar's cost and lag
    expect(Math.abs(Number(strat[2].mean_ann))).toBeLessThan(0.001);
    expect(Number(strat[0].ci_low)).toBeLessThan(Number(strat[0].mean_ann));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('id="inference"');
    expect(html).toContain('id="events-inference"');
    expect(html).toContain('id="events-path"');
    expect(html).toContain('id="strategy-inference"');
  });
});
