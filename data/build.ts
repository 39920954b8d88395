/**
 * Builds the shipped data folder from the raw source copies.
 *
 *   npx tsx data/build.ts [rawDir]     (default rawDir: ../shared/data/raw, relative to the working folder)
 *
 * Reads the unchanged source files, normalizes them into tidy CSVs (ISO dates, ascending,
 * unique, one value column or a documented set, LF endings, no missing values), writes
 * data/catalog.json and the generated table of data/README.md. Deterministic: running it
 * twice gives byte-identical files. Every cut, drop and conversion is in this file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const OUT = dirname(fileURLToPath(import.meta.url));
const RAW = resolve(process.argv[2] ?? '../shared/data/raw');

type Row = [string, number];

// ---------- small helpers ----------

function read(rel: string): string {
  return readFileSync(join(RAW, rel), 'utf8').replace(/^\uFEFF/, '');
}

function records(rel: string): Record<string, string>[] {
  return parse(read(rel), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
}

/** Fixed-precision decimal text: no binary noise from unit conversions (12 significant digits). */
function num(x: number): string {
  return String(Number(x.toPrecision(12)));
}

/** YYYYMMDD or M/D/YYYY or YYYY-MM-DD → ISO. */
function isoDate(text: string): string {
  const t = text.trim();
  if (/^\d{8}$/.test(t)) return `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return `${us[3]}-${us[1].padStart(2, '0')}-${us[2].padStart(2, '0')}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  throw new Error(`unexpected date "${text}"`);
}

function monthEnd(yyyymm: string): string {
  const y = Number(yyyymm.slice(0, 4));
  const m = Number(yyyymm.slice(4, 6));
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 864e5).toISOString().slice(0, 10);
}

/** Sorts ascending and checks dates are unique and values finite. */
function tidy(id: string, rows: Row[]): Row[] {
  const out = [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i][1])) throw new Error(`${id}: non-finite value on ${out[i][0]}`);
    if (i > 0 && out[i][0] === out[i - 1][0]) throw new Error(`${id}: duplicate date ${out[i][0]}`);
  }
  return out;
}

const written: Record<string, { rows: number; from: string; to: string }> = {};

function writeSeries(file: string, column: string, rows: Row[], format: (x: number) => string = num): void {
  const body = rows.map(([d, v]) => `${d},${format(v)}`).join('\n');
  writeFileSync(join(OUT, file), `date,${column}\n${body}\n`);
  written[file] = { rows: rows.length, from: rows[0][0], to: rows[rows.length - 1][0] };
}

const plain = (x: number) => String(x);

// ---------- prices ----------

/** Yahoo-style file (Date, Close, …, Volume): closes by date. */
function yahoo(rel: string, column = 'Close'): (Row & { volume?: number })[] {
  return records(rel).map((r) => {
    const row = [isoDate(r.Date), Number(r[column])] as Row & { volume?: number };
    if (r.Volume !== undefined) row.volume = Number(r.Volume);
    return row;
  });
}

function buildPrices(): string[] {
  const notes: string[] = [];
  // ^RUT: the file was downloaded in full on 2025-07-13; rows appended later with Volume 0
  // are intraday snapshots (provisional), including the last row 2026-02-23.
  const rutAll = yahoo('alitalbi_storage_data_fy/^RUT.csv');
  const rut = rutAll.filter((r) => !(r[0] > '2025-07-13' && r.volume === 0));
  notes.push(`rut: dropped ${rutAll.length - rut.length} provisional appended rows (after 2025-07-13 with Volume 0)`);
  writeSeries('rut.csv', 'close', tidy('rut', rut.map((r) => [r[0], r[1]])), plain);

  // ^GSPC: the source re-downloads its last 10 days daily; the last 2 rows may not be final.
  const spx = yahoo('culolom_backtest/^GSPC.csv');
  writeSeries('spx.csv', 'close', tidy('spx', spx.slice(0, -2).map((r) => [r[0], r[1]])), plain);

  // IWM (Yahoo, adjusted): dividends after the full download of 2025-07-13 are missing.
  const iwm = yahoo('alitalbi_storage_data_fy/IWM.csv').filter((r) => r[0] < '2025-07-13');
  writeSeries('iwm.csv', 'close', tidy('iwm', iwm.map((r) => [r[0], r[1]])), plain);

  // SPY (culolom, adjusted): consistent up to 2025-11-28; later appends lose dividends.
  const spy = yahoo('culolom_backtest/SPY.csv').filter((r) => r[0] <= '2025-11-28');
  writeSeries('spy.csv', 'close', tidy('spy', spy.map((r) => [r[0], r[1]])), plain);

  // EOD copies with a consistent dividend adjustment throughout (Adjusted_close), to 2024-04-19.
  for (const t of ['IWB', 'IJR', 'MDY', 'IVV']) {
    const rows = yahoo(`bdi2357_optimalhorizon/${t}_US.csv`, 'Adjusted_close');
    writeSeries(`${t.toLowerCase()}.csv`, 'close', tidy(t, rows.map((r) => [r[0], r[1]])), plain);
  }
  return notes;
}

