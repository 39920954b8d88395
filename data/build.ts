/**
 * Builds the shipped data folder from the raw source copies.
 *
 *   npx tsx data/build.ts [rawDir]        (or: npm run data:build -- [rawDir])
 *
 * rawDir defaults to `../shared/data/raw`, resolved against the current working folder
 * (run it from the repository root). Every output is written next to this script.
 *
 * Reads the unchanged source files, normalizes them into tidy CSVs (header line, `date`
 * first as ISO YYYY-MM-DD, ascending, unique, LF endings, no missing values), writes
 * `catalog.json` and regenerates the marked sections of `README.md`. Deterministic:
 * running it twice gives byte-identical files. Every cut, drop and conversion is here.
 *
 * Number format: values copied from a source are written as `String(x)` of the parsed
 * number (exact, no thousands separators). Values converted from percent to fraction
 * (Fama/French returns, RF) are rounded to 12 significant digits first, so 0.07 / 100
 * is written 0.0007, not 0.0007000000000000001.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { isoDay, parseIsoDay } from '../engine/core/dates.js';
import { addFedBusinessDays } from '../engine/market/holidays.js';
import { publicationDay } from '../engine/market/publication.js';
import type { CatalogEntry, Frequency, Publication, SeriesKind, UniverseSpec } from '../engine/core/types.js';
import { parBondReturn } from './par-bond.js';
import { shippedSeriesIdsModule } from '../engine/market/data/series-ids-source.js';
import { agreement, type BuildContext } from './build/context.js';
import { buildInternationalFactors, internationalFactorEntries, internationalUniverses } from './build/international-factors.js';
import { buildPolicyRates, policyRateEntries } from './build/policy-rates.js';
import { FRENCH_UPDATES } from './build/french-updates.js';
import {
  DSTURDY_COPY, HELIAR_COPY, HELIAR_RUT, HELIAR_SPX, K1_DFEDTARU, K1_DFF,
  chainReturns, compareLevels, compareReturns, extendFred, readDsturdy, readHeliarIndex, readRatesTable, sameAs, spliceLevels,
} from './build/us-fresh.js';

const OUT = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npx tsx data/build.ts [rawDir]   (default rawDir: ../shared/data/raw, relative to the working folder)');
  process.exit(0);
}
const RAW = resolve(process.cwd(), args[0] ?? '../shared/data/raw');

// ---------------------------------------------------------------------------------------
// Helpers: reading, dates, number formatting, writing
// ---------------------------------------------------------------------------------------

/** One observation: ISO date and value. */
type Obs = [date: string, value: number];

function readRaw(rel: string): string {
  return readFileSync(join(RAW, rel), 'utf8').replace(/^\uFEFF/, '');
}

/** Raw lines without line-ending characters (handles CRLF files). */
function rawLines(rel: string): string[] {
  return readRaw(rel).split(/\r?\n/);
}

/** A CSV with a header line, as records keyed by column name. */
function csvRecords(rel: string): Record<string, string>[] {
  return parse(readRaw(rel), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
}

/** YYYYMMDD, M/D/YYYY or YYYY-MM-DD → YYYY-MM-DD. */
function isoDate(text: string): string {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  if (/^\d{8}$/.test(t)) return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  throw new Error(`unexpected date "${text}"`);
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 864e5;
}

function addDays(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * 864e5).toISOString().slice(0, 10);
}

/** YYYYMM → last calendar day of that month. */
function monthEnd(yyyymm: string): string {
  return new Date(Date.UTC(Number(yyyymm.slice(0, 4)), Number(yyyymm.slice(4, 6)), 0)).toISOString().slice(0, 10);
}

/** Any date → first day of the following month. */
function nextMonthFirst(iso: string): string {
  return addDays(monthEnd(iso.slice(0, 4) + iso.slice(5, 7)), 1);
}

/** Parses a numeric cell; throws on anything that is not a plain number. */
function toNumber(text: string, where: string): number {
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x)) throw new Error(`${where}: not a number: "${text}"`);
  return x;
}

/** Exact text of a value copied from a source. */
function exact(x: number): string {
  const s = String(x === 0 ? 0 : x); // no "-0"
  if (/e/i.test(s)) throw new Error(`value ${s} would be written in exponent notation`);
  return s;
}

/** Percent → fraction, rounded to 12 significant digits (removes binary noise). */
function pctToFraction(pct: number): number {
  return Number((pct / 100).toPrecision(12));
}

/** Thousands separators for the README (locale independent). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Sorts by date and checks that dates are unique and values finite. */
function tidy(id: string, rows: Obs[]): Obs[] {
  const out = [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  out.forEach(([d, v], i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(dayNumber(d))) throw new Error(`${id}: bad date ${d}`);
    if (!Number.isFinite(v)) throw new Error(`${id}: non-finite value on ${d}`);
    if (i > 0 && d === out[i - 1][0]) throw new Error(`${id}: duplicate date ${d}`);
  });
  if (out.length === 0) throw new Error(`${id}: no rows`);
  return out;
}

/** Summary of each written file, for the README table. */
interface FileSummary {
  rows: number;
  from: string;
  to: string;
  /** Longest step between consecutive dates, in calendar days. */
  maxGap: number;
}
const written = new Map<string, FileSummary>();

