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
import type { CatalogEntry, Frequency, Publication, SeriesKind, UniverseSpec } from '../engine/types.js';

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

/** True when a float32-style close is a 2-decimal price (final Yahoo closes are). */
function isTwoDecimal(x: number): boolean {
  const r = Math.round(x * 100) / 100;
  return Math.abs(Math.fround(r) - x) < 1e-9 || Math.abs(r - x) < 1e-9;
}

/**
 * Days after `after` on which the ETF's return differs from its index's return by more than
 * `thresholdBp` (both measured between consecutive index dates): the dividend-adjustment
 * artefacts that a cut avoids.
 */
function artefactsAfter(etf: PriceRow[], index: PriceRow[], after: string, thresholdBp: number): string[] {
  const px = new Map(etf.map((r) => [r.date, r.close]));
  const out: string[] = [];
  for (let i = 1; i < index.length; i++) {
    const [p, d] = [index[i - 1].date, index[i].date];
    if (d <= after || !px.has(d) || !px.has(p)) continue;
    const diff = (px.get(d)! / px.get(p)! - index[i].close / index[i - 1].close) * 1e4;
    if (Math.abs(diff) > thresholdBp) out.push(`${d} ${diff > 0 ? '+' : ''}${diff.toFixed(0)} bp`);
  }
  return out;
}

function buildRut(): PriceRow[] {
  const all = readPriceFile('alitalbi_storage_data_fy/^RUT.csv', 'Close');
  const provisional = all.filter((r) => r.date > ALITALBI_FULL_DOWNLOAD && r.volume === 0);
  const dropped = new Set(provisional.map((r) => r.date));
  for (const d of RUT_PROVISIONAL_LISTED) if (!dropped.has(d)) throw new Error(`rut: listed provisional row ${d} not caught`);
  const kept = all.filter((r) => !dropped.has(r.date));
  const unroundedKept = kept.filter((r) => r.date > ALITALBI_FULL_DOWNLOAD && !isTwoDecimal(r.close));
  if (unroundedKept.length) throw new Error(`rut: unrounded appended rows kept: ${unroundedKept.map((r) => r.date).join(' ')}`);
  const extra = provisional.filter((r) => !RUT_PROVISIONAL_LISTED.includes(r.date)).map((r) => r.date);
  note(`rut: dropped ${provisional.length} provisional appended rows (after ${ALITALBI_FULL_DOWNLOAD}, Volume 0, closes not rounded to cents): the ${RUT_PROVISIONAL_LISTED.length} listed in the source README plus ${extra.join(', ') || 'none'}; every kept appended row has a cent-rounded close`);
  writeSeries('rut.csv', 'close', tidy('rut', kept.map((r) => [r.date, r.close])));
  return kept;
}

function buildSpx(): PriceRow[] {
  const all = readPriceFile('culolom_backtest/^GSPC.csv', 'Close');
  const kept = all.slice(0, -2); // the repository re-downloads its last days; the last 2 may not be final
  note(`spx: dropped the last 2 rows (${all.slice(-2).map((r) => r.date).join(', ')}), which may not be final closes`);
  writeSeries('spx.csv', 'close', tidy('spx', kept.map((r) => [r.date, r.close])));
  return kept;
}

function buildIwm(rut: PriceRow[]): void {
  const all = readPriceFile('alitalbi_storage_data_fy/IWM.csv', 'Close');
  const kept = all.filter((r) => r.date < ALITALBI_FULL_DOWNLOAD);
  const last = kept[kept.length - 1].date;
  const avoided = artefactsAfter(all, rut, last, 25);
  note(`iwm: cut after ${last} (last row before the full download of ${ALITALBI_FULL_DOWNLOAD}); ${all.length - kept.length} appended rows dropped; IWM − ^RUT daily return gaps > 25 bp after the cut: ${avoided.join(', ') || 'none'}`);
  writeSeries('iwm.csv', 'close', tidy('iwm', kept.map((r) => [r.date, r.close])));
}

