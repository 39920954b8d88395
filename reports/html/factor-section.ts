import { formatNumber, formatPercent } from '../../engine/core/format.js';
import type { RunData, Table } from '../read-run.js';
import { escapeHtml } from './escape.js';
import { FACTOR_LABELS, rollingLoadingsChart } from './factor-chart.js';

/** The factor attribution's significance level (two-sided, Newey–West t referred to the normal). */
const LEVEL = 0.05;

const num = (v: string | undefined) => (v === undefined || v === '' ? NaN : Number(v));
const pct = (x: number) => formatPercent(x, 2);
const load = (x: number) => formatNumber(x, 2);
const tStat = (x: number) => formatNumber(x, 1);
const pText = (x: number) => (Number.isFinite(x) ? (x < 0.001 ? '< 0.001' : x.toFixed(3)) : '–');
const count = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US') : '–');

/** One row of factors.csv by scope, series and term. */
function term(rows: Table, scope: string, series: string, name: string): Record<string, string> | undefined {
  return rows.find((r) => r.scope === scope && r.series === series && r.term === name);
}

/** The label of a term: alpha, a factor, or the timed model's extra loading. */
function label(name: string): string {
  if (name === 'alpha') return 'alpha (a year)';
  if (name.endsWith('_easing')) return `${FACTOR_LABELS[name.slice(0, -'_easing'.length)] ?? name} × easing`;
  return FACTOR_LABELS[name] ?? name;
}

/** An estimate as shown: alpha in percent a year, loadings as numbers. */
function value(name: string, x: number): string {
  return name === 'alpha' ? pct(x) : load(x);
}

/** The answer to "is this just SMB while the Fed eases?" from the timed model, with its null and rule. */
function answer(rows: Table, priceIndex: boolean): string {
  const a = term(rows, 'timed', 'strategy', 'alpha');
  const g = term(rows, 'timed', 'strategy', 'smb_easing');
  if (!a || !g || !Number.isFinite(num(a.estimate))) return '<p class="call">Too few bars matched the factor data to answer.</p>';
  const alpha = num(a.estimate),
    pA = num(a.p),
    gamma = num(g.estimate),
    pG = num(g.p);
  const timed = gamma > 0 && pG < LEVEL;
  const alphaZero = !(pA < LEVEL);
  const gammaStats = `t ${tStat(num(g.t))}, p ${pText(pG)}`;
  const gammaText = `its SMB loading is ${load(Math.abs(gamma))} ${gamma >= 0 ? 'higher' : 'lower'} while the Fed eases than at other times (${gammaStats})`;
  const gammaNot = `its SMB loading is not detectably higher while the Fed eases (difference ${gamma >= 0 ? '+' : ''}${load(gamma)}, ${gammaStats})`;
  const alphaText = `alpha ${pct(alpha)} a year (95 % CI ${pct(num(a.ci_low))} to ${pct(num(a.ci_high))}, p ${pText(pA)})`;
  let call: string;
  if (timed && alphaZero)
    call = `<b>Yes, as far as these data can tell:</b> ${gammaText}, and no alpha is left once the six factors and that switch are accounted for: ${alphaText}.`;
  else if (timed && alpha > 0) call = `<b>No, there is more to it:</b> ${gammaText}, but ${alphaText} remains beyond the six factors and that switch.`;
  else if (timed) call = `<b>Largely, and it does worse than that exposure alone:</b> ${gammaText}, with ${alphaText}.`;
  else if (alphaZero) call = `<b>No Fed-timed SMB:</b> ${gammaNot}; static factor exposure explains its return over cash: ${alphaText}.`;
  else call = `<b>No:</b> ${gammaNot}, and ${alphaText} ${alpha > 0 ? 'remains beyond' : 'falls short of'} the six factors.`;
  const caveat = priceIndex
    ? ' <b>Caveat:</b> this universe holds price indexes (no dividends) and the factors are total returns, so every alpha here is lowered by about the dividend yield; compare with the buy-and-hold alphas below.'
    : '';
  return `<p class="call">${call}</p>
<p class="how"><b>Null:</b> excess return over cash = α + β·(Mkt−RF, SMB, HML, RMW, CMA, Mom) + γ·SMB·1[easing] + e with α = 0 — factor exposure, with an SMB loading that may switch on while the Fed eases (phase known at the previous close), explains the mean. <b>Rule:</b> "just SMB while the Fed eases" when γ &gt; 0 at p &lt; 0.05 and α = 0 is not rejected at 5 % (two-sided; Newey–West t referred to the normal). Not rejecting α = 0 is not proof of no alpha: the interval shows how large an alpha the data still allow.${caveat}</p>`;
}