/** Writes `date,<columns…>` rows (already formatted cells) and records the summary. */
function writeTable(file: string, columns: string[], rows: string[][]): void {
  const dates = rows.map((r) => r[0]);
  for (let i = 1; i < dates.length; i++) {
    if (!(dates[i] > dates[i - 1])) throw new Error(`${file}: dates not strictly ascending at ${dates[i]}`);
  }
  for (const r of rows) {
    if (r.length !== columns.length || r.some((c) => c === '' || c.includes(','))) throw new Error(`${file}: bad row ${r.join(',')}`);
  }
  writeFileSync(join(OUT, file), [columns.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
  let maxGap = 0;
  for (let i = 1; i < dates.length; i++) maxGap = Math.max(maxGap, dayNumber(dates[i]) - dayNumber(dates[i - 1]));
  written.set(file, { rows: rows.length, from: dates[0], to: dates[dates.length - 1], maxGap });
}

function writeSeries(file: string, column: string, rows: Obs[], format: (x: number) => string = exact): void {
  writeTable(file, ['date', column], rows.map(([d, v]) => [d, format(v)]));
}

/** Throws unless the (first-of-month or month-end) dates run month by month without a hole. */
function checkMonthly(id: string, dates: string[]): void {
  for (let i = 1; i < dates.length; i++) {
    const [y0, m0] = dates[i - 1].split('-').map(Number);
    const [y1, m1] = dates[i].split('-').map(Number);
    if (y1 * 12 + m1 !== y0 * 12 + m0 + 1) throw new Error(`${id}: month missing between ${dates[i - 1]} and ${dates[i]}`);
  }
}

/** Lines collected for the console and the README's generated notes. */
const notes: string[] = [];
function note(line: string): void {
  notes.push(line);
}

/** What the builders in data/build/ may use. */
const ctx: BuildContext = { raw: readRaw, writeTable, note };

// ---------------------------------------------------------------------------------------
// Source readers, one per kind of raw file
// ---------------------------------------------------------------------------------------

interface PriceRow {
  date: string;
  close: number;
  volume: number | undefined;
  /** The close as written in the source (to detect non-final, unrounded snapshots). */
  text: string;
}

/** Yahoo (yfinance) or EOD file with a `Date` column: one price column and Volume. */
function readPriceFile(rel: string, column: string): PriceRow[] {
  return csvRecords(rel).map((r) => ({
    date: isoDate(r.Date),
    close: toNumber(r[column], `${rel} ${r.Date}`),
    volume: r.Volume === undefined ? undefined : Number(r.Volume),
    text: r[column],
  }));
}

/** FRED-style two-column file (date, value). Skips FRED's "." and empty values. */
function readFred(rel: string, fixDate: (iso: string) => string = (d) => d): { rows: Obs[]; skipped: number } {
  const table = parse(readRaw(rel), { skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as string[][];
  const rows: Obs[] = [];
  let skipped = 0;
  for (const [d, v] of table.slice(1)) {
    if (v === undefined || v === '' || v === '.') {
      skipped++;
      continue;
    }
    rows.push([fixDate(isoDate(d)), toNumber(v, `${rel} ${d}`)]);
  }
  return { rows, skipped };
}

/**
 * One block of a Kenneth French CSV: the column-header line found by `headerLine`, then
 * the data lines (key, numeric cells) up to the first line whose key is not `keyDigits`
 * digits long (a blank line, the next block's title or the annual block).
 */
function readFrenchBlock(rel: string, headerLine: (line: string, index: number) => boolean, keyDigits: number): { header: string[]; rows: [string, number[]][] } {
  const lines = rawLines(rel);
  const at = lines.findIndex(headerLine);
  if (at < 0) throw new Error(`${rel}: block header not found`);
  const header = lines[at].split(',').map((s) => s.trim());
  const key = new RegExp(`^\\s*\\d{${keyDigits}}\\s*,`);
  const rows: [string, number[]][] = [];
  for (let i = at + 1; i < lines.length && key.test(lines[i]); i++) {
    const cells = lines[i].split(',').map((s) => s.trim());
    rows.push([cells[0], cells.slice(1).map((c) => toNumber(c, `${rel} ${cells[0]}`))]);
  }
  return { header, rows };
}

/** The header line of a Fama/French factor file. */
const factorHeader = (line: string) => /^\s*,\s*Mkt-RF\s*,\s*SMB\s*,\s*HML\s*,\s*RF\s*$/.test(line);

/** French daily factor file → RF in fraction per day. */
function readFrenchDailyRf(rel: string): Obs[] {
  return readFrenchBlock(rel, factorHeader, 8).rows.map(([k, cells]) => [isoDate(k), pctToFraction(cells[3])]);
}

/** French monthly factor file → RF in fraction per month, keyed YYYYMM (monthly block only). */
function readFrenchMonthlyRf(rel: string): Map<string, number> {
  return new Map(readFrenchBlock(rel, factorHeader, 6).rows.map(([k, cells]) => [k, cells[3] / 100]));
}

// ---------------------------------------------------------------------------------------
// Prices
// ---------------------------------------------------------------------------------------

/** The full download of the alitalbi files; later rows were appended by a job. */
const ALITALBI_FULL_DOWNLOAD = '2025-07-13';
/** Provisional ^RUT rows listed in the shared data README (Volume 0, unrounded). */
const RUT_PROVISIONAL_LISTED = [
  '2025-07-14', '2025-08-11', '2025-08-12', '2025-08-18', '2025-08-19', '2025-08-20', '2025-08-21',
  '2025-08-27', '2025-08-28', '2025-08-29', '2025-09-10', '2025-09-15', '2026-02-23',
];
/** Last culolom SPY row from its full download with a consistent dividend adjustment. */
const SPY_LAST = '2025-11-28';
/**
 * The old and the heliar-k index closes must agree on their overlap as documented (shared data
 * README 7.4): the median relative difference is float32 rounding (2e-8; the build allows 1e-7)
 * and every day is within 1 bp except the listed ones, which must be rows the splice replaces.
 */
const INDEX_OVERLAP = { median: 1e-7, day: 1e-4 };
/** alitalbi's provisional 2025-09-08 row (Volume 0, 5 bp below heliar-k's close): the only documented exception. */
const RUT_OVERLAP_EXCEPTIONS = ['2025-09-08'];
/** Daily returns of the old and the dsturdy adjusted closes must agree to 0.1 bp (float32 rounding), monthly to 0.005 pp. */
const ETF_OVERLAP = { daily: 1e-5, monthlyPp: 0.005 };

/** Days after `after` on which the ETF's return differs from its index's return by more than `thresholdBp` (dividend-adjustment artefacts). */
function artefactsAfter(etf: Obs[], index: Obs[], after: string, thresholdBp: number): string[] {
  const px = new Map(etf);
  const out: string[] = [];
  for (let i = 1; i < index.length; i++) {
    const [p, d] = [index[i - 1][0], index[i][0]];
    if (d <= after || !px.has(d) || !px.has(p)) continue;
    const diff = (px.get(d)! / px.get(p)! - index[i][1] / index[i - 1][1]) * 1e4;
    if (Math.abs(diff) > thresholdBp) out.push(`${d} ${diff > 0 ? '+' : ''}${diff.toFixed(0)} bp`);
  }
  return out;
}

/** Throws unless an old index copy and the heliar-k copy agree on their overlap; returns the log fragment. */
function checkIndexOverlap(id: string, old: Obs[], fresh: Obs[], allowed: string[], lastTrusted: string): string {
  const a = compareLevels(old, fresh, INDEX_OVERLAP.day, allowed);
  const late = allowed.filter((d) => d <= lastTrusted);
  if (a.median > INDEX_OVERLAP.median || a.outside.length || a.onlyOld.length || a.onlyNew.length || a.excepted.length !== allowed.length || late.length) {
    throw new Error(
      `${id}: the old copy and heliar-k disagree on ${a.from}..${a.to}: median relative difference ${a.median.toExponential(2)} (allowed ${INDEX_OVERLAP.median}); ` +
        `days beyond 1 bp: ${a.outside.slice(0, 5).join('; ') || 'none'}${a.outside.length > 5 ? ` and ${a.outside.length - 5} more` : ''}; ` +
        `dates only in the old copy: ${a.onlyOld.length}, only in heliar-k: ${a.onlyNew.length}; allowed exceptions found: ${a.excepted.join(', ') || 'none'}${late.length ? `; exceptions on trusted rows: ${late.join(', ')}` : ''}`,
    );
  }
  return `${a.common} common days ${a.from}..${a.to}, median relative difference ${a.median.toExponential(1)}, largest ${(a.max * 1e4).toFixed(3)} bp${a.excepted.length ? ` (except ${a.excepted.join(', ')}, a replaced row)` : ''}, the same dates in both`;
}

/**
 * ^RUT: alitalbi's rows up to its full download (2025-07-11), then heliar-k's closes to
 * 2026-08-20. Every row alitalbi's job appended later is replaced, the 14 provisional ones
 * (Volume 0, unrounded, which the build used to drop) included.
 */
function buildRut(): Obs[] {
  const all = readPriceFile('alitalbi_storage_data_fy/^RUT.csv', 'Close');
  const provisional = all.filter((r) => r.date > ALITALBI_FULL_DOWNLOAD && r.volume === 0).map((r) => r.date);
  for (const d of RUT_PROVISIONAL_LISTED) if (!provisional.includes(d)) throw new Error(`rut: listed provisional row ${d} not caught`);
  const old: Obs[] = all.map((r) => [r.date, r.close]);
  const lastTrusted = all.filter((r) => r.date < ALITALBI_FULL_DOWNLOAD).pop()!.date;
  const fresh = readHeliarIndex(ctx, HELIAR_RUT);
  const check = checkIndexOverlap('rut', old, fresh.rows, RUT_OVERLAP_EXCEPTIONS, lastTrusted);
  const rows = tidy('rut', spliceLevels('rut', old, lastTrusted, fresh.rows));
  const replaced = all.filter((r) => r.date > lastTrusted).length;
  const extra = provisional.filter((d) => !RUT_PROVISIONAL_LISTED.includes(d));
  note(
    `rut: alitalbi ${old[0][0]}..${lastTrusted} (its full download of ${ALITALBI_FULL_DOWNLOAD}), then heliar-k ${rows.find(([d]) => d > lastTrusted)![0]}..${rows[rows.length - 1][0]}; ` +
      `the ${replaced} rows alitalbi appended after the full download (to ${all[all.length - 1].date}) are replaced by heliar-k's closes, among them its ${provisional.length} provisional rows (Volume 0: the ${RUT_PROVISIONAL_LISTED.length} listed in the source README plus ${extra.join(', ') || 'none'}); ` +
      `heliar-k's provisional last row ${fresh.dropped} dropped; overlap check: ${check}`,
  );
  writeSeries('rut.csv', 'close', rows);
  return rows;
}

/** ^GSPC: culolom without its last 2 rows (possibly not final: 2026-08-20/21), then heliar-k's 2026-08-20. */
function buildSpx(): Obs[] {
  const all = readPriceFile('culolom_backtest/^GSPC.csv', 'Close');
  const old: Obs[] = all.map((r) => [r.date, r.close]);
  const lastTrusted = all[all.length - 3].date; // the repository re-downloads its last days; the last 2 may not be final
  const fresh = readHeliarIndex(ctx, HELIAR_SPX);
  const check = checkIndexOverlap('spx', old, fresh.rows, [], lastTrusted);
  const rows = tidy('spx', spliceLevels('spx', old, lastTrusted, fresh.rows));
  const tail = rows.filter(([d]) => d > lastTrusted).map(([d]) => d);
  note(
    `spx: culolom ${old[0][0]}..${lastTrusted} (its last 2 rows, ${all.slice(-2).map((r) => r.date).join(', ')}, may not be final closes), then heliar-k ${tail.join(', ')}; ` +
      `heliar-k's provisional last row ${fresh.dropped} dropped; overlap check: ${check}`,
  );
  writeSeries('spx.csv', 'close', rows);
  return rows;
}

/**
 * An adjusted ETF: the old copy up to `last` (its consistently adjusted part), then dsturdy's
 * daily returns chained onto the old level (adjusted closes are re-based with every download,
 * so levels are not spliced). Throws unless the daily returns agree on the whole old range.
 */
function spliceEtf(id: string, ticker: string, old: Obs[], index: Obs[], indexName: string): string {
  const fresh = readDsturdy(ctx, ticker);
  const r = compareReturns(old, fresh);
  if (r.maxDaily > ETF_OVERLAP.daily || r.maxMonthlyPp > ETF_OVERLAP.monthlyPp) {
    throw new Error(`${id}: daily returns of the old copy and dsturdy differ by up to ${(r.maxDaily * 1e4).toFixed(3)} bp (${r.maxDailyAt}), monthly by up to ${r.maxMonthlyPp.toFixed(4)} pp: not one adjustment`);
  }
  const last = old[old.length - 1][0];
  const rows = tidy(id, chainReturns(id, old, fresh));
  writeSeries(`${id}.csv`, 'close', rows); // old rows as copied, chained rows already rounded to 12 significant digits
  const gaps = artefactsAfter(rows, index, last, 25);
  return (
    `dsturdy's daily returns chained on after ${last} (${rows.length - old.length} rows to ${rows[rows.length - 1][0]}; its intraday 2026-07-14 row dropped); ` +
    `overlap check over ${r.days} daily returns ${old[0][0]}..${last}: largest difference ${(r.maxDaily * 1e4).toFixed(4)} bp (${r.maxDailyAt}), median ${(r.medianDaily * 1e4).toFixed(4)} bp; ` +
    `${r.months} monthly returns: mean absolute difference ${r.meanMonthlyPp.toFixed(4)} pp, largest ${r.maxMonthlyPp.toFixed(4)} pp; ` +
    `${ticker} − ${indexName} daily return gaps > 25 bp after the splice: ${gaps.join(', ') || 'none'}`
  );
}

function buildIwm(rut: Obs[]): void {
  const all = readPriceFile('alitalbi_storage_data_fy/IWM.csv', 'Close');
  const kept = tidy('iwm', all.filter((r) => r.date < ALITALBI_FULL_DOWNLOAD).map((r) => [r.date, r.close]));
  const text = spliceEtf('iwm', 'IWM', kept, rut, '^RUT');
  note(`iwm: alitalbi to ${kept[kept.length - 1][0]} (last row before its full download of ${ALITALBI_FULL_DOWNLOAD}; its ${all.length - kept.length} appended rows lose dividends and are not used), then ${text}`);
}

function buildSpy(spx: Obs[]): void {
  const all = readPriceFile('culolom_backtest/SPY.csv', 'Close');
  const kept = tidy('spy', all.filter((r) => r.date <= SPY_LAST).map((r) => [r.date, r.close]));
  const before = artefactsAfter(kept, spx, '2024-12-31', 25);
  const text = spliceEtf('spy', 'SPY', kept, spx, '^GSPC');
  note(`spy: culolom to ${SPY_LAST} (its consistently adjusted part; ${all.length - kept.length} later rows not used; SPY − ^GSPC daily return gaps > 25 bp in 2025 up to it: ${before.join(', ') || 'none'}), then ${text}`);
}

/** bdi2357 (EOD) files: `Adjusted_close`, consistent throughout; checks the adjustment factor never falls. */
function buildEod(ticker: string): void {
  const rel = `bdi2357_optimalhorizon/${ticker}_US.csv`;
  const adj = readPriceFile(rel, 'Adjusted_close');
  const raw = readPriceFile(rel, 'Close');
  let falls = 0;
  for (let i = 1; i < adj.length; i++) {
    if (adj[i].close / raw[i].close < (adj[i - 1].close / raw[i - 1].close) * (1 - 1e-3)) falls++;
  }
  if (falls) note(`${ticker.toLowerCase()}: WARNING adjustment factor falls on ${falls} days`);
  writeSeries(`${ticker.toLowerCase()}.csv`, 'close', tidy(ticker, adj.map((r) => [r.date, r.close])));
}

function buildPrices(): void {
  const rut = buildRut();
  const spx = buildSpx();
  buildIwm(rut);
  buildSpy(spx);
  for (const t of ['IWB', 'IJR', 'MDY', 'IVV']) buildEod(t);
}

// ---------------------------------------------------------------------------------------
// Fama/French size portfolios and cash
// ---------------------------------------------------------------------------------------

const FF_COLUMNS = ['lo30', 'med40', 'hi30', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10'];

function buildFfSize(): void {
  const rel = 'bhaskargoswami_ff_data/Portfolios_Formed_on_ME.csv';
  const title = rawLines(rel).findIndex((l) => l.includes('Average Value Weight Returns -- Monthly'));
  if (title < 0) throw new Error(`${rel}: value-weighted monthly block not found`);
  const { header, rows } = readFrenchBlock(rel, (_line, i) => i === title + 1, 6);
  // header: '', '<= 0', 'Lo 30', 'Med 40', 'Hi 30', 'Lo 20', 'Qnt 2'…'Hi 20', 'Lo 10', '2-Dec'…'9-Dec', 'Hi 10'
  const expected = ['', '<= 0', 'Lo 30', 'Med 40', 'Hi 30', 'Lo 20', 'Qnt 2', 'Qnt 3', 'Qnt 4', 'Hi 20', 'Lo 10', '2-Dec', '3-Dec', '4-Dec', '5-Dec', '6-Dec', '7-Dec', '8-Dec', '9-Dec', 'Hi 10'];
  if (header.join('|') !== expected.join('|')) throw new Error(`${rel}: unexpected header ${header.join(',')}`);
  const pick = [2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19].map((c) => c - 1); // cells exclude the key column
  const out: string[][] = [];
  let missing = 0;
  for (const [key, cells] of rows) {
    const vals = pick.map((c) => cells[c]);
    if (vals.some((v) => v <= -99.99)) {
      missing++; // French's missing-value code (-99.99 or -999)
      continue;
    }
    out.push([monthEnd(key), ...vals.map((v) => exact(pctToFraction(v)))]);
  }
  checkMonthly('ff_size_vw', out.map((r) => r[0]));
  note(`ff_size_vw: ${out.length} months from the first block (value weighted, monthly); ${missing} months with a missing value dropped; the "<= 0" column is not used`);
  writeTable('ff_size_vw.csv', ['date', ...FF_COLUMNS], out);
}

/** y437li (202408 vintage, RF to 3 decimals) up to its end, then tommy66779 (202604, 2 decimals). */
function buildCash(): void {
  const older = readFrenchDailyRf('y437li_factor_app/F-F_Research_Data_Factors_daily.CSV');
  const cutoff = older[older.length - 1][0];
  const newerAll = readFrenchDailyRf('tommy66779_dotcom/F-F_Research_Data_Factors_daily.csv');
  const newer = newerAll.filter((r) => r[0] > cutoff);
  const cash = tidy('cash', [...older, ...newer]);
  writeSeries('cash.csv', 'return', cash);
  note(`cash: ${older.length} days from y437li (202408 vintage, RF % to 3 decimals) ${older[0][0]}..${cutoff}, then ${newer.length} days from tommy66779 (202604 vintage, 2 decimals) ${newer[0][0]}..${newer[newer.length - 1][0]}`);
  checkCashAgainstMonthly(cash);
}

/** Compounds the daily RF by month and compares with the monthly RF of the 202412 monthly file. */
function checkCashAgainstMonthly(cash: Obs[]): void {
  const monthly = readFrenchMonthlyRf('thomasl258_macrofinance/F-F_Research_Data_Factors.CSV');
  const growth = new Map<string, number>();
  for (const [d, r] of cash) {
    const k = d.slice(0, 4) + d.slice(5, 7);
    growth.set(k, (growth.get(k) ?? 1) * (1 + r));
  }
  const stats = (from: string, to: string) => {
    let sum = 0, n = 0, max = 0, maxAt = '';
    for (const [k, g] of growth) {
      const m = monthly.get(k);
      if (m === undefined || k < from || k > to) continue;
      const diff = Math.abs(g - 1 - m) * 100; // percentage points per month
      sum += diff;
      n++;
      if (diff > max) [max, maxAt] = [diff, k];
    }
    return `${n} months, mean abs diff ${(sum / n).toFixed(4)} pp/month, max ${max.toFixed(4)} pp (${maxAt})`;
  };
  note(`cash check, daily RF compounded by month vs monthly RF (thomasl258, 202412 vintage): all ${stats('000000', '999999')}; 192607–202408 ${stats('192607', '202408')}; 202409–202412 (2-decimal rows) ${stats('202409', '202412')}`);
}

// ---------------------------------------------------------------------------------------
// Fed policy rates and FOMC decisions
// ---------------------------------------------------------------------------------------

/** The FRED columns of heliar-k's rates.csv that continue shipped series, and the last day each must reach. */
const RATES_END: Record<string, string> = { DFF: '2026-08-20', DFEDTARU: '2026-08-21', DFEDTARL: '2026-08-21', DGS3MO: '2026-08-20', DGS2: '2026-08-20', DGS10: '2026-08-20' };
let ratesTable: Map<string, Obs[]> | undefined;
/** A column of heliar-k's merged FRED table (read once). */
function freshRates(column: string): Obs[] {
  ratesTable ??= readRatesTable(ctx, Object.keys(RATES_END));
  return ratesTable.get(column)!;
}

/** Throws unless a written daily file has a row for every calendar day. */
function checkCalendarDaily(file: string): void {
  const w = written.get(file)!;
  if (w.maxGap !== 1) throw new Error(`${file}: a calendar day is missing (longest gap ${w.maxGap} days)`);
}

function buildFed(): Obs[] {
  const dff = extendFred('fed_funds', tidy('DFF', readFred('deerfieldgreen_fred/dff_data.csv').rows), freshRates('DFF'), RATES_END.DFF);
  const dffK1 = sameAs('fed_funds', dff.rows, tidy('k1 DFF', readFred(K1_DFF).rows), 'k1monfared us_fed_funds_rate.csv');
  writeSeries('fed_funds.csv', 'value', dff.rows);
  checkCalendarDaily('fed_funds.csv');
  const dfedtar = tidy('DFEDTAR', readFred('hussamalazzawi_dissertation/DFEDTAR.csv').rows);
  const upperX = extendFred('fed_target_upper', tidy('DFEDTARU', readFred('vengveng_feii/DFEDTARU.csv').rows), freshRates('DFEDTARU'), RATES_END.DFEDTARU);
  const lowerX = extendFred('fed_target_lower', tidy('DFEDTARL', readFred('vengveng_feii/DFEDTARL.csv').rows), freshRates('DFEDTARL'), RATES_END.DFEDTARL);
  const upperK1 = sameAs('fed_target_upper', upperX.rows, tidy('k1 DFEDTARU', readFred(K1_DFEDTARU).rows), 'k1monfared us_fed_target_upper.csv');
  const [upper, lower] = [upperX.rows, lowerX.rows];
  writeSeries('fed_target_upper.csv', 'value', upper);
  writeSeries('fed_target_lower.csv', 'value', lower);
  checkCalendarDaily('fed_target_upper.csv');
  checkCalendarDaily('fed_target_lower.csv');
  if (upper.length !== lower.length || upper.some(([d, u], i) => lower[i][0] !== d || !(u - lower[i][1] > 0.2 && u - lower[i][1] < 0.3))) throw new Error('fed_target_upper/lower: not one 25 bp range on the same days');
  // the effective funds rate inside the range on every appended day (documented: 100 % from 2025-12-11 to 2026-08-20)
  const range = new Map(upper.map(([d, u], i) => [d, [lower[i][1], u]]));
  const appended = dff.rows.filter(([d]) => d > '2025-06-25' && range.has(d));
  const outside = appended.filter(([d, v]) => v < range.get(d)![0] || v > range.get(d)![1]).map(([d]) => d);
  if (outside.length) throw new Error(`fed_funds: outside the target range on appended days ${outside.join(', ')}`);
  const join = dfedtar[dfedtar.length - 1][0];
  if (addDays(join, 1) !== upper[0][0]) throw new Error(`fed_target: DFEDTAR ends ${join} but DFEDTARU starts ${upper[0][0]}`);
  const target = tidy('fed_target', [...dfedtar, ...upper]);
  writeSeries('fed_target.csv', 'value', target);
  note(`fed_funds: DFF, deerfieldgreen then heliar-k rates.csv: ${dff.text}; ${dffK1}; inside the target range on all ${appended.length} appended days (${appended[0][0]}..${appended[appended.length - 1][0]})`);
  note(`fed_target_upper: DFEDTARU, vengveng then heliar-k rates.csv: ${upperX.text}; ${upperK1}; fed_target_lower: DFEDTARL, ${lowerX.text}`);
  note(`fed_target: DFEDTAR ${dfedtar[0][0]}..${join} (${dfedtar.length} days), then DFEDTARU ${upper[0][0]}..${upper[upper.length - 1][0]} (${upper.length} days)`);
  return target;
}

type MeetingType = 'meeting' | 'unscheduled';

interface Decision {
  date: string;
  previous: number;
  target: number;
  changeBp: number;
  type: MeetingType | 'inter-meeting';
  effective: string;
}

/** Listed FOMC meeting/call dates: Tollan (1936–2021, all `meeting`), then mayherprog (2015–, with its type). */
function readMeetingDates(): Map<string, MeetingType> {
  const dates = new Map<string, MeetingType>();
  for (const line of rawLines('tollan_fomc/FOMCdates.csv')) if (line.trim()) dates.set(isoDate(line), 'meeting');
  for (const r of csvRecords('mayherprog_backtests/fomc_dates.csv')) {
    if (r.type !== 'scheduled' && r.type !== 'unscheduled') throw new Error(`fomc_dates: unknown type ${r.type}`);
    dates.set(isoDate(r.decision_date), r.type === 'unscheduled' ? 'unscheduled' : 'meeting');
  }
  return dates;
}

const bp = (previous: number, target: number) => Math.round((target - previous) * 1e4) / 100;

/**
 * Every change of the target is one decision. Its date is the latest listed meeting date
 * 0–3 days before (or on) the day the target changed; with none, an inter-meeting move
 * decided on the effective date.
 */
function deriveDecisions(target: Obs[], meetings: Map<string, MeetingType>): Decision[] {
  const out: Decision[] = [];
  for (let i = 1; i < target.length; i++) {
    const [effective, rate] = target[i];
    const previous = target[i - 1][1];
    if (rate === previous) continue;
    let date = effective;
    let type: Decision['type'] = 'inter-meeting';
    for (let back = 0; back <= 3; back++) {
      const m = meetings.get(addDays(effective, -back));
      if (m) {
        [date, type] = [addDays(effective, -back), m];
        break;
      }
    }
    out.push({ date, previous, target: rate, changeBp: bp(previous, rate), type, effective });
  }
  return out;
}

/**
 * The target-range changes since 2024 documented in the shared data README (7.4): decision
 * date, effective date, new upper bound; no change from 2025-12-11 to 2026-08-21. The derived
 * table must end with exactly these (nothing is added by hand any more: the December 2025 cut,
 * once appended from a note, is now in DFEDTARU).
 */
const DOCUMENTED_SINCE_2024: [date: string, effective: string, target: number][] = [
  ['2024-09-18', '2024-09-19', 5],
  ['2024-11-07', '2024-11-08', 4.75],
  ['2024-12-18', '2024-12-19', 4.5],
  ['2025-09-17', '2025-09-18', 4.25],
  ['2025-10-29', '2025-10-30', 4],
  ['2025-12-10', '2025-12-11', 3.75],
];
/** The last day of the target series, through which no later change may appear. */
const TARGET_END = '2026-08-21';

function buildFomc(target: Obs[]): void {
  const decisions = deriveDecisions(target, readMeetingDates());
  const recent = decisions.filter((d) => d.date >= '2024-01-01');
  const want = DOCUMENTED_SINCE_2024.map(([date, effective, t]) => `${date} ${effective} ${t} meeting`).join('; ');
  const got = recent.map((d) => `${d.date} ${d.effective} ${d.target} ${d.type}`).join('; ');
  if (got !== want) throw new Error(`fomc: the decisions since 2024 should be ${want}; derived ${got}`);
  if (target[target.length - 1][0] !== TARGET_END) throw new Error(`fomc: fed_target should end ${TARGET_END}, ends ${target[target.length - 1][0]}`);
  const lastDecision = decisions[decisions.length - 1];
  writeTable(
    'fomc.csv',
    ['date', 'previous', 'target', 'change_bp', 'type', 'effective'],
    decisions.map((d) => [d.date, exact(d.previous), exact(d.target), exact(d.changeBp), d.type, d.effective]),
  );
  const count = (f: (d: Decision) => boolean) => decisions.filter(f).length;
  const inter = decisions.filter((d) => d.type === 'inter-meeting');
  const interSince94 = inter.filter((d) => d.date >= '1994-01-01');
  note(
    `fomc: ${decisions.length} decisions, all derived from fed_target (none added by hand): ${count((d) => d.changeBp > 0)} hikes, ${count((d) => d.changeBp < 0)} cuts; ` +
      `${count((d) => d.type === 'meeting')} at a listed meeting, ${count((d) => d.type === 'unscheduled')} at an unscheduled meeting, ${inter.length} inter-meeting ` +
      `(${inter.length - interSince94.length} before 1994, ${interSince94.length} since: ${interSince94.map((d) => `${d.date} ${d.changeBp > 0 ? '+' : ''}${d.changeBp}`).join(', ')}); ` +
      `since 1994: ${count((d) => d.date >= '1994-01-01' && d.changeBp > 0)} hikes, ${count((d) => d.date >= '1994-01-01' && d.changeBp < 0)} cuts; ` +
      `effective − decision: ${[0, 1, 2, 3].map((k) => `${k} d: ${count((d) => dayNumber(d.effective) - dayNumber(d.date) === k)}`).join(', ')}; ` +
      `steps that are not a multiple of 25 bp: ${count((d) => d.changeBp % 25 !== 0)}; ` +
      `the ${recent.length} decisions since 2024 are the documented ones; the last, ${lastDecision.date} (${exact(lastDecision.previous)} → ${exact(lastDecision.target)}, effective ${lastDecision.effective}), is followed by no change to ${TARGET_END}`,
  );
}

// ---------------------------------------------------------------------------------------
// Macro indicators
// ---------------------------------------------------------------------------------------

/** A daily H.15 yield: the old FRED copy (holiday "." skipped) continued by heliar-k's rates.csv column. */
function buildFredDaily(file: string, rel: string, column: string): Obs[] {
  const { rows, skipped } = readFred(rel);
  const x = extendFred(file.replace('.csv', ''), tidy(file, rows), freshRates(column), RATES_END[column]);
  writeSeries(file, 'value', x.rows);
  note(`${file.replace('.csv', '')}: ${column}, hussamalazzawi (${skipped} holiday rows without a value skipped) then heliar-k rates.csv: ${x.text}`);
  return x.rows;
}

/** The three days on which FRED's T10Y2Y is not DGS10 − DGS2 (old archive rounding; 1–2 bp). */
const T10Y2Y_NOT_DIFFERENCE = ['1990-11-21', '1991-01-29', '1995-11-29'];

/**
 * T10Y2Y: the Pratikshat copy (to 2026-06-05), continued by DGS10 − DGS2 (FRED's definition of
 * the series) on the days after it where both yields exist. Throws unless the difference equals
 * T10Y2Y on every common day but the three documented ones and exists on exactly its days.
 */
function buildT10y2y(ust10y: Obs[], ust2y: Obs[]): void {
  const { rows, skipped } = readFred('pratikshat_yieldcurve/T10Y2Y.csv');
  const old = tidy('t10y2y', rows);
  const two = new Map(ust2y);
  const diff: Obs[] = ust10y.filter(([d]) => two.has(d)).map(([d, v]) => [d, Math.round((v - two.get(d)!) * 100) / 100]);
  const a = compareLevels(old, diff, 0);
  const off = old.filter(([d, v]) => diff.some(([e, w]) => e === d && w !== v)).map(([d]) => d);
  const oldEnd = old[old.length - 1][0];
  if (a.common !== old.length || a.onlyNew.length || off.join() !== T10Y2Y_NOT_DIFFERENCE.join()) {
    throw new Error(`t10y2y: DGS10 − DGS2 should equal T10Y2Y on all its ${old.length} days but ${T10Y2Y_NOT_DIFFERENCE.join(', ')}; common ${a.common}, different on ${off.join(', ')}, extra days ${a.onlyNew.length}`);
  }
  const tail = diff.filter(([d]) => d > oldEnd);
  writeSeries('t10y2y.csv', 'value', [...old, ...tail]);
  note(
    `t10y2y: T10Y2Y, Pratikshat (${skipped} holiday rows without a value skipped) ${old[0][0]}..${oldEnd}, then DGS10 − DGS2 (FRED's definition) ${tail[0][0]}..${tail[tail.length - 1][0]} (${tail.length} days); ` +
      `check: DGS10 − DGS2 equals T10Y2Y on ${a.common - off.length} of the ${a.common} common days and exists on exactly its days (differs by ${off.map((d) => `${Math.round(Math.abs(old.find((r) => r[0] === d)![1] - diff.find((r) => r[0] === d)![1]) * 100)} bp on ${d}`).join(', ')})`,
  );
}

function buildFredMonthly(file: string, rel: string, fixDate?: (iso: string) => string): Obs[] {
  const rows = tidy(file, readFred(rel, fixDate).rows);
  if (rows.some(([d]) => !d.endsWith('-01'))) throw new Error(`${file}: dates must be the first of the month`);
  checkMonthly(file, rows.map((r) => r[0]));
  writeSeries(file, 'value', rows);
  return rows;
}

/** USREC: rows before 1900-03 carry the Excel 1900 leap-year artefact (1–2 days early). */
function fixUsrecDate(iso: string): string {
  return iso < '1900-03-01' && !iso.endsWith('-01') ? nextMonthFirst(iso) : iso;
}

/** Builds the macro files; returns the 10-year yield (for `bonds_10y`). */
function buildMacro(): Obs[] {
  buildFredDaily('tbill_3m.csv', 'hussamalazzawi_dissertation/DGS3MO.csv', 'DGS3MO');
  const ust10y = buildFredDaily('ust_10y.csv', 'hussamalazzawi_dissertation/DGS10.csv', 'DGS10');
  const ust2y = buildFredDaily('ust_2y.csv', 'hussamalazzawi_dissertation/DGS2.csv', 'DGS2');
  buildT10y2y(ust10y, ust2y);
  buildFredMonthly('tbill_3m_monthly.csv', 'opendatahub_interest_rate/TB3MS.csv');
  buildFredMonthly('cpi.csv', 'opendatahub_unemployment/CPIAUCSL.csv');
  const rec = buildFredMonthly('recession.csv', 'pratikshat_yieldcurve/USREC.csv', fixUsrecDate);
  const moved = readFred('pratikshat_yieldcurve/USREC.csv').rows.filter(([d]) => fixUsrecDate(d) !== d).length;
  if (rec.some(([, v]) => v !== 0 && v !== 1)) throw new Error('recession: values must be 0/1');
  note(`recession: ${moved} rows before 1900-03 re-dated to the first day of the next month (Excel 1900 artefact)`);
  return ust10y;
}

// ---------------------------------------------------------------------------------------
// The article's other claims: ISM as first released, valuations by size, Shiller, bonds
// ---------------------------------------------------------------------------------------

const ISM_FIRST = 'lumpen95_afml/ism_pmi.csv';
const ISM_REVISED = 'haydenlee_altdata/ISM-MAN_PMI.csv';
/** Documented in the shared data README: 181 common months, mean absolute difference 0.47. */
const ISM_OVERLAP = { months: 181, mad: 0.47 };
/** The first reference month of the first-release file: earlier months are revised values. */
const ISM_FIRST_RELEASE_FROM = '2006-12-01';

/** The day an ISM value for the month of `ref` is due: the first business day of the next month (the engine's rule). */
function ismDue(ref: string): string {
  return isoDay(publicationDay(parseIsoDay(ref), AFTER_MONTH));
}

/**
 * `ism_pmi`: the PMI as known on each date. Revised values (Quandl history) for reference
 * months before the first first-release row; from then on the first release, published on
 * its own release date (never before the first business day of the next month). `ism_pmi_revised`
 * keeps the revised history alone.
 */
function buildIsm(): void {
  const revised = buildFredMonthly('ism_pmi_revised.csv', ISM_REVISED); // newest first in the source: tidy sorts
  const records = csvRecords(ISM_FIRST);
  if (!records.length || Object.keys(records[0]).join(',') !== 'Index,Value') throw new Error(`${ISM_FIRST}: expected columns Index,Value`);
  const first = records.map((r) => {
    const release = isoDate(r.Index);
    const ref = addDays(release.slice(0, 8) + '01', -1).slice(0, 8) + '01'; // the month before the release
    return { ref, release, value: toNumber(r.Value, `${ISM_FIRST} ${r.Index}`) };
  });
  checkMonthly('ism_pmi first release', first.map((r) => r.ref));
  if (first[0].ref !== ISM_FIRST_RELEASE_FROM || first[first.length - 1].ref !== '2025-11-01') {
    throw new Error(`${ISM_FIRST}: expected reference months 2006-12 to 2025-11, found ${first[0].ref} to ${first[first.length - 1].ref}`);
  }
  let floored = 0;
  const lags = new Map<number, number>(); // business days between the first business day of the month and the file's date
  for (const r of first) {
    const due = ismDue(r.ref);
    if (r.release < due) floored++;
    let lag = 0;
    for (let d = dayNumber(due); d < dayNumber(r.release); d = addFedBusinessDays(d, 1)) lag++;
    lags.set(lag, (lags.get(lag) ?? 0) + 1);
    if (Number(r.release.slice(8)) > 11) throw new Error(`${ISM_FIRST}: release ${r.release} is later in the month than any documented one (2017-10-11)`);
  }
  const lagText = [...lags].sort((a, b) => a[0] - b[0]).map(([k, c]) => `${k}: ${c}`).join(', ');
  const rev = new Map(revised);
  let sum = 0;
  let n = 0;
  let max = 0;
  let same = 0;
  for (const r of first) {
    const v = rev.get(r.ref);
    if (v === undefined) continue;
    const d = Math.abs(r.value - v);
    sum += d;
    n++;
    max = Math.max(max, d);
    if (d === 0) same++;
  }
  const mad = sum / n;
  if (n !== ISM_OVERLAP.months || Math.abs(mad - ISM_OVERLAP.mad) > 0.005) {
    throw new Error(`ism_pmi: first release vs revised over ${n} months differ by ${mad.toFixed(3)} on average; documented: ${ISM_OVERLAP.months} months, ${ISM_OVERLAP.mad}`);
  }
  const rows: string[][] = [];
  for (const [d, v] of revised) if (d < first[0].ref) rows.push([d, exact(v), ismDue(d)]);
  for (const r of first) rows.push([r.ref, exact(r.value), r.release < ismDue(r.ref) ? ismDue(r.ref) : r.release]);
  checkMonthly('ism_pmi', rows.map((r) => r[0]));
  writeTable('ism_pmi.csv', ['date', 'value', 'published'], rows);
  note(
    `ism_pmi: revised values ${rows[0][0].slice(0, 7)}..${addDays(first[0].ref, -1).slice(0, 7)} (published the first business day of the next month), then first releases ${first[0].ref.slice(0, 7)}..${first[first.length - 1].ref.slice(0, 7)} published on their release dates ` +
      `(business days from the first business day of the next month to the file's date → releases: ${lagText}; ${floored} dates earlier than that first business day, moved up to it); ` +
      `first release vs revised over ${n} common months: mean absolute difference ${mad.toFixed(4)} points, largest ${max.toFixed(1)}, identical in ${same}`,
  );
}

const FF6 = 'risox_macro_finance/6_Portfolios_2x3.CSV';
const FF6_HEADER = ',SMALL LoBM,ME1 BM2,SMALL HiBM,BIG LoBM,ME2 BM2,BIG HiBM';
/** Title lines (1-based line numbers) of the tables used, as documented in the shared data README. */
const FF6_TABLES = {
  vw: { line: 15, title: 'Average Value Weighted Returns -- Monthly' },
  firms: { line: 2591, title: 'Number of Firms in Portfolios' },
  cap: { line: 3777, title: 'Average Market Cap' },
  beme: { line: 4963, title: 'For portfolios formed in June of year t', next: 'Value Weight Average of BE/ME Calculated for June of t to June of t+1 as:' },
};
const FF6_COLUMNS = ['small_lobm', 'small_midbm', 'small_hibm', 'big_lobm', 'big_midbm', 'big_hibm'];

/** One monthly table of the 2x3 file: checks its title line and header, returns YYYYMM → 6 cells. */
function readFf6Table(t: { line: number; title: string; next?: string }): Map<string, number[]> {
  const lines = rawLines(FF6);
  if (lines[t.line - 1].trim() !== t.title) throw new Error(`${FF6}:${t.line}: expected the title "${t.title}", found "${lines[t.line - 1].trim()}"`);
  if (t.next && lines[t.line].trim() !== t.next) throw new Error(`${FF6}:${t.line + 1}: expected "${t.next}"`);
  const header = lines.findIndex((l, i) => i >= t.line && l.startsWith(','));
  if (lines[header].replace(/\s+$/, '') !== FF6_HEADER) throw new Error(`${FF6}:${header + 1}: unexpected header ${lines[header]}`);
  const { rows } = readFrenchBlock(FF6, (_l, i) => i === header, 6);
  if (rows.length !== 1182 || rows[0][0] !== '192607' || rows[rows.length - 1][0] !== '202412') {
    throw new Error(`${FF6}: table "${t.title}" should run 192607..202412 (1182 months), found ${rows.length} rows`);
  }
  for (const [k, cells] of rows) {
    if (cells.length !== 6) throw new Error(`${FF6}: ${k} has ${cells.length} cells in "${t.title}"`);
    if (cells.some((c) => c <= -99.99)) throw new Error(`${FF6}: ${k} has a missing value (-99.99/-999) in "${t.title}"`);
  }
  return new Map(rows);
}

/** ME-weighted mean of three BE/ME values (ME = number of firms × average market cap). */
function weightedBm(bm: number[], firms: number[], cap: number[], cols: number[]): number {
  let num = 0;
  let den = 0;
  for (const c of cols) {
    const me = firms[c] * cap[c];
    num += me * bm[c];
    den += me;
  }
  return num / den;
}

/** `bm_small`, `bm_large`, `bm_spread` and the six value-weighted portfolio returns. */
function buildBookToMarket(): void {
  const vw = readFf6Table(FF6_TABLES.vw);
  const firms = readFf6Table(FF6_TABLES.firms);
  const cap = readFf6Table(FF6_TABLES.cap);
  const beme = readFf6Table(FF6_TABLES.beme);
  const bm: string[][] = [];
  const ret: string[][] = [];
  let minSpread = Infinity;
  let maxSpread = 0;
  let minAt = '';
  let maxAt = '';
  for (const [k, b] of beme) {
    const f = firms.get(k)!;
    const c = cap.get(k)!;
    if (f.some((x) => !Number.isInteger(x) || x <= 0) || c.some((x) => !(x > 0)) || b.some((x) => !(x > 0))) throw new Error(`${FF6}: ${k}: firm counts, caps and BE/ME must be positive`);
    const small = weightedBm(b, f, c, [0, 1, 2]);
    const large = weightedBm(b, f, c, [3, 4, 5]);
    const spread = small / large;
    if (spread < minSpread) [minSpread, minAt] = [spread, k];
    if (spread > maxSpread) [maxSpread, maxAt] = [spread, k];
    const r12 = (x: number) => exact(Number(x.toPrecision(12)));
    bm.push([monthEnd(k), r12(small), r12(large), r12(spread)]);
    ret.push([monthEnd(k), ...vw.get(k)!.map((x) => exact(pctToFraction(x)))]);
  }
  checkMonthly('bm_size', bm.map((r) => r[0]));
  writeTable('bm_size.csv', ['date', 'small', 'large', 'spread'], bm);
  writeTable('ff_6_vw.csv', ['date', ...FF6_COLUMNS], ret);
  note(
    `bm_size: ${bm.length} months ${bm[0][0].slice(0, 7)}..${bm[bm.length - 1][0].slice(0, 7)} from the value-weighted BE/ME table (line ${FF6_TABLES.beme.line}), weighted by number of firms × average market cap of the same month; ` +
      `bm_spread ranges ${minSpread.toFixed(3)} (${minAt}) to ${maxSpread.toFixed(3)} (${maxAt}), last ${bm[bm.length - 1][3]}; ff_6_vw: the file's first table, percent → fraction`,
  );
}

const SHILLER = 'bioinfo_nextfire/ie_data.csv';

/** Shiller's `YYYY.MM` (October is written `.1`) → first day of the month. */
function shillerMonth(text: string, where: string): string {
  const m = /^(\d{4})\.(\d{1,2})$/.exec(text.trim());
  if (!m || (m[2].length === 1 && m[2] !== '1')) throw new Error(`${where}: unexpected date "${text}"`);
  const month = m[2] === '1' ? '10' : m[2];
  if (Number(month) < 1 || Number(month) > 12) throw new Error(`${where}: unexpected month "${text}"`);
  return `${m[1]}-${month}-01`;
}

/** `cape` (P/E10) and `sp_earnings_yield` (E/P) from Shiller's ie_data; returns E by month (YYYYMM). */
function buildShiller(): Map<string, number> {
  const table = parse(readRaw(SHILLER), { relax_column_count: true, bom: true }) as string[][];
  const at = table.findIndex((r) => r[0] === 'Date' && r[1] === 'P' && r[3] === 'E' && r[12] === 'CAPE');
  if (at !== 7) throw new Error(`${SHILLER}: the column-title line "Date,P,D,E,…,CAPE" should be line 8 (7 preamble lines), found at ${at + 1}`);
  const data = table.slice(at + 1).filter((r) => r.some((c) => c.trim() !== ''));
  const months = data.map((r, i) => shillerMonth(r[0], `${SHILLER}:${at + 2 + i}`));
  checkMonthly('shiller', months);
  if (months[0] !== '1871-01-01' || months[months.length - 1] !== '2025-02-01') throw new Error(`${SHILLER}: expected 1871.01..2025.02, found ${months[0]}..${months[months.length - 1]}`);
  const num = (text: string, where: string) => toNumber(text.replace(/,/g, ''), where);
  const cape: Obs[] = [];
  const ey: Obs[] = [];
  const earnings = new Map<string, number>();
  let capeNa = 0;
  data.forEach((r, i) => {
    const where = `${SHILLER}:${at + 2 + i}`;
    const p = num(r[1], where);
    if (r[3].trim() !== '') {
      const e = num(r[3], where);
      if (months[i] > '2024-09-01') throw new Error(`${where}: earnings after 2024.09 (documented end)`);
      ey.push([months[i], Number((e / p).toPrecision(12))]);
      earnings.set(months[i].slice(0, 4) + months[i].slice(5, 7), e);
    } else if (months[i] <= '2024-09-01') throw new Error(`${where}: earnings missing before 2024.09`);
    if (r[12].trim() === 'NA') capeNa++;
    else cape.push([months[i], num(r[12], where)]);
  });
  if (capeNa !== 120 || cape[0][0] !== '1881-01-01') throw new Error(`${SHILLER}: CAPE should be NA for the first 120 months exactly, found ${capeNa}`);
  writeSeries('cape.csv', 'value', tidy('cape', cape));
  writeSeries('sp_earnings_yield.csv', 'value', tidy('sp_earnings_yield', ey));
  note(`cape: ${cape.length} months ${cape[0][0].slice(0, 7)}..${cape[cape.length - 1][0].slice(0, 7)} (the first 120 months are NA in the source); sp_earnings_yield: E/P for ${ey.length} months ${ey[0][0].slice(0, 7)}..${ey[ey.length - 1][0].slice(0, 7)} (earnings end 2024.09)`);
  return earnings;
}

const GOYAL_WELCH = 'bhaskargoswami_ff_data/PredictorData2024.csv';

/** Goyal–Welch rows by YYYYMM (the Index column's thousands separators removed). */
function readGoyalWelch(): Map<string, Record<string, string>> {
  const recs = csvRecords(GOYAL_WELCH);
  if (recs[0].yyyymm !== '187101' || recs[recs.length - 1].yyyymm !== '202412') throw new Error(`${GOYAL_WELCH}: expected 187101..202412`);
  const separated = recs.filter((r) => r.Index.includes(','));
  if (separated.length !== 297 || separated[0].yyyymm !== '199802') {
    throw new Error(`${GOYAL_WELCH}: the Index column should carry thousands separators in the 297 rows from 199802 (documented quirk), found ${separated.length} from ${separated[0]?.yyyymm}`);
  }
  return new Map(recs.map((r) => [r.yyyymm, r]));
}

/** Compares Shiller's E with Goyal–Welch E12 where both exist (the build log states the fit). */
function checkEarnings(shiller: Map<string, number>, gw: Map<string, Record<string, string>>): void {
  const rel: number[] = [];
  for (const [k, e] of shiller) {
    const g = gw.get(k)?.E12;
    if (g && g !== 'NaN') rel.push(Math.abs(e / Number(g) - 1));
  }
  rel.sort((a, b) => a - b);
  const max = rel[rel.length - 1];
  const ey: Obs[] = [];
  for (const [k, r] of gw) {
    if (r.E12 === 'NaN' || r.Index === 'NaN') continue;
    ey.push([monthEnd(k), Number((toNumber(r.E12, `${GOYAL_WELCH} ${k} E12`) / toNumber(r.Index.replace(/,/g, ''), `${GOYAL_WELCH} ${k} Index`)).toPrecision(12))]);
  }
  checkMonthly('sp_earnings_yield_gw', ey.map((r) => r[0]));
  writeSeries('sp_earnings_yield_gw.csv', 'value', tidy('sp_earnings_yield_gw', ey));
  if (max > 0.03) throw new Error(`sp_earnings_yield: Shiller E and Goyal–Welch E12 differ by ${(max * 100).toFixed(2)} % in some month`);
  note(`sp_earnings_yield check: Shiller E vs Goyal–Welch E12 over ${rel.length} months: median relative difference ${(rel[rel.length >> 1] * 100).toFixed(4)} %, largest ${(max * 100).toFixed(2)} % (Shiller rounds early earnings to cents)`);
}

/** `bonds`: Goyal–Welch `ltr`, long-term government bond total return, month-end dated. */
function buildBonds(gw: Map<string, Record<string, string>>): Obs[] {
  const rows: Obs[] = [];
  for (const [k, r] of gw) {
    if (r.ltr === 'NaN') {
      if (rows.length) throw new Error(`${GOYAL_WELCH}: ltr missing in ${k} after it started`);
      continue;
    }
    rows.push([monthEnd(k), toNumber(r.ltr, `${GOYAL_WELCH} ${k} ltr`)]);
  }
  if (rows[0][0] !== '1926-01-31') throw new Error(`${GOYAL_WELCH}: ltr should start 192601, starts ${rows[0][0]}`);
  checkMonthly('bonds', rows.map((r) => r[0]));
  writeSeries('bonds.csv', 'return', tidy('bonds', rows));
  return rows;
}

/** Maturity of the constant-maturity bond behind `bonds_10y`, years. */
const BOND_YEARS = 10;

/**
 * `bonds_10y`: total-return index (100 on the first day) of a 10-year par bond rebought every
 * day at the DGS10 yield: r = y₀·days/365 − D(y₀)·Δy + ½·C(y₀)·Δy² (data/par-bond.ts).
 * Compared with the monthly `bonds` (ltr) in the build log.
 */
function buildBonds10y(yields: Obs[], ltr: Obs[]): void {
  const level: Obs[] = [[yields[0][0], 100]];
  let x = 100;
  for (let i = 1; i < yields.length; i++) {
    const days = dayNumber(yields[i][0]) - dayNumber(yields[i - 1][0]);
    x *= 1 + parBondReturn(yields[i - 1][1] / 100, yields[i][1] / 100, days, BOND_YEARS);
    level.push([yields[i][0], x]);
  }
  writeSeries('bonds_10y.csv', 'close', level, (v) => exact(Number(v.toPrecision(12))));
  // month-end levels → monthly returns, months fully covered (the last partial month is left out)
  const monthLast = new Map<string, number>();
  for (const [d, v] of level) monthLast.set(d.slice(0, 7), v);
  const keys = [...monthLast.keys()];
  const ltrBy = new Map(ltr.map(([d, v]) => [d.slice(0, 7), v]));
  const a: number[] = [];
  const b: number[] = [];
  const compared: string[] = [];
  for (let i = 1; i < keys.length - 1; i++) {
    const l = ltrBy.get(keys[i]);
    if (l === undefined) continue;
    a.push(monthLast.get(keys[i])! / monthLast.get(keys[i - 1])! - 1);
    b.push(l);
    compared.push(keys[i]);
  }
  const n = a.length;
  const mean = (v: number[]) => v.reduce((s, z) => s + z, 0) / v.length;
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0, saa = 0, sbb = 0, mad = 0, sdd = 0;
  const diff = a.map((z, i) => z - b[i]);
  const md = mean(diff);
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
    mad += Math.abs(diff[i]);
    sdd += (diff[i] - md) ** 2;
  }
  const cagr = (v: number[]) => (v.reduce((g, z) => g * (1 + z), 1) ** (12 / v.length) - 1) * 100;
  const corr = sab / Math.sqrt(saa * sbb);
  if (!(corr > 0.9)) throw new Error(`bonds_10y: monthly correlation with ltr is ${corr.toFixed(3)}, expected about 0.94: check the yields or the formula`);
  note(
    `bonds_10y: ${level.length} days ${level[0][0]}..${level[level.length - 1][0]}; compounded by month against bonds (ltr) over the ${n} months both cover, ${compared[0]}..${compared[n - 1]}: ` +
      `correlation ${corr.toFixed(3)}, mean absolute difference ${((mad / n) * 100).toFixed(3)} pp/month, mean difference ${(md * 100).toFixed(3)} pp/month, ` +
      `tracking error ${(Math.sqrt(sdd / (n - 1)) * Math.sqrt(12) * 100).toFixed(2)} pp/year, volatility ${(Math.sqrt(saa / (n - 1) * 12) * 100).toFixed(2)} % vs ${(Math.sqrt(sbb / (n - 1) * 12) * 100).toFixed(2)} % a year, CAGR ${cagr(a).toFixed(2)} % vs ${cagr(b).toFixed(2)} %`,
  );
}

function buildArticleData(ust10y: Obs[]): void {
  buildIsm();
  buildBookToMarket();
  const earnings = buildShiller();
  const gw = readGoyalWelch();
  checkEarnings(earnings, gw);
  const ltr = buildBonds(gw);
  buildBonds10y(ust10y, ltr);
}

// ---------------------------------------------------------------------------------------
// Fama/French five factors (2 x 3) and momentum, monthly and daily: attribution inputs
// ---------------------------------------------------------------------------------------

/** Monthly 5 factors, 202604 vintage (re-saved by Excel: trailing commas, trailing zeros dropped). */
const FF5_MONTHLY = 'royayush27_regime/F-F_Research_Data_5_Factors_2x3.csv';
/** The same file in French's own formatting, 202509 vintage: the check of the Excel copy. */
const FF5_MONTHLY_CHECK = 'eisa23x_finalprojectemi/F-F_Research_Data_5_Factors_2x3.csv';
/** Daily 5 factors, 202603 vintage (French's F-F_Research_Data_5_Factors_2x3_daily, renamed). */
const FF5_DAILY = 'daniele96l_factorregression/usa_5_factors.csv';
const MOM_MONTHLY = 'eviprous_invesco/F-F_Momentum_Factor.csv';
const MOM_DAILY = 'tommy66779_dotcom/F-F_Momentum_Factor_daily.csv';
const FF5_COLUMNS = ['mkt_rf', 'smb', 'hml', 'rmw', 'cma', 'rf'];
const ff5Header = (line: string) => /^\s*,\s*Mkt-RF\s*,\s*SMB\s*,\s*HML\s*,\s*RMW\s*,\s*CMA\s*,\s*RF\s*$/.test(line);
const momHeader = (line: string) => /^\s*,\s*Mom\s*$/.test(line);

/** The "created using the YYYYMM CRSP database" vintage on a French file's first line. */
function frenchVintage(rel: string): string {
  const m = /created (?:by )?using the (\d{6}) CRSP database/.exec(rawLines(rel)[0]);
  if (!m) throw new Error(`${rel}: the first line does not name its CRSP vintage`);
  return m[1];
}

/** A French factor block as rows keyed YYYYMM or YYYYMMDD, cells in percent; checks the width and French's missing codes. */
function readFactorBlock(rel: string, header: (line: string) => boolean, keyDigits: number, width: number): [string, number[]][] {
  const { rows } = readFrenchBlock(rel, header, keyDigits);
  for (const [k, cells] of rows) {
    if (cells.length !== width) throw new Error(`${rel}: ${k} has ${cells.length} cells, expected ${width}`);
    if (cells.some((c) => c <= -99.99)) throw new Error(`${rel}: ${k} has French's missing-value code (-99.99/-999)`);
  }
  return rows;
}

/** Compounds daily percent returns of column `c` within each YYYYMM: growth − 1, in percent. */
function compoundDailyByMonth(rows: [string, number[]][], c: number): Map<string, number> {
  const g = new Map<string, number>();
  for (const [k, cells] of rows) g.set(k.slice(0, 6), (g.get(k.slice(0, 6)) ?? 1) * (1 + cells[c] / 100));
  return new Map([...g].map(([k, v]) => [k, (v - 1) * 100]));
}

/**
 * `ff5_monthly.csv`, `ff5_daily.csv`, `ff_mom_monthly.csv`, `ff_mom_daily.csv`: the US Fama/French
 * five factors (2 x 3 sorts) with RF and the momentum factor, percent → fraction, monthly rows
 * dated the month end and daily rows on their trading day. Checks the Excel-saved monthly file
 * against the original-format 202509 copy and each monthly factor against its daily twin
 * compounded by month; the figures go into the build log.
 */
function buildFactors(): void {
  const monthly = readFactorBlock(FF5_MONTHLY, ff5Header, 6, 6);
  const older = new Map(readFactorBlock(FF5_MONTHLY_CHECK, ff5Header, 6, 6));
  const daily = readFactorBlock(FF5_DAILY, ff5Header, 8, 6);
  const momM = readFactorBlock(MOM_MONTHLY, momHeader, 6, 1);
  const momD = readFactorBlock(MOM_DAILY, momHeader, 8, 1);
  const vintages = [FF5_MONTHLY, FF5_MONTHLY_CHECK, FF5_DAILY, MOM_MONTHLY, MOM_DAILY].map(frenchVintage);
  if (vintages.join(' ') !== '202604 202509 202603 202504 202604') throw new Error(`factor files: unexpected CRSP vintages ${vintages.join(', ')}`);
  // the Excel copy keeps French's two decimals (it only drops trailing zeros)
  const excel = rawLines(FF5_MONTHLY).find((l) => /^\d{6},/.test(l) && l.split(',').slice(1).some((c) => /\.\d{3,}|e/i.test(c)));
  if (excel) throw new Error(`${FF5_MONTHLY}: a cell with more than two decimals or an exponent: ${excel}`);
  const names = ['Mkt-RF', 'SMB', 'HML', 'RMW', 'CMA', 'RF'];
  const vsOlder = names.map((name, c) => {
    let n = 0, same = 0, max = 0;
    for (const [k, cells] of monthly) {
      const o = older.get(k);
      if (!o) continue;
      n++;
      const d = Math.abs(cells[c] - o[c]);
      if (d < 0.005) same++;
      max = Math.max(max, d);
    }
    if (n !== older.size || same / n < 0.9) throw new Error(`${FF5_MONTHLY}: ${name} agrees with the 202509 file in only ${same} of ${n} months`);
    return `${name} ${((same / n) * 100).toFixed(1)} % identical, largest difference ${max.toFixed(2)} pp`;
  });
  const mByKey = (c: number, rows: [string, number[]][]) => new Map(rows.map(([k, cells]) => [k, cells[c]]));
  const vsDaily = names.slice(0, 5).map((name, c) => {
    const a = agreement(mByKey(c, monthly), compoundDailyByMonth(daily, c));
    if (!(a.corr > 0.98)) throw new Error(`factors: monthly ${name} and the daily file compounded by month correlate only ${a.corr.toFixed(3)}`);
    return `${name} correlation ${a.corr.toFixed(4)}, mean absolute difference ${a.mad.toFixed(3)} pp (${a.n} months)`;
  });
  const mom = agreement(mByKey(0, momM), compoundDailyByMonth(momD, 0));
  if (!(mom.corr > 0.85)) throw new Error(`factors: monthly Mom and the daily Mom compounded by month correlate only ${mom.corr.toFixed(3)}`);
  const frac = (cells: number[]) => cells.map((c) => exact(pctToFraction(c)));
  const mRows = monthly.map(([k, cells]) => [monthEnd(k), ...frac(cells)]);
  const dRows = daily.map(([k, cells]) => [isoDate(k), ...frac(cells)]);
  const momMRows = momM.map(([k, cells]) => [monthEnd(k), ...frac(cells)]);
  const momDRows = momD.map(([k, cells]) => [isoDate(k), ...frac(cells)]);
  checkMonthly('ff5_monthly', mRows.map((r) => r[0]));
  checkMonthly('ff_mom_monthly', momMRows.map((r) => r[0]));
  writeTable('ff5_monthly.csv', ['date', ...FF5_COLUMNS], mRows);
  writeTable('ff5_daily.csv', ['date', ...FF5_COLUMNS], dRows);
  writeTable('ff_mom_monthly.csv', ['date', 'mom'], momMRows);
  writeTable('ff_mom_daily.csv', ['date', 'mom'], momDRows);
  const span = (rows: string[][]) => `${rows[0][0]}..${rows[rows.length - 1][0]}`;
  note(
    `factors: ff5_monthly ${mRows.length} months ${span(mRows)} (202604 vintage, Excel-saved copy); ff5_daily ${dRows.length} days ${span(dRows)} (202603); ` +
      `ff_mom_monthly ${momMRows.length} months ${span(momMRows)} (202504); ff_mom_daily ${momDRows.length} days ${span(momDRows)} (202604); percent → fraction`,
  );
  note(`factors check, monthly 5F 202604 (Excel-saved) vs 202509 (original formatting) over ${older.size} common months, to the printed 2 decimals: ${vsOlder.join('; ')}`);
  note(`factors check, monthly 5F (202604) vs the daily file (202603) compounded by calendar month: ${vsDaily.join('; ')}`);
  note(`factors check, monthly Mom (202504) vs daily Mom (202604, portfolios formed daily) compounded by month: correlation ${mom.corr.toFixed(4)}, mean absolute difference ${mom.mad.toFixed(3)} pp (${mom.n} months)`);
}

// ---------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------

const CLOSE: Publication = { rule: 'close' };
const H15: Publication = { rule: 'business-days', n: 1 };
const AFTER_MONTH: Publication = { rule: 'next-month-business-day', n: 1 };

function entry(
  id: string, file: string, column: string, kind: SeriesKind, frequency: Frequency, units: string,
  publication: Publication, source: string, description: string, maxStaleDays?: number, columns?: string[],
): CatalogEntry {
  return { id, file, column, kind, frequency, units, publication, source, ...(maxStaleDays ? { maxStaleDays } : {}), description, ...(columns ? { columns } : {}) };
}

const ETF = 'USD, split and dividend adjusted';
const RATES_COPY = `${HELIAR_COPY}, data/fred/rates/rates.csv`;
const YAHOO = 'Yahoo Finance (yfinance)';
const EOD = 'EOD Historical Data (probable vendor), Adjusted_close; copy: GitHub bdi2357/OptimalHorizon';
const FF_SIZE = 'Kenneth R. French Data Library, Portfolios Formed on Size, value weighted (202602 CRSP vintage); copy: GitHub BhaskarGoswami1998/Learning-Nonlinear-Test-Assets-Dynamic-Unsupervised-Clustering-of-Firm-Characteristics';

function ffEntries(): CatalogEntry[] {
  const named: [string, string, string][] = [
    ['ff_small', 'lo30', 'Bottom 30 % of stocks by market equity (NYSE breakpoints), value weighted, total return'],
    ['ff_mid', 'med40', 'Middle 40 % by market equity (NYSE breakpoints), value weighted, total return'],
    ['ff_large', 'hi30', 'Top 30 % by market equity (NYSE breakpoints), value weighted, total return'],
  ];
  const deciles: [string, string, string][] = Array.from({ length: 10 }, (_, k) => [
    `ff_d${k + 1}`, `d${k + 1}`, `Size decile ${k + 1} of 10 (1 = smallest, NYSE breakpoints), value weighted, total return`,
  ]);
  return [...named, ...deciles].map(([id, col, desc]) => entry(id, 'ff_size_vw.csv', col, 'return', 'monthly', 'fraction per month', CLOSE, FF_SIZE, desc, 70));
}

const ISM_SOURCE_REVISED = 'Institute for Supply Management (© ISM); revised history: Quandl ISM/MAN_PMI, copy GitHub Haydenlee2024/altdata';
const FF6_SOURCE = 'Kenneth R. French Data Library, 6 Portfolios Formed on Size and Book-to-Market (2 x 3), 202412 CRSP vintage; copy: GitHub Risox/macro_finance';
const SHILLER_SOURCE = 'Robert J. Shiller, Irrational Exuberance data (ie_data, shillerdata.com); copy: GitHub BioInfo/nextfire';
const GW_SOURCE = 'Goyal & Welch (2008) predictor data, 2024 update (Amit Goyal); copy: GitHub BhaskarGoswami1998/Learning-Nonlinear-Test-Assets-Dynamic-Unsupervised-Clustering-of-Firm-Characteristics';
/** French publishes a month's data about five weeks after it ends: known from the first day of the second month after. */
const FRENCH_LAG: Publication = { rule: 'months', n: 1 };
/** Shiller's monthly earnings are interpolated between quarter ends and arrive about a quarter later: six months after the month. */
const SHILLER_LAG: Publication = { rule: 'months', n: 6 };

function articleEntries(): CatalogEntry[] {
  const bmUnits = 'ratio, book equity / market equity';
  const six: [string, string, string][] = [
    ['ff_small_lobm', 'small_lobm', 'Small stocks (below the NYSE median), low book-to-market (growth, bottom 30 %)'],
    ['ff_small_midbm', 'small_midbm', 'Small stocks, middle 40 % of book-to-market'],
    ['ff_small_hibm', 'small_hibm', 'Small stocks, high book-to-market (value, top 30 %)'],
    ['ff_big_lobm', 'big_lobm', 'Big stocks (above the NYSE median), low book-to-market (growth)'],
    ['ff_big_midbm', 'big_midbm', 'Big stocks, middle 40 % of book-to-market'],
    ['ff_big_hibm', 'big_hibm', 'Big stocks, high book-to-market (value)'],
  ];
  return [
    entry('bm_small', 'bm_size.csv', 'small', 'indicator', 'monthly', bmUnits, FRENCH_LAG, FF6_SOURCE, 'Book-to-market of small stocks as a whole: ME-weighted mean of the BE/ME of the three small portfolios (ME = firms × average market cap of the month), dated the month end; published one month after the month (French\'s update lag)', 70),
    entry('bm_large', 'bm_size.csv', 'large', 'indicator', 'monthly', bmUnits, FRENCH_LAG, FF6_SOURCE, 'Book-to-market of big stocks as a whole (as bm_small, for the three big portfolios), dated the month end; published one month after the month (French\'s update lag)', 70),
    entry('bm_spread', 'bm_size.csv', 'spread', 'indicator', 'monthly', 'ratio', FRENCH_LAG, FF6_SOURCE, 'bm_small / bm_large: how much cheaper small stocks are than big ones (> 1 = cheaper), dated the month end; published one month after the month (French\'s update lag)', 70),
    ...six.map(([id, col, desc]) => entry(id, 'ff_6_vw.csv', col, 'return', 'monthly', 'fraction per month', CLOSE, FF6_SOURCE, `${desc}, value weighted, total return`, 70)),
    entry('cape', 'cape.csv', 'value', 'indicator', 'monthly', 'ratio, real price / 10-year mean of real earnings', SHILLER_LAG, SHILLER_SOURCE, 'Shiller CAPE (P/E10) of the S&P Composite, dated the first of the month (price: monthly average of daily closes); known six months after the month (conservative: earnings arrive about a quarter later)', 70),
    entry('sp_earnings_yield', 'sp_earnings_yield.csv', 'value', 'indicator', 'monthly', 'fraction, trailing 12-month earnings / price', SHILLER_LAG, SHILLER_SOURCE, 'S&P Composite earnings yield E/P (Shiller E: trailing four-quarter earnings, interpolated monthly), dated the first of the month; known six months after the month (conservative: earnings arrive about a quarter later)', 70),
    entry('sp_earnings_yield_gw', 'sp_earnings_yield_gw.csv', 'value', 'indicator', 'monthly', 'fraction, trailing 12-month earnings / price', SHILLER_LAG, `${GW_SOURCE}; columns E12 / Index`, 'S&P 500 earnings yield from Goyal–Welch: E12 over the month-end index level (an independent check of sp_earnings_yield), dated the month end', 70),
    entry('bonds', 'bonds.csv', 'return', 'return', 'monthly', 'fraction per month', CLOSE, `${GW_SOURCE}; column ltr (Ibbotson SBBI long-term government bonds)`, 'Long-term US government bond total return, monthly, dated the month end', 70),
    entry('bonds_10y', 'bonds_10y.csv', 'close', 'price', 'daily', 'total-return index, 100 on 1962-01-02', CLOSE, 'Derived from FRED DGS10 (ust_10y): 10-year par bond rebought daily, carry − duration × Δy + ½ convexity × Δy² (Swinkels 2019)', 'Constant-maturity 10-year Treasury total-return index (synthetic, from the yield; no roll-down)', 10),
  ];
}

const FF5_SOURCE_M = 'Kenneth R. French Data Library, Fama/French 5 Factors (2x3), monthly, 202604 CRSP vintage; copy: GitHub royayush27/Regime-dependent-factor-investing (re-saved by Excel; checked against the 202509 file of GitHub eisa23x/finalprojectemi)';
const FF5_SOURCE_D = 'Kenneth R. French Data Library, Fama/French 5 Factors (2x3) daily, 202603 CRSP vintage; copy: GitHub daniele96l/factorregressionpytton (usa_5_factors.csv)';
const MOM_SOURCE_M = 'Kenneth R. French Data Library, Momentum Factor (Mom), monthly, 202504 CRSP vintage; copy: GitHub eviprous/Invesco-Research';
const MOM_SOURCE_D = 'Kenneth R. French Data Library, Momentum Factor (Mom) daily, 202604 CRSP vintage; copy: GitHub tommy66779/Comparaison-IA-DotCom';
/** What every factor description ends with: when it is known, and what it is for. */
const FACTOR_USE = 'published with a lag (about five weeks after the month) and revised with every CRSP vintage: an ex-post attribution input (the factors.csv of a run), not a trading signal';

/** The US Fama/French five factors, RF and momentum, monthly and daily (see buildFactors). */
function factorEntries(): CatalogEntry[] {
  const five: [string, string, string][] = [
    ['mkt_rf', 'mkt_rf', 'Market excess return Mkt-RF: value-weighted return of all CRSP firms listed on the NYSE, AMEX or NASDAQ minus the one-month T-bill'],
    ['smb', 'smb', 'Size factor SMB (small minus big), 5-factor version: the average of the size legs of the 2 x 3 sorts on book-to-market, operating profitability and investment'],
    ['hml', 'hml', 'Value factor HML (high minus low book-to-market), 2 x 3 sorts on size and book-to-market'],
    ['rmw', 'rmw', 'Profitability factor RMW (robust minus weak operating profitability), 2 x 3 sorts on size and profitability'],
    ['cma', 'cma', 'Investment factor CMA (conservative minus aggressive asset growth), 2 x 3 sorts on size and investment'],
    ['rf', 'rf', 'One-month T-bill return RF of the factor file (Ibbotson to 2024-05, then ICE BofA)'],
  ];
  const monthly = five.map(([id, col, desc]) =>
    entry(`ff5_${id}`, 'ff5_monthly.csv', col, 'return', 'monthly', 'fraction per month', FRENCH_LAG, FF5_SOURCE_M, `${desc}; US, monthly, dated the month end; ${FACTOR_USE}`, 70),
  );
  const daily = five.map(([id, col, desc]) =>
    entry(`ff5_${id}_daily`, 'ff5_daily.csv', col, 'return', 'daily', 'fraction per day', FRENCH_LAG, FF5_SOURCE_D, `${desc}; US, daily${id === 'rf' ? ' (printed with 2 decimals of a percent: coarse since 2024-06)' : ''}; ${FACTOR_USE}`, 45),
  );
  return [
    ...monthly,
    ...daily,
    entry('ff_mom', 'ff_mom_monthly.csv', 'mom', 'return', 'monthly', 'fraction per month', FRENCH_LAG, MOM_SOURCE_M, `Momentum factor Mom (Carhart's UMD as French builds it): winners minus losers over months t-12 to t-2, 2 x 3 sorts on size and prior return, portfolios formed monthly; US, monthly, dated the month end, to 2025-04; ${FACTOR_USE}`, 70),
    entry('ff_mom_daily', 'ff_mom_daily.csv', 'mom', 'return', 'daily', 'fraction per day', FRENCH_LAG, MOM_SOURCE_D, `Momentum factor Mom, daily: prior return over days t-250 to t-21, portfolios formed daily (a different factor from the monthly ff_mom, not a finer sampling of it); US; ${FACTOR_USE}`, 45),
  ];
}

function catalogSeries(): CatalogEntry[] {
  return [
    entry('rut', 'rut.csv', 'close', 'price', 'daily', 'index points', CLOSE, `${YAHOO} ^RUT, index © FTSE Russell; copies: GitHub alitalbi/storage_data_fy (dc8444b) to 2025-07-11, then ${HELIAR_COPY}, data/indices/RUT.csv`, 'Russell 2000 index level, price index (no dividends), 1987-09-10 to 2026-08-20', 10),
    entry('spx', 'spx.csv', 'close', 'price', 'daily', 'index points', CLOSE, `${YAHOO} ^GSPC, index © S&P Dow Jones Indices; copies: GitHub culolom/culolom-backtest (eb1e85b) to 2026-08-19, then ${HELIAR_COPY}, data/indices/SPX.csv`, 'S&P 500 index level, price index (no dividends), 1927-12-30 to 2026-08-20', 10),
    entry('iwm', 'iwm.csv', 'close', 'price', 'daily', ETF, CLOSE, `${YAHOO} IWM, auto_adjust; copies: GitHub alitalbi/storage_data_fy (d60e43d) to 2025-07-11, then the daily returns of ${DSTURDY_COPY}, data/IWM.csv, chained on`, 'iShares Russell 2000 ETF, total-return close (to 2026-07-13)', 10),
    entry('spy', 'spy.csv', 'close', 'price', 'daily', ETF, CLOSE, `${YAHOO} SPY, auto_adjust; copies: GitHub culolom/culolom-backtest (eb1e85b) to ${SPY_LAST}, then the daily returns of ${DSTURDY_COPY}, data/SPY.csv, chained on`, 'SPDR S&P 500 ETF, total-return close (to 2026-07-13)', 10),
    entry('iwb', 'iwb.csv', 'close', 'price', 'daily', ETF, CLOSE, EOD, 'iShares Russell 1000 ETF, total-return close (to 2024-04-19)', 10),
    entry('ijr', 'ijr.csv', 'close', 'price', 'daily', ETF, CLOSE, EOD, 'iShares Core S&P SmallCap 600 ETF, total-return close (to 2024-04-19)', 10),
    entry('mdy', 'mdy.csv', 'close', 'price', 'daily', ETF, CLOSE, EOD, 'SPDR S&P MidCap 400 ETF, total-return close (1995-05-04 to 2024-04-19)', 10),
    entry('ivv', 'ivv.csv', 'close', 'price', 'daily', ETF, CLOSE, EOD, 'iShares Core S&P 500 ETF, total-return close (to 2024-04-19)', 10),
    ...ffEntries(),
    entry('cash', 'cash.csv', 'return', 'return', 'daily', 'fraction per day', CLOSE, 'Kenneth R. French Data Library, daily RF (202408 vintage to 2024-08-30, then 202604 vintage); copies: GitHub y437li/factor_investment_app, tommy66779/Comparaison-IA-DotCom', 'One-month T-bill return as a simple daily rate (Fama/French RF)', 10),
    entry('fed_funds', 'fed_funds.csv', 'value', 'rate', 'daily', 'percent per year', H15, `FRED DFF (Board of Governors, H.15); copies: GitHub deerfieldgreen/FRED_data (8f2020f) to 2025-06-25, then ${RATES_COPY}`, 'Effective federal funds rate, calendar daily, 1954-07-01 to 2026-08-20', 10),
    entry('fed_target', 'fed_target.csv', 'value', 'rate', 'daily', 'percent per year', CLOSE, `FRED DFEDTAR (copy: GitHub hussamalazzawi/Dissertation), then DFEDTARU (copies: GitHub vengveng/FEII to 2025-12-10, then ${RATES_COPY}); Board of Governors`, 'Fed funds target rate to 2008-12-15, then the upper limit of the target range: one continuous policy rate, to 2026-08-21', 10),
    entry('fed_target_upper', 'fed_target_upper.csv', 'value', 'rate', 'daily', 'percent per year', CLOSE, `FRED DFEDTARU (Board of Governors); copies: GitHub vengveng/FEII (e9c87c4) to 2025-12-10, then ${RATES_COPY}`, 'Upper limit of the federal funds target range, 2008-12-16 to 2026-08-21', 10),
    entry('fed_target_lower', 'fed_target_lower.csv', 'value', 'rate', 'daily', 'percent per year', CLOSE, `FRED DFEDTARL (Board of Governors); copies: GitHub vengveng/FEII (e9c87c4) to 2025-12-10, then ${RATES_COPY}`, 'Lower limit of the federal funds target range, 2008-12-16 to 2026-08-21', 10),
    entry('fomc', 'fomc.csv', 'change_bp', 'event', 'irregular', 'basis points', CLOSE, 'Derived from fed_target (FRED DFEDTAR, DFEDTARU) and FOMC dates (GitHub Tollan/fomc, mayherprog/registered-backtests; federalreserve.gov)', 'FOMC decisions that changed the target (upper bound after 2008-12-16), with type and effective date', undefined, ['date', 'previous', 'target', 'change_bp', 'type', 'effective']),
    entry('tbill_3m', 'tbill_3m.csv', 'value', 'rate', 'daily', 'percent per year', H15, `FRED DGS3MO (Board of Governors, H.15); copies: GitHub hussamalazzawi/Dissertation (b3e76bc) to 2024-01-25, then ${RATES_COPY}`, '3-month Treasury constant-maturity yield (bond-equivalent basis), 1981-09-01 to 2026-08-20', 10),
    entry('tbill_3m_monthly', 'tbill_3m_monthly.csv', 'value', 'rate', 'monthly', 'percent per year', AFTER_MONTH, 'FRED TB3MS (Board of Governors, H.15); copy: GitHub open-datahub/interest_rate', '3-month T-bill secondary-market rate, monthly average (discount basis)', 70),
    entry('ust_10y', 'ust_10y.csv', 'value', 'rate', 'daily', 'percent per year', H15, `FRED DGS10 (Board of Governors, H.15); copies: GitHub hussamalazzawi/Dissertation (b3e76bc) to 2024-01-30, then ${RATES_COPY}`, '10-year Treasury constant-maturity yield, 1962-01-02 to 2026-08-20', 10),
    entry('ust_2y', 'ust_2y.csv', 'value', 'rate', 'daily', 'percent per year', H15, `FRED DGS2 (Board of Governors, H.15); copies: GitHub hussamalazzawi/Dissertation (b3e76bc) to 2024-01-25, then ${RATES_COPY}`, '2-year Treasury constant-maturity yield, 1976-06-01 to 2026-08-20', 10),
    entry('t10y2y', 't10y2y.csv', 'value', 'rate', 'daily', 'percentage points', H15, `FRED T10Y2Y (FRB St. Louis); copy: GitHub Pratikshat-08/yield-curve-early-warning-system (639d379) to 2026-06-05, then DGS10 − DGS2 (the series' definition) from ${RATES_COPY}`, '10-year minus 2-year Treasury constant-maturity spread, 1976-06-01 to 2026-08-20', 10),
    { ...entry('ism_pmi', 'ism_pmi.csv', 'value', 'indicator', 'monthly', 'index, 50 = no change', { rule: 'column', column: 'published' }, `${ISM_SOURCE_REVISED}; first releases: copy GitHub Lumpen95/AFML`, 'ISM manufacturing PMI as known at the time: revised values to 2006-11, then each month\'s first release (2006-12 to 2025-11) from its release date (column published); dated the first of the reference month', 70), firstReleaseFrom: ISM_FIRST_RELEASE_FROM },
    entry('ism_pmi_revised', 'ism_pmi_revised.csv', 'value', 'indicator', 'monthly', 'index, 50 = no change', AFTER_MONTH, ISM_SOURCE_REVISED, 'ISM manufacturing PMI, revised history (seasonal factors of the 2021 vintage, not what the market saw), dated the first of the reference month', 70),
    entry('cpi', 'cpi.csv', 'value', 'indicator', 'monthly', 'index, 1982-84 = 100', { rule: 'next-month-day', n: 15 }, 'FRED CPIAUCSL (BLS); copy: GitHub open-datahub/unemployment', 'CPI for all urban consumers, seasonally adjusted (late-2023 vintage), dated the first of the reference month', 70),
    ...articleEntries(),
    entry('recession', 'recession.csv', 'value', 'indicator', 'monthly', '0/1', { rule: 'months', n: 12 }, 'FRED USREC (NBER business-cycle dates); copy: GitHub Pratikshat-08/yield-curve-early-warning-system', 'NBER recession month (1 = recession); dated ex post, for analysis, not trading signals', 70),
    ...factorEntries(),
    ...internationalFactorEntries(),
    ...policyRateEntries(),
  ];
}

function catalogUniverses(): UniverseSpec[] {
  const u = (id: string, description: string, small: string, large: string, frequency: 'daily' | 'monthly'): UniverseSpec => ({
    id, description, assets: [small, large], small, large, cash: 'cash', frequency, align: 'intersection',
  });
  return [
    u('russell', 'Russell 2000 vs S&P 500 price indexes (no dividends), daily, 1987-09 to 2026-08', 'rut', 'spx', 'daily'),
    u('etf', `IWM vs SPY ETFs, total return (dividends reinvested), daily, 2000-05 to 2026-07`, 'iwm', 'spy', 'daily'),
    u('ff', 'Fama/French size portfolios, bottom 30 % vs top 30 % by market equity, value weighted total returns, monthly, 1926-07 to 2026-02', 'ff_small', 'ff_large', 'monthly'),
    u('r1000', 'IWM (Russell 2000) vs IWB (Russell 1000) ETFs, total return, daily, 2000-05 to 2024-04', 'iwm', 'iwb', 'daily'),
    u('sp600', 'IJR (S&P SmallCap 600) vs IVV (S&P 500) ETFs, total return, daily, 2000-05 to 2024-04', 'ijr', 'ivv', 'daily'),
    {
      ...u('ff-bonds', 'Fama/French bottom 30 % vs top 30 % by size plus long-term government bonds (Goyal–Welch ltr), total returns, monthly, 1926-07 to 2024-12', 'ff_small', 'ff_large', 'monthly'),
      assets: ['ff_small', 'ff_large', 'bonds'],
      bonds: 'bonds',
    },
    {
      ...u('russell-bonds', 'Russell 2000 vs S&P 500 price indexes plus a synthetic constant-maturity 10-year Treasury total return, daily, 1987-09 to 2026-08', 'rut', 'spx', 'daily'),
      assets: ['rut', 'spx', 'bonds_10y'],
      bonds: 'bonds_10y',
    },
    ...internationalUniverses(),
  ];
}

/** FRED series ids of the shipped series that `ratecycle data update` can refresh (the catalog's `update` field). */
const FRED_UPDATES: Record<string, string> = {
  fed_funds: 'DFF',
  fed_target_upper: 'DFEDTARU',
  fed_target_lower: 'DFEDTARL',
  tbill_3m: 'DGS3MO',
  tbill_3m_monthly: 'TB3MS',
  ust_10y: 'DGS10',
  ust_2y: 'DGS2',
  t10y2y: 'T10Y2Y',
  cpi: 'CPIAUCSL',
  recession: 'USREC',
};

function writeCatalog(): CatalogEntry[] {
  const series = catalogSeries().map((e) =>
    FRED_UPDATES[e.id] ? { ...e, update: { source: 'fred' as const, id: FRED_UPDATES[e.id] } } : FRENCH_UPDATES[e.id] ? { ...e, update: FRENCH_UPDATES[e.id] } : e,
  );
  for (const s of series) if (!written.has(s.file)) throw new Error(`catalog: ${s.id} refers to unwritten ${s.file}`);
  writeFileSync(join(OUT, 'catalog.json'), JSON.stringify({ defaultUniverse: 'russell', series, universes: catalogUniverses() }, null, 2) + '\n');
  // the ids a strategy's `series` accepts, checked by tsc (engine/strategy/series-ids.ts)
  writeFileSync(join(OUT, '..', 'engine', 'strategy', 'series-ids.ts'), shippedSeriesIdsModule(series.map((s) => s.id)));
  return series;
}

// ---------------------------------------------------------------------------------------
// README generated sections
// ---------------------------------------------------------------------------------------

function filesTable(series: CatalogEntry[]): string {
  const ids = new Map<string, string[]>();
  for (const s of series) ids.set(s.file, [...(ids.get(s.file) ?? []), s.id]);
  const lines = ['| file | id(s) | from | to | rows | longest gap (days) |', '| --- | --- | --- | --- | ---: | ---: |'];
  for (const [file, list] of ids) {
    const w = written.get(file)!;
    const shown =
      file === 'ff_size_vw.csv'
        ? `${list.slice(0, 3).map((i) => `\`${i}\``).join(', ')}, \`ff_d1\`…\`ff_d10\``
        : list.length > 4
          ? `\`${list[0]}\`…\`${list[list.length - 1]}\` (${list.length})`
          : list.map((i) => `\`${i}\``).join(', ');
    lines.push(`| ${file} | ${shown} | ${w.from} | ${w.to} | ${thousands(w.rows)} | ${w.maxGap} |`);
  }
  return lines.join('\n');
}

function replaceSection(text: string, name: string, body: string): string {
  const begin = `<!-- ${name}:begin (generated by data/build.ts; do not edit) -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`data/README.md lacks the markers for "${name}"`);
  return text.slice(0, a + begin.length) + '\n' + body + '\n' + text.slice(b);
}

function updateReadme(series: CatalogEntry[]): void {
  const path = join(OUT, 'README.md');
  let text = readFileSync(path, 'utf8');
  text = replaceSection(text, 'files', filesTable(series));
  text = replaceSection(text, 'notes', notes.map((n) => `- ${n}`).join('\n'));
  writeFileSync(path, text);
}

// ---------------------------------------------------------------------------------------

function main(): void {
  buildPrices();
  buildFfSize();
  buildCash();
  const target = buildFed();
  buildFomc(target);
  const ust10y = buildMacro();
  buildArticleData(ust10y);
  buildFactors();
  // international replication: regional Fama/French factors and central-bank policy rates (data/build/)
  buildInternationalFactors(ctx);
  buildPolicyRates(ctx);
  const series = writeCatalog();
  updateReadme(series);
  for (const n of notes) console.log(n);
  console.log('');
  console.log(filesTable(series));
}

main();