// ---------- Fama/French ----------

function ffSize(): void {
  const lines = read('bhaskargoswami_ff_data/Portfolios_Formed_on_ME.csv').split(/\r?\n/);
  const start = lines.findIndex((l) => l.includes('Average Value Weight Returns -- Monthly'));
  const header = lines[start + 1].split(',').map((s) => s.trim());
  // columns: '', '<= 0', Lo 30, Med 40, Hi 30, Lo 20, Qnt 2..4, Hi 20, Lo 10, 2-Dec..9-Dec, Hi 10 (deciles by position)
  const idx = { lo30: header.indexOf('Lo 30'), med40: header.indexOf('Med 40'), hi30: header.indexOf('Hi 30'), d1: header.indexOf('Lo 10') };
  const out: string[] = [];
  let first = '', last = '', n = 0;
  for (let i = start + 2; i < lines.length && /^\s*\d{6}\s*,/.test(lines[i]); i++) {
    const cells = lines[i].split(',').map((s) => s.trim());
    const vals = [cells[idx.lo30], cells[idx.med40], cells[idx.hi30], ...cells.slice(idx.d1, idx.d1 + 10)].map(Number);
    if (vals.some((v) => v <= -99.99 || !Number.isFinite(v))) continue; // French's missing-value code
    const date = monthEnd(cells[0]);
    out.push([date, ...vals.map((v) => num(v / 100))].join(','));
    if (!first) first = date;
    last = date;
    n++;
  }
  const cols = ['lo30', 'med40', 'hi30', ...Array.from({ length: 10 }, (_, k) => `d${k + 1}`)];
  writeFileSync(join(OUT, 'ff_size_vw.csv'), `date,${cols.join(',')}\n${out.join('\n')}\n`);
  written['ff_size_vw.csv'] = { rows: n, from: first, to: last };
}

/** Daily FF factor file → RF rows (fraction per day). */
function ffDailyRf(rel: string): Row[] {
  const rows: Row[] = [];
  for (const line of read(rel).split(/\r?\n/)) {
    const m = /^\s*(\d{8})\s*,/.exec(line);
    if (!m) continue;
    const cells = line.split(',').map((s) => s.trim());
    rows.push([isoDate(cells[0]), Number(cells[4]) / 100]);
  }
  return rows;
}

function buildCash(): string[] {
  const older = ffDailyRf('y437li_factor_app/F-F_Research_Data_Factors_daily.CSV');
  const cutoff = older[older.length - 1][0];
  const newer = ffDailyRf('tommy66779_dotcom/F-F_Research_Data_Factors_daily.csv').filter((r) => r[0] > cutoff);
  const cash = tidy('cash', [...older, ...newer]);
  writeSeries('cash.csv', 'return', cash);
  // check: compounded daily RF by month vs the monthly RF of the 202412 vintage
  const monthly = new Map<string, number>();
  for (const line of read('thomasl258_macrofinance/F-F_Research_Data_Factors.CSV').split(/\r?\n/)) {
    const m = /^\s*(\d{6})\s*,/.exec(line);
    if (m) monthly.set(m[1], Number(line.split(',')[4]) / 100);
  }
  const comp = new Map<string, number>();
  for (const [d, r] of cash) {
    const k = d.slice(0, 4) + d.slice(5, 7);
    comp.set(k, (comp.get(k) ?? 1) * (1 + r));
  }
  let sum = 0, n = 0, max = 0;
  for (const [k, g] of comp) {
    const m = monthly.get(k);
    if (m === undefined) continue;
    const diff = Math.abs(g - 1 - m);
    sum += diff;
    n++;
    max = Math.max(max, diff);
  }
  return [`cash: ${older.length} rows (3-decimal vintage) to ${cutoff}, ${newer.length} rows (2-decimal vintage) after; compounded by month vs monthly RF over ${n} months: mean abs diff ${(sum / n * 100).toFixed(4)} pp, max ${(max * 100).toFixed(4)} pp`];
}

