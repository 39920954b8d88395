import { isoDay, parseIsoDay } from '../../core/dates.js';
import type { Catalog } from '../../core/types.js';
import { findEntry } from '../../market/data/catalog.js';
import { loadSeries } from '../../market/data/load-series.js';
import { eventStudy } from '../../measure/analytics/event-study.js';
import type { ClaimRow, InfluenceRow, PublishedRow } from '../../formats/claims-folder.js';

const pct = (x: number) => (Number.isFinite(x) ? `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)} %` : '–');

/** Mean 12-month return of a price series after each event (entry at the first close on or after it), the events it covers and their mean. */
function after12(catalog: Catalog, id: string, events: readonly number[]): { mean: number; n: number; first?: string } | undefined {
  if (!catalog.series.some((s) => s.id === id)) return undefined;
  const s = loadSeries(findEntry(catalog, id), catalog.dir);
  const input = { dates: s.dates, strategy: s.values, small: s.values, large: s.values };
  const rows = eventStudy(
    input,
    events.map((date) => ({ event: 'first-cut', date })),
    [12],
  ).filter((r) => Number.isFinite(r.small));
  if (!rows.length) return { mean: NaN, n: 0 };
  return { mean: rows.reduce((a, r) => a + r.small, 0) / rows.length, n: rows.length, first: isoDay(rows[0].eventDate) };
}

/** "; the median is …, and without its most influential group of cuts the average is …" from influence rows ('' without them). */
function fragile(rows: readonly InfluenceRow[]): string {
  const median = rows.find((r) => r.kind === 'median');
  const worst = rows.filter((r) => r.kind === 'without').sort((a, b) => Math.abs(b.change) - Math.abs(a.change))[0];
  if (!median || !worst) return '';
  return `; the median cut gave ${pct(median.estimate).replace(' %', ' points')}, and ${worst.label.replace(/^without /, 'without ')} the average is ${pct(worst.estimate).replace(' %', ' points')}`;
}

/**
 * Published figures on the same question, each beside ratecycle's number on the definition
 * closest to the source's and one sentence on why they differ. The sources' event lists are
 * not public, so "same definition" means: the same kind of return (an index's own return, or
 * small minus large), the same window (12 months after a first cut) and the same span, with
 * ratecycle's first cuts (the funds-rate rule before 1982-09-27, FOMC decisions after) on the
 * shipped series. `firstCuts` are the first cuts of the ff-1954 sample; `rows` the claims' rows.
 */
export function publishedRows(
  catalog: Catalog,
  firstCuts: readonly number[],
  rows: readonly ClaimRow[],
  influence: readonly InfluenceRow[] = [],
): PublishedRow[] {
  const out: PublishedRow[] = [];
  const span = (from: string, to: string) => firstCuts.filter((d) => d >= parseIsoDay(from) && d <= parseIsoDay(to));
  const cuts8020 = span('1980-01-01', '2020-12-31');
  const rut = after12(catalog, 'rut', cuts8020);
  const spx8020 = after12(
    catalog,
    'spx',
    cuts8020.filter((d) => rut?.first === undefined || d >= parseIsoDay(rut.first)),
  );
  if (rut) {
    out.push({
      source: 'Charles Schwab',
      published: 'Russell 2000 +11.4 % in the 12 months after first cuts, 1980–2020',
      ratecycle: `Russell 2000 ${pct(rut.mean)} (price index, ${rut.n} of ${cuts8020.length} first cuts of 1980–2020: the series starts in 1987); S&P 500 ${pct(spx8020?.mean ?? NaN)} over the same ${spx8020?.n ?? 0}`,
      n: rut.n,
      why: `Schwab's figure is the Russell 2000's own return, not its excess over large caps: over the same cuts small − large was ${pct(rut.mean - (spx8020?.mean ?? NaN))}; the ${cuts8020.length - rut.n} cuts before the series starts are missing here, and the rest of the gap is the event list, which the figure does not publish.`,
    });
  }
  const spx54 = after12(catalog, 'spx', firstCuts);
  if (spx54) {
    out.push({
      source: 'Northern Trust',
      published: 'S&P 500 +14.1 % in the 12 months after first cuts',
      ratecycle: `S&P 500 ${pct(spx54.mean)} (price index, ${spx54.n} first cuts since 1954)`,
      n: spx54.n,
      why: 'A large-cap return after cuts says nothing about small against large; the rest is the event list (not published with the figure) and price against total return.',
    });
  }
  const first = rows.find((r) => r.part === '1' && r.universe === 'ff-1954');
  const era = rows.find((r) => r.part === '1' && r.universe === 'ff-1982');
  if (first?.ahead) {
    const hits = first.ahead.hits ?? NaN;
    out.push({
      source: 'Fidelity',
      published: 'since 1954, small caps beat the S&P 500 in about 70 % of the 12 months after first cuts, by over 5 points',
      ratecycle: `small caps ahead after ${hits} of ${first.n} first cuts since 1954 (${Math.round((hits / first.n) * 100)} %), by ${pct(first.ahead.estimate).replace(' %', ' points')} on average (Fama/French bottom vs top 30 %, total return)${era?.ahead ? `; FOMC era: ${era.ahead.hits} of ${era.n}` : ''}`,
      n: first.n,
      why: `The hit rate depends on which moves count as first cuts before 1982 (ratecycle: a 25 bp zig-zag rule on the funds rate) and on the small-cap index${fragile(influence.filter((r) => r.claim === 1 && r.part === '1' && r.universe === 'ff-1954'))}.`,
    });
  }
  const easing = rows.find((r) => r.part === '2-easing' && r.universe === 'ff-1954');
  const tightening = rows.find((r) => r.part === '2-tightening' && r.universe === 'ff-1954');
  if (easing?.ahead && tightening?.ahead) {
    out.push({
      source: 'Jensen, Johnson & Mercer (1997)',
      published: 'the size premium appears in expansive monetary periods (after a discount-rate cut) and not in restrictive ones, 1963–1994',
      ratecycle: `small − large ${pct(easing.ahead.estimate)} a year while the Fed eases and ${pct(tightening.ahead.estimate)} while it tightens (since 1954; phases from the policy rate, hold periods apart)`,
      n: easing.groups + tightening.groups,
      why: `${easing.ahead.estimate > tightening.ahead.estimate ? 'Same direction' : 'Opposite direction'}; ratecycle tests each phase against the average rather than against each other: easing ${easing.verdict}, tightening ${tightening.verdict} (after Holm over the primary family).`,
    });
  }
  return out;
}
