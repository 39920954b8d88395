/**
 * Fresher US vintages (shared data README, section 7.4), spliced onto the older copies the
 * shipped series were first built from:
 *
 * - the Russell 2000 and S&P 500 index closes of `heliar-k/market-base` (2016-06-28 to
 *   2026-08-21; the last row is provisional and dropped), checked day by day against the old
 *   copies on their whole overlap before the newer values are used after the last trusted
 *   old row;
 * - the merged FRED table `rates.csv` of the same repository (DFF, DFEDTARU/L, DGS3MO, DGS2,
 *   DGS10), each column required to equal the old copy on every common day and to have no
 *   observation the old copy lacks inside the old range;
 * - the consistently adjusted IWM and SPY closes of `dsturdy/Factor_Attribution_5_csvs`
 *   (to 2026-07-13; the 2026-07-14 row is intraday), whose daily returns are chained onto the
 *   old level (adjusted closes are re-based with every download, so levels are not spliced),
 *   after checking that the daily returns agree on the overlap.
 *
 * The functions here are pure apart from reading through the BuildContext; data/build.ts
 * writes the files and the catalog.
 */
import { parse } from 'csv-parse/sync';
import { dayNumber, toNumber, type BuildContext } from './context.js';

/** One observation: ISO date, value. */
export type Obs = [date: string, value: number];

export const HELIAR_RUT = 'heliar-k_market_base/RUT.csv';
export const HELIAR_SPX = 'heliar-k_market_base/SPX.csv';
export const HELIAR_RATES = 'heliar-k_market_base/rates.csv';
export const HELIAR_COPY = 'GitHub heliar-k/market-base (7c01e04, 2026-08-21)';
export const DSTURDY_COPY = 'GitHub dsturdy/Factor_Attribution_5_csvs (d4cbf2b, 2026-07-14)';
/** An independent FRED copy (DFF to 2026-07-30, DFEDTARU to 2026-04-23) used as a second check of rates.csv. */
export const K1_DFF = 'k1monfared_mortgage_tracker/us_fed_funds_rate.csv';
export const K1_DFEDTARU = 'k1monfared_mortgage_tracker/us_fed_target_upper.csv';

/** The last row of the heliar-k index files: provisional (wap and count empty; RUT's volume 0). */
export const HELIAR_PROVISIONAL_LAST = '2026-08-21';
/** The last row of the dsturdy files: committed at 10:03–10:09 New York time, an intraday price. */
export const DSTURDY_INTRADAY_LAST = '2026-07-14';

/** Sorted check: dates strictly ascending, valid. */
function ascending(what: string, rows: Obs[]): Obs[] {
  for (let i = 0; i < rows.length; i++) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(rows[i][0]) || Number.isNaN(dayNumber(rows[i][0]))) throw new Error(`${what}: bad date ${rows[i][0]}`);
    if (i > 0 && !(rows[i][0] > rows[i - 1][0])) throw new Error(`${what}: dates not strictly ascending at ${rows[i][0]}`);
  }
  if (!rows.length) throw new Error(`${what}: no rows`);
  return rows;
}

/**
 * A heliar-k index file (`date,open,high,low,close,volume,wap,count`): the closes without the
 * provisional last row, which must be `HELIAR_PROVISIONAL_LAST` with `wap` and `count` empty.
 */
export function readHeliarIndex(ctx: BuildContext, rel: string): { rows: Obs[]; dropped: string } {
  const table = parse(ctx.raw(rel), { skip_empty_lines: true, trim: true, bom: true }) as string[][];
  const header = table[0].join(',');
  if (header !== 'date,open,high,low,close,volume,wap,count') throw new Error(`${rel}: unexpected header ${header}`);
  const body = table.slice(1);
  const last = body[body.length - 1];
  if (last[0] !== HELIAR_PROVISIONAL_LAST || last[6] !== '' || last[7] !== '') {
    throw new Error(`${rel}: expected the provisional last row ${HELIAR_PROVISIONAL_LAST} with wap and count empty, found ${last.join(',')}`);
  }
  const rows: Obs[] = body.slice(0, -1).map((r) => {
    const [open, high, low, close] = [1, 2, 3, 4].map((c) => toNumber(r[c], `${rel} ${r[0]}`));
    if (!(close > 0) || high < low || close > high * (1 + 1e-9) || close < low * (1 - 1e-9) || open <= 0) throw new Error(`${rel} ${r[0]}: implausible OHLC ${r.slice(1, 5).join(',')}`);
    return [r[0], close];
  });
  return { rows: ascending(rel, rows), dropped: `${last[0]} (volume ${Number(last[5])}, wap and count empty)` };
}

/** Day-by-day agreement of two level series on their common dates. */
export interface LevelAgreement {
  common: number;
  from: string;
  to: string;
  /** Median |new/old − 1|. */
  median: number;
  /** Days (other than the allowed ones) farther apart than the tolerance. */
  outside: string[];
  /** The allowed exceptions found, with their difference in bp. */
  excepted: string[];
  /** Largest |new/old − 1| outside the allowed exceptions. */
  max: number;
  /** Dates of one series inside the other's range that the other lacks. */
  onlyOld: string[];
  onlyNew: string[];
}

