import type { CompareModel } from '../../reports/compare/compare-model.js';
import { formatP, SHARPE_TEST_ALPHA } from '../../reports/compare/sharpe-tests.js';
import { textTable } from './table.js';
import { MISSING, num, pct, textWidth, wrapText } from './format.js';

const value = (v: number | string | null | undefined) => (typeof v === 'number' ? v : NaN);

/**
 * The Sharpe-test cell of run `i` (column "Sharpe vs highest (Holm p)"): the leader's verdict
 * ("best, p = 0.012" or "not distinguishable, p = 0.41"), or another run's difference from the
 * leader with its Holm-adjusted p.
 *
 * @example sharpeCell(model, 1) // "-0.08, p = 0.412"
 */
export function sharpeCell(model: CompareModel, i: number): string {
  const t = model.sharpeTests;
  const pOf = (x: number) => {
    const p = formatP(x);
    return `p ${p.startsWith('<') ? p : `= ${p}`}`;
  };
  if (i === t.leader) return t.reason !== null ? 'highest (not tested)' : t.significant ? `best, ${pOf(t.p)}` : `not distinguishable, ${pOf(t.p)}`;
  const pair = t.pairs.find((p) => p.other === i);
  if (!pair || !Number.isFinite(pair.test.difference)) return MISSING;
  return `${num(-pair.test.difference)}, ${pOf(pair.pHolm)}`;
}

/** Header of the {@link sharpeCell} column. */
export const SHARPE_COLUMN = 'Sharpe vs highest (Holm p)';

/** The Sharpe tests in one sentence, with the rule. `names`: how the runs are called (default their short labels). */
export function sharpeSentence(model: CompareModel, names: readonly string[] = model.labels.map((l) => l.short)): string {
  const t = model.sharpeTests;
  if (t.reason !== null) return `Sharpe ratios not tested: ${t.reason}.`;
  const leader = names[t.leader];
  const p = formatP(t.p);
  const n = t.pairs[0]?.test.n ?? 0;
  const against = t.pairs.length === 1 ? 'the other run' : `each of the ${t.pairs.length} other runs, Holm-adjusted`;
  const how = `Ledoit & Wolf (2008) HAC test of the difference of Sharpe ratios on ${n.toLocaleString('en-US')} paired bars, the leader against ${against}`;
  return t.significant
    ? `Sharpe: ${leader} is best — its Sharpe ratio (${num(value(model.metrics[t.leader].sharpe))}) is above every other run's (${t.pairs.length === 1 ? 'p' : 'largest adjusted p'} ${p.startsWith('<') ? p : `= ${p}`} < ${SHARPE_TEST_ALPHA}; ${how}).`
    : `Sharpe: the highest, ${leader} (${num(value(model.metrics[t.leader].sharpe))}), is not distinguishable from ${names[t.decisive]} (${t.pairs.length === 1 ? 'p' : 'adjusted p'} = ${p} ≥ ${SHARPE_TEST_ALPHA}; ${how}): these bars cannot rank the runs by Sharpe ratio.`;
}

/**
 * What `ratecycle compare` prints: the period, the key metrics of each run and buy-and-hold with
 * the Sharpe ratio test, the verdict in words and the notes on what differs between the runs.
 */
export function compareTable(model: CompareModel): string {
  const first = model.runs[0].manifest.period;
  const when = model.period ? `the common period ${model.period.from} to ${model.period.to}` : `${first.from} to ${first.to}`;
  const universes = [...new Set(model.runs.map((r) => r.manifest.universe.id))].join(', ');
  const rows = model.metrics.map((m, i) => [
    model.labels[i].short,
    pct(value(m.cagr)),
    pct(value(m.volatility)),
    num(value(m.sharpe)),
    pct(value(m.maxDrawdown)),
    model.rankable ? sharpeCell(model, i) : 'not ranked',
  ]);
  const holds = model.holds.map((h) => [
    h.label,
    pct(value(h.metrics.cagr)),
    pct(value(h.metrics.volatility)),
    num(value(h.metrics.sharpe)),
    pct(value(h.metrics.maxDrawdown)),
    'not ranked',
  ]);
  const width = textWidth();
  const lines = [
    `Comparison of ${model.runs.length} runs on ${universes}, ${when}${model.rankable ? '' : ' — not directly comparable, no run is ranked'}:`,
    textTable(['run', 'CAGR', 'volatility', 'Sharpe', 'max drawdown', SHARPE_COLUMN], [...rows, ...holds]),
    wrapText(sharpeSentence(model), width, '  ', ''),
    ...model.notes.map((n) => wrapText(`note: ${n}`, width, '  ', '')),
  ];
  return lines.join('\n');
}