/** Coverage: bars used, the period, and whether the factor data end before (or start after) the run. */
function coverage(rows: Table, run: RunData): string {
  const all = term(rows, 'all', 'strategy', 'alpha');
  if (!all) return '';
  const m = run.manifest;
  const unit = m.universe.frequency === 'monthly' ? 'months' : 'bars';
  const notes: string[] = [];
  if (all.factors_to && all.factors_to < m.period.to) notes.push(`the factor data end ${all.factors_to}, before the run's last bar (${m.period.to})`);
  if (all.factors_from && all.factors_from > m.period.from) notes.push(`they start ${all.factors_from}, after its first bar (${m.period.from})`);
  const lost = num(all.run_bars) - num(all.n);
  return `<p class="lead">Regressions over <b>${count(num(all.n))} of the run's ${count(num(all.run_bars))} ${unit}</b>, ${escapeHtml(all.from)} to ${escapeHtml(all.to)}${notes.length ? `: ${escapeHtml(notes.join('; '))}, so ${count(lost)} ${unit} are left out` : ''}. ${m.universe.frequency === 'monthly' ? 'Monthly factors matched by calendar month' : 'Daily factors matched by day'}; returns in excess of the run's cash.</p>`;
}

/** Loadings of the strategy and each buy-and-hold over the whole period: estimate, 95 % interval and t. */
function loadingsTable(rows: Table, run: RunData): string {
  const series = [...new Set(rows.filter((r) => r.scope === 'all').map((r) => r.series))];
  const u = run.manifest.universe;
  const head = series
    .map(
      (s) =>
        `<th colspan="3" style="text-align:center">${escapeHtml(s === 'strategy' ? 'strategy' : `${s} (${s === 'small' ? u.small : s === 'large' ? u.large : (u.bonds ?? s)}) buy-and-hold`)}</th>`,
    )
    .join('');
  const sub = series.map(() => '<th>estimate</th><th>95 % CI</th><th>t</th>').join('');
  const terms = rows.filter((r) => r.scope === 'all' && r.series === series[0]).map((r) => r.term);
  const body = terms
    .map((name) => {
      const cells = series
        .map((s) => {
          const r = term(rows, 'all', s, name);
          if (!r) return '<td>–</td><td>–</td><td>–</td>';
          const strong = num(r.p) < LEVEL ? ' style="font-weight:600"' : '';
          return `<td${strong}>${value(name, num(r.estimate))}</td><td>[${value(name, num(r.ci_low))}, ${value(name, num(r.ci_high))}]</td><td>${tStat(num(r.t))}</td>`;
        })
        .join('');
      return `<tr><td>${escapeHtml(label(name))}</td>${cells}</tr>`;
    })
    .join('');
  const stat = (f: (r: Record<string, string> | undefined) => string) =>
    series.map((s) => `<td colspan="3" style="text-align:center">${f(term(rows, 'all', s, 'alpha'))}</td>`).join('');
  const r2 = stat((r) => `${formatNumber(num(r?.r2), 3)} (${formatNumber(num(r?.r2_adj), 3)})`);
  const n = stat((r) => `${count(num(r?.n))}, lag ${escapeHtml(r?.lag ?? '–')}`);
  return `<div class="table-wrap"><table id="factors-loadings" class="sticky-first compact"><thead><tr><th rowspan="2">term</th>${head}</tr><tr>${sub}</tr></thead><tbody>${body}<tr><td>R² (adjusted)</td>${r2}</tr><tr><td>n, Newey–West lag</td>${n}</tr></tbody></table></div>`;
}