// ---------- FRED ----------

/** FRED-style two-column file; skips FRED's "." and empty values. */
function fred(rel: string, fixDate: (iso: string) => string = (d) => d): Row[] {
  const recs = parse(read(rel), { skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as string[][];
  const rows: Row[] = [];
  for (const [d, v] of recs.slice(1)) {
    if (v === undefined || v === '' || v === '.') continue;
    rows.push([fixDate(isoDate(d)), Number(v)]);
  }
  return rows;
}

function buildFed(): { notes: string[]; target: Row[]; upper: Row[] } {
  writeSeries('fed_funds.csv', 'value', tidy('fed_funds', fred('deerfieldgreen_fred/dff_data.csv')), plain);
  const dfedtar = tidy('DFEDTAR', fred('hussamalazzawi_dissertation/DFEDTAR.csv'));
  const upper = tidy('DFEDTARU', fred('vengveng_feii/DFEDTARU.csv'));
  const lower = tidy('DFEDTARL', fred('vengveng_feii/DFEDTARL.csv'));
  writeSeries('fed_target_upper.csv', 'value', upper, plain);
  writeSeries('fed_target_lower.csv', 'value', lower, plain);
  const target = tidy('fed_target', [...dfedtar, ...upper.filter((r) => r[0] > dfedtar[dfedtar.length - 1][0])]);
  writeSeries('fed_target.csv', 'value', target, plain);
  return { notes: [], target, upper };
}

interface Decision {
  date: string;
  previous: number;
  target: number;
  change: number;
  type: 'meeting' | 'unscheduled' | 'inter-meeting';
  effective: string;
}

function buildFomc(target: Row[]): string[] {
  const meetings = new Map<string, 'meeting' | 'unscheduled'>();
  for (const line of read('tollan_fomc/FOMCdates.csv').split(/\r?\n/)) if (line.trim()) meetings.set(line.trim(), 'meeting');
  for (const r of records('mayherprog_backtests/fomc_dates.csv')) meetings.set(r.decision_date, r.type === 'unscheduled' ? 'unscheduled' : 'meeting');
  const decisions: Decision[] = [];
  for (let i = 1; i < target.length; i++) {
    const [eff, rate] = target[i];
    const prev = target[i - 1][1];
    if (rate === prev) continue;
    let date = eff;
    let type: Decision['type'] = 'inter-meeting';
    for (let back = 0; back <= 3; back++) {
      const d = addDays(eff, -back);
      const t = meetings.get(d);
      if (t) {
        date = d;
        type = t;
        break;
      }
    }
    decisions.push({ date, previous: prev, target: rate, change: Math.round((rate - prev) * 1e4) / 100, type, effective: eff });
  }
  // Documented in the source README: the cut of 2025-12-10 to 3.50–3.75 % takes effect on
  // 2025-12-11, after the last row of the range files.
  decisions.push({ date: '2025-12-10', previous: 4, target: 3.75, change: -25, type: 'meeting', effective: '2025-12-11' });
  const body = decisions.map((d) => [d.date, plain(d.previous), plain(d.target), plain(d.change), d.type, d.effective].join(',')).join('\n');
  writeFileSync(join(OUT, 'fomc.csv'), `date,previous,target,change_bp,type,effective\n${body}\n`);
  written['fomc.csv'] = { rows: decisions.length, from: decisions[0].date, to: decisions[decisions.length - 1].date };
  const cuts = decisions.filter((d) => d.change < 0).length;
  const hikes = decisions.filter((d) => d.change > 0).length;
  const inter = decisions.filter((d) => d.type === 'inter-meeting');
  const interSince94 = inter.filter((d) => d.date >= '1994-01-01').map((d) => d.date);
  return [
    `fomc: ${decisions.length} decisions (${cuts} cuts, ${hikes} hikes); ${inter.length} inter-meeting moves (${interSince94.length} since 1994: ${interSince94.join(', ')}); ${decisions.filter((d) => d.type === 'unscheduled').length} at unscheduled meetings`,
  ];
}

function buildMacro(): void {
  writeSeries('tbill_3m.csv', 'value', tidy('tbill_3m', fred('hussamalazzawi_dissertation/DGS3MO.csv')), plain);
  writeSeries('ust_10y.csv', 'value', tidy('ust_10y', fred('hussamalazzawi_dissertation/DGS10.csv')), plain);
  writeSeries('ust_2y.csv', 'value', tidy('ust_2y', fred('hussamalazzawi_dissertation/DGS2.csv')), plain);
  writeSeries('t10y2y.csv', 'value', tidy('t10y2y', fred('pratikshat_yieldcurve/T10Y2Y.csv')), plain);
  writeSeries('tbill_3m_monthly.csv', 'value', tidy('tbill_3m_monthly', fred('opendatahub_interest_rate/TB3MS.csv')), plain);
  writeSeries('ism_pmi.csv', 'value', tidy('ism_pmi', fred('haydenlee_altdata/ISM-MAN_PMI.csv')), plain);
  writeSeries('cpi.csv', 'value', tidy('cpi', fred('opendatahub_unemployment/CPIAUCSL.csv')), plain);
  // USREC: rows before 1900-03 carry the Excel 1900 leap-year artefact (dated 1–2 days early,
  // at the end of the previous month): map them to the first day of the next month.
  const fix = (d: string) => (d < '1900-03-01' && !d.endsWith('-01') ? addDays(monthEnd(d.slice(0, 4) + d.slice(5, 7)), 1) : d);
  writeSeries('recession.csv', 'value', tidy('recession', fred('pratikshat_yieldcurve/USREC.csv', fix)), plain);
}

// ---------- catalog ----------

const close = { rule: 'close' } as const;
const h15 = { rule: 'business-days', n: 1 } as const;
const monthlyAvg = { rule: 'next-month-business-day', n: 1 } as const;

function entry(id: string, file: string, column: string, kind: string, frequency: string, units: string, publication: object, source: string, description: string, maxStaleDays?: number, columns?: string[]) {
  return { id, file, column, kind, frequency, units, publication, source, description, ...(maxStaleDays ? { maxStaleDays } : {}), ...(columns ? { columns } : {}) };
}

function catalog() {
  const yahoo = 'Yahoo Finance via yfinance';
  const ffSrc = 'Kenneth R. French Data Library, Portfolios Formed on Size (202602 CRSP vintage)';
  const series = [
    entry('rut', 'rut.csv', 'close', 'price', 'daily', 'index points (price index, no dividends)', close, `${yahoo} (^RUT), copy in alitalbi/storage_data_fy`, 'Russell 2000 index level', 10),
    entry('spx', 'spx.csv', 'close', 'price', 'daily', 'index points (price index, no dividends)', close, `${yahoo} (^GSPC), copy in culolom/culolom-backtest`, 'S&P 500 index level', 10),
    entry('iwm', 'iwm.csv', 'close', 'price', 'daily', 'USD, split and dividend adjusted (total return)', close, `${yahoo} (IWM, auto_adjust), copy in alitalbi/storage_data_fy`, 'iShares Russell 2000 ETF', 10),
    entry('spy', 'spy.csv', 'close', 'price', 'daily', 'USD, split and dividend adjusted (total return)', close, `${yahoo} (SPY, auto_adjust), copy in culolom/culolom-backtest`, 'SPDR S&P 500 ETF', 10),
    entry('iwb', 'iwb.csv', 'close', 'price', 'daily', 'USD, split and dividend adjusted (total return)', close, 'EOD Historical Data (probable), copy in bdi2357/OptimalHorizon', 'iShares Russell 1000 ETF', 10),
    entry('ijr', 'ijr.csv', 'close', 'price', 'daily', 'USD, split and dividend adjusted (total return)', close, 'EOD Historical Data (probable), copy in bdi2357/OptimalHorizon', 'iShares Core S&P SmallCap 600 ETF', 10),
    entry('mdy', 'mdy.csv', 'close', 'price', 'daily', 'USD, split and dividend adjusted (total return)', close, 'EOD Historical Data (probable), copy in bdi2357/OptimalHorizon', 'SPDR S&P MidCap 400 ETF', 10),
    entry('ivv', 'ivv.csv', 'close', 'price', 'daily', 'USD, split and dividend adjusted (total return)', close, 'EOD Historical Data (probable), copy in bdi2357/OptimalHorizon', 'iShares Core S&P 500 ETF', 10),
    entry('ff_small', 'ff_size_vw.csv', 'lo30', 'return', 'monthly', 'fraction per month (total return)', close, ffSrc, 'Bottom 30% of NYSE market equity, value weighted', 45),
    entry('ff_mid', 'ff_size_vw.csv', 'med40', 'return', 'monthly', 'fraction per month (total return)', close, ffSrc, 'Middle 40% of NYSE market equity, value weighted', 45),
    entry('ff_large', 'ff_size_vw.csv', 'hi30', 'return', 'monthly', 'fraction per month (total return)', close, ffSrc, 'Top 30% of NYSE market equity, value weighted', 45),
    ...Array.from({ length: 10 }, (_, k) =>
      entry(`ff_d${k + 1}`, 'ff_size_vw.csv', `d${k + 1}`, 'return', 'monthly', 'fraction per month (total return)', close, ffSrc, `Size decile ${k + 1} (1 = smallest), value weighted`, 45),
    ),
    entry('cash', 'cash.csv', 'return', 'return', 'daily', 'fraction per day', close, 'Kenneth R. French Data Library, daily RF (202408 vintage, then 202604 vintage)', 'One-month T-bill return, daily rate', 10),
    entry('fed_funds', 'fed_funds.csv', 'value', 'rate', 'daily', 'percent per year', h15, 'FRED DFF (Board of Governors H.15), copy in deerfieldgreen/FRED_data', 'Effective federal funds rate', 10),
    entry('fed_target', 'fed_target.csv', 'value', 'rate', 'daily', 'percent per year', close, 'FRED DFEDTAR, then DFEDTARU (Board of Governors)', 'Fed funds target (upper bound of the range from 2008-12-16)', 10),
    entry('fed_target_upper', 'fed_target_upper.csv', 'value', 'rate', 'daily', 'percent per year', close, 'FRED DFEDTARU, copy in vengveng/FEII', 'Upper limit of the fed funds target range', 10),
    entry('fed_target_lower', 'fed_target_lower.csv', 'value', 'rate', 'daily', 'percent per year', close, 'FRED DFEDTARL, copy in vengveng/FEII', 'Lower limit of the fed funds target range', 10),
    entry('fomc', 'fomc.csv', 'change_bp', 'event', 'irregular', 'basis points (target change)', close, 'Derived from fed_target and FOMC meeting dates (Tollan/fomc, mayherprog/registered-backtests)', 'FOMC policy decisions that changed the target', undefined, ['date', 'previous', 'target', 'change_bp', 'type', 'effective']),
    entry('tbill_3m', 'tbill_3m.csv', 'value', 'rate', 'daily', 'percent per year (bond-equivalent)', h15, 'FRED DGS3MO (H.15), copy in hussamalazzawi/Dissertation', '3-month Treasury constant-maturity yield', 10),
    entry('ust_10y', 'ust_10y.csv', 'value', 'rate', 'daily', 'percent per year', h15, 'FRED DGS10 (H.15), copy in hussamalazzawi/Dissertation', '10-year Treasury constant-maturity yield', 10),
    entry('ust_2y', 'ust_2y.csv', 'value', 'rate', 'daily', 'percent per year', h15, 'FRED DGS2 (H.15), copy in hussamalazzawi/Dissertation', '2-year Treasury constant-maturity yield', 10),
    entry('t10y2y', 't10y2y.csv', 'value', 'rate', 'daily', 'percentage points', h15, 'FRED T10Y2Y, copy in Pratikshat-08/yield-curve-early-warning-system', '10-year minus 2-year Treasury spread', 10),
    entry('tbill_3m_monthly', 'tbill_3m_monthly.csv', 'value', 'rate', 'monthly', 'percent per year (discount basis)', monthlyAvg, 'FRED TB3MS, copy in open-datahub/interest_rate', '3-month T-bill rate, monthly average', 70),
    entry('ism_pmi', 'ism_pmi.csv', 'value', 'indicator', 'monthly', 'index, 50 = no change', { rule: 'next-month-business-day', n: 1 }, 'Institute for Supply Management (Quandl ISM/MAN_PMI), copy in Haydenlee2024/altdata', 'ISM manufacturing PMI', 70),
    entry('cpi', 'cpi.csv', 'value', 'indicator', 'monthly', 'index, 1982-84 = 100', { rule: 'next-month-day', n: 15 }, 'FRED CPIAUCSL (BLS), copy in open-datahub/unemployment', 'Consumer price index, all urban consumers, seasonally adjusted', 70),
    entry('recession', 'recession.csv', 'value', 'indicator', 'monthly', '0/1', { rule: 'months', n: 12 }, 'FRED USREC (NBER dates), copy in Pratikshat-08/yield-curve-early-warning-system', 'NBER recession month (ex post; for analysis, not signals)', 430),
  ];
  const universes = [
    { id: 'russell', description: 'Russell 2000 vs S&P 500 price indexes (no dividends), daily, 1987–', assets: ['rut', 'spx'], small: 'rut', large: 'spx', cash: 'cash', frequency: 'daily', align: 'intersection' },
    { id: 'etf', description: 'IWM vs SPY total-return ETF prices, daily, 2000–2025-07', assets: ['iwm', 'spy'], small: 'iwm', large: 'spy', cash: 'cash', frequency: 'daily', align: 'intersection' },
    { id: 'ff', description: 'Fama/French bottom 30% vs top 30% by size, value weighted total returns, monthly, 1926–', assets: ['ff_small', 'ff_large'], small: 'ff_small', large: 'ff_large', cash: 'cash', frequency: 'monthly', align: 'intersection' },
    { id: 'r1000', description: 'IWM (Russell 2000) vs IWB (Russell 1000) total-return ETF prices, daily, 2000–2024-04', assets: ['iwm', 'iwb'], small: 'iwm', large: 'iwb', cash: 'cash', frequency: 'daily', align: 'intersection' },
    { id: 'sp600', description: 'IJR (S&P 600) vs IVV (S&P 500) total-return ETF prices, daily, 2000–2024-04', assets: ['ijr', 'ivv'], small: 'ijr', large: 'ivv', cash: 'cash', frequency: 'daily', align: 'intersection' },
  ];
  writeFileSync(join(OUT, 'catalog.json'), JSON.stringify({ series, universes }, null, 2) + '\n');
  return series;
}

function readmeTable(series: ReturnType<typeof catalog>): void {
  const lines = ['| id | file | kind | frequency | units | from | to | rows |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  for (const s of series) {
    const w = written[s.file];
    lines.push(`| \`${s.id}\` | ${s.file}${s.file === 'ff_size_vw.csv' ? ` (\`${s.column}\`)` : ''} | ${s.kind} | ${s.frequency} | ${s.units} | ${w.from} | ${w.to} | ${w.rows.toLocaleString('en-US')} |`);
  }
  const path = join(OUT, 'README.md');
  const text = readFileSync(path, 'utf8');
  const begin = '<!-- table:begin (generated by data/build.ts) -->';
  const end = '<!-- table:end -->';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < 0) throw new Error('data/README.md lacks the table markers');
  writeFileSync(path, text.slice(0, a + begin.length) + '\n' + lines.join('\n') + '\n' + text.slice(b));
}

const notes = [...buildPrices()];
ffSize();
notes.push(...buildCash());
const fed = buildFed();
notes.push(...buildFomc(fed.target));
buildMacro();
readmeTable(catalog());
for (const n of notes) console.log(n);
for (const [f, w] of Object.entries(written)) console.log(`${f.padEnd(22)} ${w.from} to ${w.to} ${String(w.rows).padStart(7)} rows`);