export function compareLevels(old: Obs[], fresh: Obs[], tolerance: number, allowed: string[] = []): LevelAgreement {
  const o = new Map(old);
  const n = new Map(fresh);
  const rel: number[] = [];
  const outside: string[] = [];
  const excepted: string[] = [];
  let max = 0;
  for (const [d, v] of fresh) {
    const w = o.get(d);
    if (w === undefined) continue;
    const r = Math.abs(v / w - 1);
    rel.push(r);
    if (allowed.includes(d)) {
      excepted.push(`${d} ${(r * 1e4).toFixed(1)} bp`);
      continue;
    }
    max = Math.max(max, r);
    if (r > tolerance) outside.push(`${d} (${w} vs ${v}, ${(r * 1e4).toFixed(2)} bp)`);
  }
  const common = rel.length;
  rel.sort((a, b) => a - b);
  const lo = fresh[0][0] > old[0][0] ? fresh[0][0] : old[0][0];
  const hi = fresh[fresh.length - 1][0] < old[old.length - 1][0] ? fresh[fresh.length - 1][0] : old[old.length - 1][0];
  const onlyOld = old.filter(([d]) => d >= lo && d <= hi && !n.has(d)).map(([d]) => d);
  const onlyNew = fresh.filter(([d]) => d >= lo && d <= hi && !o.has(d)).map(([d]) => d);
  return { common, from: lo, to: hi, median: common ? rel[common >> 1] : NaN, outside, excepted, max, onlyOld, onlyNew };
}

/**
 * Old rows up to and including `lastTrusted`, then the fresh rows after it. Throws unless the
 * fresh series overlaps the old one (so the join is checked) and continues it without a hole
 * (its first row after `lastTrusted` must be the old series' next date when the old has one).
 */
export function spliceLevels(what: string, old: Obs[], lastTrusted: string, fresh: Obs[]): Obs[] {
  const head = old.filter(([d]) => d <= lastTrusted);
  if (!head.length || head[head.length - 1][0] !== lastTrusted) throw new Error(`${what}: the old series has no row on ${lastTrusted}`);
  if (!fresh.some(([d]) => d === lastTrusted)) throw new Error(`${what}: the fresh series has no row on ${lastTrusted}, the splice is not checked`);
  const tail = fresh.filter(([d]) => d > lastTrusted);
  const nextOld = old.find(([d]) => d > lastTrusted);
  if (nextOld && tail.length && tail[0][0] !== nextOld[0]) throw new Error(`${what}: the fresh series continues on ${tail[0][0]}, the old one on ${nextOld[0]}`);
  return [...head, ...tail];
}

/** The merged FRED table: each wanted column as observations (blank cells are no observation). */
export function readRatesTable(ctx: BuildContext, columns: string[]): Map<string, Obs[]> {
  const table = parse(ctx.raw(HELIAR_RATES), { skip_empty_lines: true, trim: true, bom: true }) as string[][];
  const header = table[0];
  if (header[0] !== 'date') throw new Error(`${HELIAR_RATES}: the first column should be date, found ${header[0]}`);
  const out = new Map<string, Obs[]>();
  for (const c of columns) {
    const k = header.indexOf(c);
    if (k < 0) throw new Error(`${HELIAR_RATES}: no column ${c}`);
    const rows: Obs[] = [];
    for (const r of table.slice(1)) {
      if (r.length !== header.length) throw new Error(`${HELIAR_RATES} ${r[0]}: ${r.length} cells, expected ${header.length}`);
      if (r[k] === '') continue;
      rows.push([r[0], toNumber(r[k], `${HELIAR_RATES} ${r[0]} ${c}`)]);
    }
    out.set(c, ascending(`${HELIAR_RATES} ${c}`, rows));
  }
  return out;
}

/**
 * Extends an old FRED copy with the rows of a fresh one after its last date. Throws unless the
 * two are identical on every common day, neither has an observation the other lacks inside the
 * old range, and the fresh copy ends on `expectedEnd`. Returns the series and a log fragment.
 */
export function extendFred(id: string, old: Obs[], fresh: Obs[], expectedEnd: string): { rows: Obs[]; text: string } {
  const a = compareLevels(old, fresh, 0);
  const oldEnd = old[old.length - 1][0];
  const inOld = fresh.filter(([d]) => d >= old[0][0] && d <= oldEnd).length;
  if (a.outside.length || a.onlyOld.length || fresh[0][0] > old[0][0] || a.common !== old.length || inOld !== old.length) {
    throw new Error(`${id}: the fresh copy differs from the old one: ${a.outside.length} different values (${a.outside.slice(0, 3).join('; ')}), ${a.onlyOld.length} old days missing, ${inOld - a.common} extra days inside the old range`);
  }
  if (fresh[fresh.length - 1][0] !== expectedEnd) throw new Error(`${id}: the fresh copy should end on ${expectedEnd}, ends ${fresh[fresh.length - 1][0]}`);
  const tail = fresh.filter(([d]) => d > oldEnd);
  return {
    rows: [...old, ...tail],
    text: `identical to the old copy on all ${a.common} common days (${old[0][0]}..${oldEnd}); ${tail.length} rows appended ${tail[0]?.[0]}..${expectedEnd}`,
  };
}