/** The strategy's loadings by Fed phase and the easing − tightening differences with their t and p. */
function phaseTable(rows: Table): string {
  const scopes = ['easing', 'tightening', 'hold'];
  const terms = rows.filter((r) => r.scope === 'easing-tightening' && r.series === 'strategy').map((r) => r.term);
  if (!terms.length) return '';
  const body = terms
    .map((name) => {
      const cells = scopes.map((s) => {
        const r = term(rows, s, 'strategy', name);
        return `<td>${r ? `${value(name, num(r.estimate))} <span class="muted">(t ${tStat(num(r.t))})</span>` : '–'}</td>`;
      });
      const d = term(rows, 'easing-tightening', 'strategy', name);
      const strong = d && num(d.p) < LEVEL ? ' style="font-weight:600"' : '';
      const diff = d
        ? `<td${strong}>${value(name, num(d.estimate))}</td><td>[${value(name, num(d.ci_low))}, ${value(name, num(d.ci_high))}]</td><td>${tStat(num(d.t))}</td><td>${pText(num(d.p))}</td>`
        : '<td colspan="4">–</td>';
      return `<tr${name === 'smb' ? ' style="background:#eef4fc"' : ''}><td>${escapeHtml(label(name))}</td>${cells.join('')}${diff}</tr>`;
    })
    .join('');
  const n = (s: string) => count(num(term(rows, s, 'strategy', 'alpha')?.n));
  const r2 = (s: string) => formatNumber(num(term(rows, s, 'strategy', 'alpha')?.r2), 3);
  return `<div class="table-wrap"><table id="factors-phases" class="sticky-first compact"><thead><tr><th rowspan="2">term</th><th colspan="3" style="text-align:center">loading while the Fed is …</th><th colspan="4" style="text-align:center">easing − tightening</th></tr><tr><th>easing</th><th>tightening</th><th>hold</th><th>difference</th><th>95 % CI</th><th>t</th><th>p</th></tr></thead><tbody>${body}<tr><td>n (R²)</td>${scopes.map((s) => `<td>${n(s)} (${r2(s)})</td>`).join('')}<td colspan="4">${n('easing-tightening')} (${r2('easing-tightening')})</td></tr></tbody></table></div>`;
}

/**
 * The run report's factor attribution (factors.csv, factors-rolling.csv): the answer to "is this
 * rotation just SMB while the Fed eases?" with its null and rule, the loadings of the strategy and
 * each buy-and-hold, the loadings by Fed phase with the easing − tightening test, and the rolling
 * 36-month loadings. Empty for a folder without factor files (an older run, or a catalog without
 * the factor series).
 */
export function factorSection(run: RunData): string {
  const rows = run.factors;
  if (!rows || !rows.length) return '';
  const u = run.manifest.universe;
  const units = u.units ?? {};
  const priceIndex = [u.small, u.large].some((a) => /price index|no dividends/i.test(units[a] ?? ''));
  const rolling = run.factorsRolling ?? [];
  const window = rolling[0]?.months ?? '36';
  const chart = rolling.length > 1 ? rollingLoadingsChart(rolling, run.equity) : '';
  const daily = u.frequency === 'daily';
  return `<section id="factors"><h2>Factor attribution: is this just SMB while the Fed eases?</h2>
${answer(rows, priceIndex)}
${coverage(rows, run)}
<h3>Loadings over the whole period (Fama/French five factors and momentum)</h3>
${loadingsTable(rows, run)}
<h3>Loadings by Fed phase</h3>
${phaseTable(rows)}
<p class="how">Each phase column is its own regression over the bars earned in that phase (known at the previous close); the difference and its test come from one interaction regression over the easing and tightening bars (factors × easing indicator), with Newey–West errors. Bold: p &lt; 0.05.</p>
${
  chart
    ? `<h3>Rolling ${escapeHtml(window)}-month loadings of the strategy</h3>${chart}<p class="how">Loadings over the trailing ${escapeHtml(window)} calendar months at each month end (factors-rolling.csv; ${daily ? 'daily returns, cash and factors compounded to calendar months, partial first and last months kept' : 'monthly returns'}; a window only where every month is matched). SMB is the thick line; shading: easing (green) and tightening (red) phases.</p>`
    : ''
}
<p class="how">OLS of the strategy's (and each buy-and-hold's) return in excess of cash on Mkt−RF, SMB, HML, RMW, CMA (Fama &amp; French 2015, 2 × 3 sorts) and Mom (Carhart 1997), Kenneth R. French Data Library (US; ${daily ? 'daily files: 5 factors 202603, Mom 202604, whose portfolios are formed daily' : 'monthly files: 5 factors 202604, Mom 202504'}), from factors.csv. Standard errors: Newey–West (1987), Bartlett kernel, lag floor(4 (n/100)^(2/9)), no small-sample correction; p and 95 % intervals from the normal (statsmodels' OLS with cov_type="HAC"). Alpha is the intercept × bars per year. French publishes with a lag and revises history: these are ex-post attribution inputs, never signals the strategy could have used.</p>
</section>`;
}