function buildSpy(spx: PriceRow[]): void {
  const all = readPriceFile('culolom_backtest/SPY.csv', 'Close');
  const kept = all.filter((r) => r.date <= SPY_LAST);
  const before = artefactsAfter(kept, spx, '2024-12-31', 25);
  const avoided = artefactsAfter(all, spx, SPY_LAST, 25);
  note(`spy: cut after ${SPY_LAST}; ${all.length - kept.length} later rows dropped; SPY − ^GSPC daily return gaps > 25 bp in 2025 up to the cut: ${before.join(', ') || 'none'}; after the cut: ${avoided.join(', ') || 'none'}`);
  writeSeries('spy.csv', 'close', tidy('spy', kept.map((r) => [r.date, r.close])));
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

function buildFed(): Obs[] {
  writeSeries('fed_funds.csv', 'value', tidy('fed_funds', readFred('deerfieldgreen_fred/dff_data.csv').rows));
  const dfedtar = tidy('DFEDTAR', readFred('hussamalazzawi_dissertation/DFEDTAR.csv').rows);
  const upper = tidy('DFEDTARU', readFred('vengveng_feii/DFEDTARU.csv').rows);
  const lower = tidy('DFEDTARL', readFred('vengveng_feii/DFEDTARL.csv').rows);
  writeSeries('fed_target_upper.csv', 'value', upper);
  writeSeries('fed_target_lower.csv', 'value', lower);
  const join = dfedtar[dfedtar.length - 1][0];
  if (addDays(join, 1) !== upper[0][0]) throw new Error(`fed_target: DFEDTAR ends ${join} but DFEDTARU starts ${upper[0][0]}`);
  const target = tidy('fed_target', [...dfedtar, ...upper]);
  writeSeries('fed_target.csv', 'value', target);
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
 * The December 2025 cut (decided 2025-12-10, effective 2025-12-11) is documented in the
 * shared data README but falls after the last row of the DFEDTARU/L copies.
 */
const DOCUMENTED_DECISIONS: Decision[] = [
  { date: '2025-12-10', previous: 4, target: 3.75, changeBp: -25, type: 'meeting', effective: '2025-12-11' },
];

function buildFomc(target: Obs[]): void {
  const decisions = deriveDecisions(target, readMeetingDates());
  const last = target[target.length - 1];
  for (const d of DOCUMENTED_DECISIONS) {
    if (d.effective <= last[0] || d.previous !== last[1] || d.changeBp !== bp(d.previous, d.target)) throw new Error(`fomc: documented decision ${d.date} does not continue the target series`);
    decisions.push(d);
  }
  writeTable(
    'fomc.csv',
    ['date', 'previous', 'target', 'change_bp', 'type', 'effective'],
    decisions.map((d) => [d.date, exact(d.previous), exact(d.target), exact(d.changeBp), d.type, d.effective]),
  );
  const count = (f: (d: Decision) => boolean) => decisions.filter(f).length;
  const inter = decisions.filter((d) => d.type === 'inter-meeting');
  const interSince94 = inter.filter((d) => d.date >= '1994-01-01');
  note(
    `fomc: ${decisions.length} decisions (${DOCUMENTED_DECISIONS.length} added from the documented note): ${count((d) => d.changeBp > 0)} hikes, ${count((d) => d.changeBp < 0)} cuts; ` +
      `${count((d) => d.type === 'meeting')} at a listed meeting, ${count((d) => d.type === 'unscheduled')} at an unscheduled meeting, ${inter.length} inter-meeting ` +
      `(${inter.length - interSince94.length} before 1994, ${interSince94.length} since: ${interSince94.map((d) => `${d.date} ${d.changeBp > 0 ? '+' : ''}${d.changeBp}`).join(', ')}); ` +
      `since 1994: ${count((d) => d.date >= '1994-01-01' && d.changeBp > 0)} hikes, ${count((d) => d.date >= '1994-01-01' && d.changeBp < 0)} cuts; ` +
      `effective − decision: ${[0, 1, 2, 3].map((k) => `${k} d: ${count((d) => dayNumber(d.effective) - dayNumber(d.date) === k)}`).join(', ')}; ` +
      `steps that are not a multiple of 25 bp: ${count((d) => d.changeBp % 25 !== 0)}`,
  );
}

// ---------------------------------------------------------------------------------------
// Macro indicators
// ---------------------------------------------------------------------------------------

function buildFredDaily(file: string, rel: string): void {
  const { rows, skipped } = readFred(rel);
  writeSeries(file, 'value', tidy(file, rows));
  note(`${file.replace('.csv', '')}: ${skipped} holiday rows without a value skipped`);
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

function buildMacro(): void {
  buildFredDaily('tbill_3m.csv', 'hussamalazzawi_dissertation/DGS3MO.csv');
  buildFredDaily('ust_10y.csv', 'hussamalazzawi_dissertation/DGS10.csv');
  buildFredDaily('ust_2y.csv', 'hussamalazzawi_dissertation/DGS2.csv');
  buildFredDaily('t10y2y.csv', 'pratikshat_yieldcurve/T10Y2Y.csv');
  buildFredMonthly('tbill_3m_monthly.csv', 'opendatahub_interest_rate/TB3MS.csv');
  buildFredMonthly('ism_pmi.csv', 'haydenlee_altdata/ISM-MAN_PMI.csv'); // newest first in the source: tidy sorts
  buildFredMonthly('cpi.csv', 'opendatahub_unemployment/CPIAUCSL.csv');
  const rec = buildFredMonthly('recession.csv', 'pratikshat_yieldcurve/USREC.csv', fixUsrecDate);
  const moved = readFred('pratikshat_yieldcurve/USREC.csv').rows.filter(([d]) => fixUsrecDate(d) !== d).length;
  if (rec.some(([, v]) => v !== 0 && v !== 1)) throw new Error('recession: values must be 0/1');
  note(`recession: ${moved} rows before 1900-03 re-dated to the first day of the next month (Excel 1900 artefact)`);
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

function catalogSeries(): CatalogEntry[] {
  return [
    entry('rut', 'rut.csv', 'close', 'price', 'daily', 'index points', CLOSE, `${YAHOO} ^RUT, index © FTSE Russell; copy: GitHub alitalbi/storage_data_fy`, 'Russell 2000 index level, price index (no dividends)', 10),
    entry('spx', 'spx.csv', 'close', 'price', 'daily', 'index points', CLOSE, `${YAHOO} ^GSPC, index © S&P Dow Jones Indices; copy: GitHub culolom/culolom-backtest`, 'S&P 500 index level, price index (no dividends)', 10),
    entry('iwm', 'iwm.csv', 'close', 'price', 'daily', ETF, CLOSE, `${YAHOO} IWM, auto_adjust; copy: GitHub alitalbi/storage_data_fy`, 'iShares Russell 2000 ETF, total-return close (to 2025-07-11)', 10),
    entry('spy', 'spy.csv', 'close', 'price', 'daily', ETF, CLOSE, `${YAHOO} SPY, auto_adjust; copy: GitHub culolom/culolom-backtest`, `SPDR S&P 500 ETF, total-return close (to ${SPY_LAST})`, 10),
    entry('iwb', 'iwb.csv', 'close', 'price', 'daily', ETF, CLOSE, EOD, 'iShares Russell 1000 ETF, total-return close (to 2024-04-19)', 10),
    entry('ijr', 'ijr.csv', 'close', 'price', 'daily', ETF, CLOSE, EOD, 'iShares Core S&P SmallCap 600 ETF, total-return close (to 2024-04-19)', 10),
    entry('mdy', 'mdy.csv', 'close', 'price', 'daily', ETF, CLOSE, EOD, 'SPDR S&P MidCap 400 ETF, total-return close (1995-05-04 to 2024-04-19)', 10),
    entry('ivv', 'ivv.csv', 'close', 'price', 'daily', ETF, CLOSE, EOD, 'iShares Core S&P 500 ETF, total-return close (to 2024-04-19)', 10),
    ...ffEntries(),
    entry('cash', 'cash.csv', 'return', 'return', 'daily', 'fraction per day', CLOSE, 'Kenneth R. French Data Library, daily RF (202408 vintage to 2024-08-30, then 202604 vintage); copies: GitHub y437li/factor_investment_app, tommy66779/Comparaison-IA-DotCom', 'One-month T-bill return as a simple daily rate (Fama/French RF)', 10),
    entry('fed_funds', 'fed_funds.csv', 'value', 'rate', 'daily', 'percent per year', H15, 'FRED DFF (Board of Governors, H.15); copy: GitHub deerfieldgreen/FRED_data', 'Effective federal funds rate, calendar daily', 10),
    entry('fed_target', 'fed_target.csv', 'value', 'rate', 'daily', 'percent per year', CLOSE, 'FRED DFEDTAR (copy: GitHub hussamalazzawi/Dissertation), then DFEDTARU (copy: GitHub vengveng/FEII); Board of Governors', 'Fed funds target rate to 2008-12-15, then the upper limit of the target range: one continuous policy rate', 10),
    entry('fed_target_upper', 'fed_target_upper.csv', 'value', 'rate', 'daily', 'percent per year', CLOSE, 'FRED DFEDTARU (Board of Governors); copy: GitHub vengveng/FEII', 'Upper limit of the federal funds target range', 10),
    entry('fed_target_lower', 'fed_target_lower.csv', 'value', 'rate', 'daily', 'percent per year', CLOSE, 'FRED DFEDTARL (Board of Governors); copy: GitHub vengveng/FEII', 'Lower limit of the federal funds target range', 10),
    entry('fomc', 'fomc.csv', 'change_bp', 'event', 'irregular', 'basis points', CLOSE, 'Derived from fed_target (FRED DFEDTAR, DFEDTARU) and FOMC dates (GitHub Tollan/fomc, mayherprog/registered-backtests; federalreserve.gov)', 'FOMC decisions that changed the target (upper bound after 2008-12-16), with type and effective date', undefined, ['date', 'previous', 'target', 'change_bp', 'type', 'effective']),
    entry('tbill_3m', 'tbill_3m.csv', 'value', 'rate', 'daily', 'percent per year', H15, 'FRED DGS3MO (Board of Governors, H.15); copy: GitHub hussamalazzawi/Dissertation', '3-month Treasury constant-maturity yield (bond-equivalent basis)', 10),
    entry('tbill_3m_monthly', 'tbill_3m_monthly.csv', 'value', 'rate', 'monthly', 'percent per year', AFTER_MONTH, 'FRED TB3MS (Board of Governors, H.15); copy: GitHub open-datahub/interest_rate', '3-month T-bill secondary-market rate, monthly average (discount basis)', 70),
    entry('ust_10y', 'ust_10y.csv', 'value', 'rate', 'daily', 'percent per year', H15, 'FRED DGS10 (Board of Governors, H.15); copy: GitHub hussamalazzawi/Dissertation', '10-year Treasury constant-maturity yield', 10),
    entry('ust_2y', 'ust_2y.csv', 'value', 'rate', 'daily', 'percent per year', H15, 'FRED DGS2 (Board of Governors, H.15); copy: GitHub hussamalazzawi/Dissertation', '2-year Treasury constant-maturity yield', 10),
    entry('t10y2y', 't10y2y.csv', 'value', 'rate', 'daily', 'percentage points', H15, 'FRED T10Y2Y (FRB St. Louis); copy: GitHub Pratikshat-08/yield-curve-early-warning-system', '10-year minus 2-year Treasury constant-maturity spread', 10),
    entry('ism_pmi', 'ism_pmi.csv', 'value', 'indicator', 'monthly', 'index, 50 = no change', AFTER_MONTH, 'Institute for Supply Management (Quandl ISM/MAN_PMI, © ISM); copy: GitHub Haydenlee2024/altdata', 'ISM manufacturing PMI, dated the first of the reference month', 70),
    entry('cpi', 'cpi.csv', 'value', 'indicator', 'monthly', 'index, 1982-84 = 100', { rule: 'next-month-day', n: 15 }, 'FRED CPIAUCSL (BLS); copy: GitHub open-datahub/unemployment', 'CPI for all urban consumers, seasonally adjusted (late-2023 vintage), dated the first of the reference month', 70),
    entry('recession', 'recession.csv', 'value', 'indicator', 'monthly', '0/1', { rule: 'months', n: 12 }, 'FRED USREC (NBER business-cycle dates); copy: GitHub Pratikshat-08/yield-curve-early-warning-system', 'NBER recession month (1 = recession); dated ex post, for analysis, not trading signals', 70),
  ];
}

function catalogUniverses(): UniverseSpec[] {
  const u = (id: string, description: string, small: string, large: string, frequency: 'daily' | 'monthly'): UniverseSpec => ({
    id, description, assets: [small, large], small, large, cash: 'cash', frequency, align: 'intersection',
  });
  return [
    u('russell', 'Russell 2000 vs S&P 500 price indexes (no dividends), daily, 1987-09 to 2026-02', 'rut', 'spx', 'daily'),
    u('etf', `IWM vs SPY ETFs, total return (dividends reinvested), daily, 2000-05 to 2025-07`, 'iwm', 'spy', 'daily'),
    u('ff', 'Fama/French size portfolios, bottom 30 % vs top 30 % by market equity, value weighted total returns, monthly, 1926-07 to 2026-02', 'ff_small', 'ff_large', 'monthly'),
    u('r1000', 'IWM (Russell 2000) vs IWB (Russell 1000) ETFs, total return, daily, 2000-05 to 2024-04', 'iwm', 'iwb', 'daily'),
    u('sp600', 'IJR (S&P SmallCap 600) vs IVV (S&P 500) ETFs, total return, daily, 2000-05 to 2024-04', 'ijr', 'ivv', 'daily'),
  ];
}

function writeCatalog(): CatalogEntry[] {
  const series = catalogSeries();
  for (const s of series) if (!written.has(s.file)) throw new Error(`catalog: ${s.id} refers to unwritten ${s.file}`);
  writeFileSync(join(OUT, 'catalog.json'), JSON.stringify({ series, universes: catalogUniverses() }, null, 2) + '\n');
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
    const shown = list.length > 4 ? `${list.slice(0, 3).map((i) => `\`${i}\``).join(', ')}, \`ff_d1\`…\`ff_d10\`` : list.map((i) => `\`${i}\``).join(', ');
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
  buildMacro();
  const series = writeCatalog();
  updateReadme(series);
  for (const n of notes) console.log(n);
  console.log('');
  console.log(filesTable(series));
}

main();