/** Checks an independent copy (covering part of the range) equals `rows` on every one of its days. */
export function sameAs(id: string, rows: Obs[], other: Obs[], otherName: string): string {
  const a = compareLevels(other, rows, 0);
  if (a.outside.length || a.common !== other.length) throw new Error(`${id}: differs from ${otherName} (${a.outside.length} values, ${other.length - a.common} of its days missing)`);
  return `identical to ${otherName} on all ${a.common} of its days (to ${other[other.length - 1][0]})`;
}

/** A dsturdy file (`Date,Close`) without its intraday last row. */
export function readDsturdy(ctx: BuildContext, ticker: string): Obs[] {
  const rel = `dsturdy_factor_attribution/${ticker}.csv`;
  const table = parse(ctx.raw(rel), { skip_empty_lines: true, trim: true, bom: true }) as string[][];
  if (table[0].join(',') !== 'Date,Close') throw new Error(`${rel}: unexpected header ${table[0].join(',')}`);
  const body = table.slice(1);
  if (body[body.length - 1][0] !== DSTURDY_INTRADAY_LAST) throw new Error(`${rel}: expected the intraday last row ${DSTURDY_INTRADAY_LAST}, found ${body[body.length - 1][0]}`);
  const rows: Obs[] = body.slice(0, -1).map((r) => [r[0], toNumber(r[1], `${rel} ${r[0]}`)]);
  for (const [d, v] of rows) if (!(v > 0)) throw new Error(`${rel} ${d}: non-positive close`);
  return ascending(rel, rows);
}

/** Daily and monthly return agreement of two adjusted series over the old one's dates. */
export interface ReturnAgreement {
  days: number;
  /** Largest |Δ daily return|, as a fraction. */
  maxDaily: number;
  maxDailyAt: string;
  medianDaily: number;
  months: number;
  /** Mean and largest |Δ monthly return| (month-end to month-end), percentage points. */
  meanMonthlyPp: number;
  maxMonthlyPp: number;
}

export function compareReturns(old: Obs[], fresh: Obs[]): ReturnAgreement {
  const n = new Map(fresh);
  const diffs: number[] = [];
  let maxDaily = 0;
  let maxDailyAt = '';
  for (let i = 1; i < old.length; i++) {
    const [p, d] = [old[i - 1][0], old[i][0]];
    const np = n.get(p);
    const nd = n.get(d);
    if (np === undefined || nd === undefined) throw new Error(`returns: the fresh copy lacks ${np === undefined ? p : d}`);
    const x = Math.abs(old[i][1] / old[i - 1][1] - nd / np);
    diffs.push(x);
    if (x > maxDaily) [maxDaily, maxDailyAt] = [x, d];
  }
  // month-end levels over the old range (the old series' last month may be partial in both: kept, same dates)
  const endO = new Map<string, number>();
  const endN = new Map<string, number>();
  for (const [d, v] of old) {
    endO.set(d.slice(0, 7), v);
    endN.set(d.slice(0, 7), n.get(d)!);
  }
  const months = [...endO.keys()];
  let sum = 0;
  let maxM = 0;
  for (let i = 1; i < months.length; i++) {
    const a = endO.get(months[i])! / endO.get(months[i - 1])! - 1;
    const b = endN.get(months[i])! / endN.get(months[i - 1])! - 1;
    sum += Math.abs(a - b) * 100;
    maxM = Math.max(maxM, Math.abs(a - b) * 100);
  }
  diffs.sort((a, b) => a - b);
  return { days: diffs.length, maxDaily, maxDailyAt, medianDaily: diffs[diffs.length >> 1], months: months.length - 1, meanMonthlyPp: sum / (months.length - 1), maxMonthlyPp: maxM };
}

/**
 * The old series, then the fresh series' daily returns chained onto the old level from the old
 * series' last row on: x_t = x_last × fresh_t / fresh_last, rounded to 12 significant digits
 * (a ratio to the splice day, so no error accumulates).
 */
export function chainReturns(what: string, old: Obs[], fresh: Obs[]): Obs[] {
  const [last, level] = old[old.length - 1];
  const base = fresh.find(([d]) => d === last);
  if (!base) throw new Error(`${what}: the fresh copy has no row on the splice day ${last}`);
  const tail: Obs[] = fresh.filter(([d]) => d > last).map(([d, v]) => [d, Number(((level * v) / base[1]).toPrecision(12))]);
  return [...old, ...tail];
}
