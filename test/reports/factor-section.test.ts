import { describe, expect, it } from 'vitest';
import type { RunData, Table } from '../../reports/read-run.js';
import { factorSection } from '../../reports/html/factor-section.js';
import { rollingLoadingsChart } from '../../reports/html/factor-chart.js';

/** factors.csv rows of the timed model (and the whole-period alpha row the coverage line reads). */
function rows(alpha: { estimate: number; p: number }, gamma: { estimate: number; t: number; p: number }): Table {
  const common = {
    se: '0.01',
    n: '400',
    lag: '5',
    r2: '0.9',
    r2_adj: '0.9',
    from: '1990-02-28',
    to: '2025-04-30',
    run_bars: '433',
    factors_from: '1963-07-31',
    factors_to: '2025-04-30',
  };
  const row = (scope: string, term: string, estimate: number, t: number, p: number) => ({
    scope,
    series: 'strategy',
    term,
    estimate: String(estimate),
    t: String(t),
    p: String(p),
    ci_low: String(estimate - 0.02),
    ci_high: String(estimate + 0.02),
    ...common,
  });
  return [
    row('all', 'alpha', 0.001, 0.1, 0.9),
    row('timed', 'alpha', alpha.estimate, alpha.estimate / 0.01, alpha.p),
    row('timed', 'smb_easing', gamma.estimate, gamma.t, gamma.p),
  ];
}

function runWith(factors: Table | undefined, units: Record<string, string> = {}): RunData {
  return {
    dir: '.',
    manifest: {
      universe: { id: 'ff', assets: ['ff_small', 'ff_large'], small: 'ff_small', large: 'ff_large', frequency: 'monthly', units },
      period: { from: '1990-01-31', to: '2026-02-28' },
    },
    equity: [],
    factors,
    factorsRolling: [],
  } as unknown as RunData;
}

const call = (html: string) => /<p class="call">([\s\S]*?)<\/p>/.exec(html)![1];

describe('factor section: "is this just SMB while the Fed eases?"', () => {
  it('yes when the extra SMB loading in easing is significant and no alpha is left', () => {
    const html = factorSection(runWith(rows({ estimate: -0.009, p: 0.19 }, { estimate: 0.73, t: 7.3, p: 1e-12 })));
    expect(call(html)).toMatch(
      /^<b>Yes, as far as these data can tell:<\/b> its SMB loading is 0\.73 higher while the Fed eases than at other times \(t 7\.3, p < 0\.001\)/,
    );
    expect(call(html)).toContain('alpha -0.90% a year');
    // the null and the rule are stated
    expect(html).toContain('<b>Null:</b>');
    expect(html).toContain('γ &gt; 0 at p &lt; 0.05 and α = 0 is not rejected at 5 %');
  });

  it('no when alpha remains beyond the timed SMB loading; "largely" when the alpha is negative', () => {
    expect(call(factorSection(runWith(rows({ estimate: 0.03, p: 0.001 }, { estimate: 0.5, t: 5, p: 1e-6 }))))).toMatch(
      /^<b>No, there is more to it:<\/b>.* remains beyond/,
    );
    expect(call(factorSection(runWith(rows({ estimate: -0.03, p: 0.001 }, { estimate: 0.5, t: 5, p: 1e-6 }))))).toMatch(
      /^<b>Largely, and it does worse than that exposure alone:<\/b>/,
    );
  });

  it('no Fed-timed SMB when the extra loading is not significant (or negative)', () => {
    expect(call(factorSection(runWith(rows({ estimate: 0.002, p: 0.6 }, { estimate: 0.1, t: 1.2, p: 0.23 }))))).toMatch(
      /^<b>No Fed-timed SMB:<\/b> its SMB loading is not detectably higher while the Fed eases \(difference \+0\.10, t 1\.2, p 0\.230\); static factor exposure explains/,
    );
    expect(call(factorSection(runWith(rows({ estimate: 0.002, p: 0.6 }, { estimate: -0.4, t: -4, p: 1e-4 }))))).toContain('not detectably higher');
    expect(call(factorSection(runWith(rows({ estimate: 0.04, p: 0.01 }, { estimate: 0.1, t: 1.2, p: 0.23 }))))).toMatch(
      /^<b>No:<\/b>.*remains beyond the six factors/,
    );
  });

  it('says when the factor data end before the run, and warns about price indexes', () => {
    const html = factorSection(
      runWith(rows({ estimate: 0, p: 0.9 }, { estimate: 0.7, t: 7, p: 0 }), { ff_small: 'Russell 2000 index level, price index (no dividends)' }),
    );
    expect(html).toContain("<b>400 of the run's 433 months</b>");
    expect(html).toMatch(/the factor data end 2025-04-30, before the run(&#39;|')s last bar \(2026-02-28\)/);
    expect(html).toContain('price indexes (no dividends)');
    expect(factorSection(runWith(rows({ estimate: 0, p: 0.9 }, { estimate: 0.7, t: 7, p: 0 })))).not.toContain('price indexes');
  });

  it('is empty for a folder without factors.csv', () => {
    expect(factorSection(runWith(undefined))).toBe('');
    expect(factorSection(runWith([]))).toBe('');
  });

  it('draws one line per factor of factors-rolling.csv, SMB thicker', () => {
    const rolling = [
      { date: '1993-01-31', months: '36', alpha_ann: '0', mkt_rf: '1', smb: '0.5', hml: '0', rmw: '0', cma: '0', mom: '0', r2: '0.9' },
      { date: '1993-02-28', months: '36', alpha_ann: '0', mkt_rf: '1.1', smb: '0.6', hml: '0', rmw: '0', cma: '0', mom: '0', r2: '0.9' },
    ];
    const svg = rollingLoadingsChart(rolling, []);
    expect(svg.match(/<polyline /g)!.length).toBe(6);
    expect(svg).toMatch(/stroke-width="2\.6"[^>]*data-src="factors-rolling\.csv:smb"/);
  });
});
