/**
 * Central-bank policy rates outside the US: one daily step series per bank, `date,value`,
 * percent per year, one row per business day (Monday to Friday) from the series' start to its
 * last source date, the rate in force carried forward between changes. Dates are effective
 * dates. Values are rounded to 2 decimals (the BIS Australian series has round-off artefacts
 * such as 5.5007), except exact eighths (the SNB's target-range midpoints 0.375 and 0.125),
 * which are kept.
 *
 * Sources: the BIS central bank policy rates (WS_CBPOL, daily, vintage of 2022-05) for every
 * bank, continued where a national series exists: the ECB's MRO rate (FRED ECBMRRFR), the Bank
 * of England's Bank Rate change list and the RBA's table F1. Checks (the build stops on failure)
 * compare the overlapping sources day by day and pin the documented moves.
 */
import { parse } from 'csv-parse/sync';
import type { CatalogEntry } from '../../engine/core/types.js';
import { addDays, exact, toNumber, weekday, type BuildContext } from './context.js';

/** One observation: ISO date, value. */
type Obs = [date: string, value: number];

const BIS = 'marina-alekseevna_financial_markets/WS_CBPOL_D_csv_row.csv';
const BIS_COPY = 'GitHub marina-alekseevna/financial-markets, data/WS_CBPOL_D_csv_row.csv (BIS bulk download, 2022-05)';
const ECBMRRFR = 'eoinb2001_unemployment_ireland/ECBMRRFR.csv';
const BOE = 'ahzet_individual_project/Bank Rate history and data  Bank of England Database.csv';
const RBA_F1 = 'crypticph0enix_au_housing/cash_rate.csv';
const BOC_BANK_RATE = 'k1monfared_mortgage_tracker/boc_policy_rate.csv';

/** Rounds to 2 decimals, keeping exact eighths (0.375, 0.125: SNB target-range midpoints). */
export function policyRound(x: number): number {
  const eighth = Math.round(x * 8) / 8;
  if (Math.abs(x - eighth) < 1e-9) return eighth;
  return Math.round(x * 100) / 100;
}

/** Sorted, unique dates. */
function tidy(what: string, obs: Obs[]): Obs[] {
  const out = [...obs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (let i = 1; i < out.length; i++) if (out[i][0] === out[i - 1][0]) throw new Error(`${what}: duplicate date ${out[i][0]}`);
  if (!out.length) throw new Error(`${what}: no observations`);
  return out;
}

/**
 * Every Monday to Friday from `from` to `to` with the value of the last observation on or
 * before it (observations are dated the day a rate takes effect). `obs` must cover `from`.
 */
export function stepRows(what: string, obs: Obs[], from: string, to: string): Obs[] {
  if (!(obs[0][0] <= from)) throw new Error(`${what}: no value on or before ${from}`);
  const out: Obs[] = [];
  let j = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    while (j + 1 < obs.length && obs[j + 1][0] <= d) j++;
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) out.push([d, obs[j][1]]);
  }
  return out;
}

/** The changes of a step series: [date, previous, value]. */
export function moves(rows: Obs[]): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (let i = 1; i < rows.length; i++) if (rows[i][1] !== rows[i - 1][1]) out.push([rows[i][0], rows[i - 1][1], rows[i][1]]);
  return out;
}

/** Throws unless the series steps from `before` (previous row) to `after` on `date`. */
function expectStep(id: string, rows: Obs[], date: string, before: number | undefined, after: number): void {
  const i = rows.findIndex((r) => r[0] === date);
  if (i < 1 || rows[i][1] !== after || (before !== undefined && rows[i - 1][1] !== before)) {
    const got = i < 1 ? 'no such row' : `${rows[i - 1][1]} → ${rows[i][1]}`;
    throw new Error(`${id}: expected ${before ?? '…'} → ${after} on ${date}, found ${got}`);
  }
}

/** Throws unless the series moves to `value` on `date` and keeps it to its last row. */
function expectFromToEnd(id: string, rows: Obs[], date: string, value: number): void {
  expectStep(id, rows, date, undefined, value);
  const i = rows.findIndex((r) => r[0] === date);
  if (rows[i - 1][1] === value || rows.slice(i).some((r) => r[1] !== value)) throw new Error(`${id}: expected ${value} from ${date} to the end`);
}

// ---------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------

interface BisSeries {
  /** Observations with a value (blank and `NaN` cells are missing), rounded by policyRound. */
  obs: Obs[];
  /** The "Compilation" header cell: the series' definition changes. */
  compilation: string;
}

/** The BIS daily file: 9 header rows (Frequency … Time Period), then one row per calendar day. */
function readBis(ctx: BuildContext, codes: string[]): Map<string, BisSeries> {
  const table = parse(ctx.raw(BIS), { relax_column_count: false }) as string[][];
  const titles = ['Frequency', 'Reference area', 'Time Format', 'Compilation', 'Decimals', 'Publication Source', 'Supplemental information and breaks', 'Title', 'Time Period'];
  titles.forEach((t, i) => {
    if (table[i][0] !== t) throw new Error(`${BIS}: header row ${i + 1} should be "${t}", found "${table[i][0]}"`);
  });
  const out = new Map<string, BisSeries>();
  for (const code of codes) {
    const c = table[8].indexOf(code);
    if (c < 0) throw new Error(`${BIS}: no column ${code}`);
    const obs: Obs[] = [];
    for (const row of table.slice(9)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(row[0])) throw new Error(`${BIS}: unexpected date "${row[0]}"`);
      const cell = row[c].trim();
      if (cell === '' || cell === 'NaN') continue;
      obs.push([row[0], policyRound(toNumber(cell, `${BIS} ${code} ${row[0]}`))]);
    }
    out.set(code, { obs: tidy(`${BIS} ${code}`, obs), compilation: table[3][c] });
  }
  return out;
}

/** BIS observations from `start` (the last value on or before it, dated `start`) to the last one. */
function bisFrom(code: string, s: BisSeries, start: string): Obs[] {
  const before = s.obs.filter(([d]) => d <= start);
  if (!before.length) throw new Error(`${BIS} ${code}: no value on or before ${start}`);
  return [[start, before[before.length - 1][1]], ...s.obs.filter(([d]) => d > start)];
}

/**
 * Holes longer than a week between BIS observations from `start`: weekends and holidays leave
 * at most 5 days; anything longer must be a documented one (BoJ: "no policy rate available").
 */
function checkHoles(code: string, obs: Obs[], documented: [string, string][]): void {
  const holes: [string, string][] = [];
  for (let i = 1; i < obs.length; i++) {
    if (Date.parse(obs[i][0]) - Date.parse(obs[i - 1][0]) > 7 * 864e5) holes.push([addDays(obs[i - 1][0], 1), addDays(obs[i][0], -1)]);
  }
  const text = (h: [string, string][]) => h.map(([a, b]) => `${a}..${b}`).join(', ') || 'none';
  if (text(holes) !== text(documented)) throw new Error(`${BIS} ${code}: missing stretches ${text(holes)}, documented ${text(documented)}`);
}

/** FRED ECBMRRFR (calendar daily; blank where the ECB held variable-rate tenders). */
function readEcbMrr(ctx: BuildContext): { obs: Obs[]; blanks: string[] } {
  const table = parse(ctx.raw(ECBMRRFR), { skip_empty_lines: true }) as string[][];
  if (table[0].join(',') !== 'observation_date,ECBMRRFR') throw new Error(`${ECBMRRFR}: unexpected header ${table[0].join(',')}`);
  const obs: Obs[] = [];
  const blanks: string[] = [];
  for (const [d, v] of table.slice(1)) {
    if (v.trim() === '' || v.trim() === '.') blanks.push(d);
    else obs.push([d, policyRound(toNumber(v, `${ECBMRRFR} ${d}`))]);
  }
  return { obs: tidy(ECBMRRFR, obs), blanks };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `d-Mon-yy` (BoE, two-digit years: 75–99 → 19xx, 00–74 → 20xx) or `dd-Mon-yyyy` (RBA) → ISO. */
function dayMonYear(text: string, where: string): string {
  const m = /^(\d{1,2})-([A-Z][a-z]{2})-(\d{2}|\d{4})$/.exec(text.trim());
  const month = m ? MONTHS.indexOf(m[2]) + 1 : 0;
  if (!m || month === 0) throw new Error(`${where}: unexpected date "${text}"`);
  const year = m[3].length === 4 ? Number(m[3]) : Number(m[3]) >= 75 ? 1900 + Number(m[3]) : 2000 + Number(m[3]);
  return `${year}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** The Bank of England's Bank Rate change list (newest first in the file): the date each rate took effect. */
function readBoe(ctx: BuildContext): Obs[] {
  const table = parse(ctx.raw(BOE), { skip_empty_lines: true, trim: true }) as string[][];
  if (table[0].join(',') !== 'Date Changed,Rate') throw new Error(`${BOE}: unexpected header ${table[0].join(',')}`);
  const obs = table.slice(1).map(([d, v]): Obs => [dayMonYear(d, BOE), policyRound(toNumber(v, `${BOE} ${d}`))]);
  for (let i = 1; i < obs.length; i++) if (!(obs[i][0] < obs[i - 1][0])) throw new Error(`${BOE}: rows should be newest first (${obs[i - 1][0]}, ${obs[i][0]})`);
  return tidy(BOE, obs);
}

/** RBA table F1, column FIRMMCRTD (cash rate target): the days with a value. */
function readRbaF1(ctx: BuildContext): Obs[] {
  const table = parse(ctx.raw(RBA_F1), { relax_column_count: true }) as string[][];
  const ids = table.findIndex((r) => r[0] === 'Series ID');
  if (ids !== 10) throw new Error(`${RBA_F1}: the "Series ID" row should be row 11, found ${ids + 1}`);
  const c = table[ids].indexOf('FIRMMCRTD');
  if (c !== 1 || table[1][c] !== 'Cash Rate Target') throw new Error(`${RBA_F1}: column 2 should be the cash rate target FIRMMCRTD`);
  const obs: Obs[] = [];
  for (const row of table.slice(ids + 1)) {
    if (row.every((x) => x.trim() === '')) continue;
    const d = dayMonYear(row[0], RBA_F1);
    if ((row[c] ?? '').trim() === '') continue;
    obs.push([d, policyRound(toNumber(row[c], `${RBA_F1} ${row[0]}`))]);
  }
  return tidy(RBA_F1, obs);
}

/** BoC Bank Rate, monthly (`date,rate`, first of the month): YYYY-MM → rate. */
function readBocBankRate(ctx: BuildContext): Map<string, number> {
  const table = parse(ctx.raw(BOC_BANK_RATE), { skip_empty_lines: true }) as string[][];
  if (table[0].join(',') !== 'date,rate') throw new Error(`${BOC_BANK_RATE}: unexpected header ${table[0].join(',')}`);
  return new Map(table.slice(1).map(([d, v]) => [d.slice(0, 7), toNumber(v, `${BOC_BANK_RATE} ${d}`)]));
}

// ---------------------------------------------------------------------------------------
// The banks
// ---------------------------------------------------------------------------------------

interface Built {
  id: string;
  rows: Obs[];
  /** Lines for the build log. */
  notes: string[];
}

const span = (rows: Obs[]) => `${rows[0][0]}..${rows[rows.length - 1][0]}`;

/** Days (calendar) where both have a value: how many, and the first that differs. */
function compareDaily(a: Obs[], b: Obs[]): { n: number; firstDiff?: string } {
  const m = new Map(a);
  let n = 0;
  for (const [d, v] of b) {
    const w = m.get(d);
    if (w === undefined) continue;
    n++;
    if (w !== v) return { n, firstDiff: `${d}: ${w} vs ${v}` };
  }
  return { n };
}

/** ECB: BIS D:XM 1999-01-01 to its end, then FRED ECBMRRFR; the two agree wherever ECBMRRFR has a value. */
function ecb(ctx: BuildContext, bis: BisSeries): Built {
  const xm = bisFrom('D:XM', bis, '1999-01-01');
  checkHoles('D:XM', xm, []);
  const fred = readEcbMrr(ctx);
  const blank = fred.blanks;
  if (blank.length !== 3031 || blank[0] !== '2000-06-28' || blank[blank.length - 1] !== '2008-10-14') {
    throw new Error(`${ECBMRRFR}: blank cells should be 2000-06-28..2008-10-14 (3,031), found ${blank.length} from ${blank[0]} to ${blank[blank.length - 1]}`);
  }
  const cmp = compareDaily(xm, fred.obs);
  if (cmp.firstDiff) throw new Error(`ecb_rate: BIS D:XM and ECBMRRFR differ on ${cmp.firstDiff}`);
  const bisEnd = xm[xm.length - 1][0];
  const obs = [...xm, ...fred.obs.filter(([d]) => d > bisEnd)];
  const rows = stepRows('ecb_rate', obs, '1999-01-01', fred.obs[fred.obs.length - 1][0]);
  expectStep('ecb_rate', rows, '2008-10-15', 4.25, 3.75);
  expectStep('ecb_rate', rows, '2011-07-13', 1.25, 1.5);
  expectStep('ecb_rate', rows, '2024-06-12', 4.5, 4.25);
  expectFromToEnd('ecb_rate', rows, '2025-06-11', 2.15);
  return {
    id: 'ecb_rate',
    rows,
    notes: [
      `BIS D:XM ${span(xm)}, then ECBMRRFR to ${fred.obs[fred.obs.length - 1][0]}; BIS and ECBMRRFR equal on all ${cmp.n} common days where ECBMRRFR has a value (blank 2000-06-28..2008-10-14, ${blank.length} days)`,
    ],
  };
}

/** Bank of England: the Bank Rate change list; checked against BIS D:GB (change dates and levels, 1997-06 to 2022-04). */
function boe(ctx: BuildContext, gb: BisSeries): Built {
  const list = readBoe(ctx);
  const rows = stepRows('boe_rate', list, list[0][0], list[list.length - 1][0]);
  // BIS changes (days with a value) against the list's changes, 1997-06-01..2022-04-30
  const bisMoves: string[] = [];
  for (let i = 1; i < gb.obs.length; i++) {
    const [d, v] = gb.obs[i];
    if (d >= '1997-06-01' && d <= '2022-04-30' && v !== gb.obs[i - 1][1]) bisMoves.push(`${d} ${v}`);
  }
  const listMoves = list.filter(([d]) => d >= '1997-06-01' && d <= '2022-04-30').map(([d, v]) => `${d} ${v}`);
  if (bisMoves.join('|') !== listMoves.join('|') || listMoves.length !== 53) {
    const diff = listMoves.find((x, i) => bisMoves[i] !== x) ?? bisMoves.find((x, i) => listMoves[i] !== x);
    throw new Error(`boe_rate: the Bank Rate list (${listMoves.length} changes) and BIS D:GB (${bisMoves.length}) differ 1997-06..2022-04, first at ${diff}`);
  }
  expectStep('boe_rate', rows, '2009-03-05', 1, 0.5);
  expectStep('boe_rate', rows, '2020-03-11', 0.75, 0.25);
  expectStep('boe_rate', rows, '2020-03-19', 0.25, 0.1);
  expectStep('boe_rate', rows, '2024-08-01', 5.25, 5);
  expectStep('boe_rate', rows, '2025-12-18', 4, 3.75);
  return {
    id: 'boe_rate',
    rows,
    notes: [`Bank Rate change list, ${list.length} changes ${list[0][0]}..${list[list.length - 1][0]}; change dates and levels equal BIS D:GB for all ${listMoves.length} changes 1997-06..2022-04`],
  };
}

function snb(ch: BisSeries): Built {
  const obs = bisFrom('D:CH', ch, '1990-01-01');
  checkHoles('D:CH', obs, []);
  const rows = stepRows('snb_rate', obs, '1990-01-01', obs[obs.length - 1][0]);
  expectStep('snb_rate', rows, '2000-01-03', 0.5, 1.75); // discount rate → target-range midpoint
  expectStep('snb_rate', rows, '2015-01-15', -0.25, -0.75);
  return { id: 'snb_rate', rows, notes: [`BIS D:CH ${span(obs)}`] };
}

/** BIS D:JP's documented stretches without a value ("no policy rate available"). */
const BOJ_HOLES: [string, string][] = [
  ['1999-02-12', '2000-08-10'],
  ['2001-03-19', '2006-03-08'],
  ['2013-04-04', '2016-09-20'],
];
/** The negative rate was decided on 2016-01-29 and applied from 2016-02-16; BIS shows it only from 2016-09-21. */
const BOJ_NEGATIVE: Obs = ['2016-02-16', -0.1];

function boj(jp: BisSeries): Built {
  const bis = bisFrom('D:JP', jp, '1990-01-01');
  checkHoles('D:JP', bis, BOJ_HOLES);
  const after = bis.find(([d]) => d > BOJ_HOLES[2][1]);
  const before = [...bis].reverse().find(([d]) => d < BOJ_HOLES[2][0]);
  if (!after || after[0] !== '2016-09-21' || after[1] !== -0.1 || before?.[1] !== 0.05) throw new Error('boj_rate: expected 0.05 before the 2013–2016 hole and −0.10 from 2016-09-21');
  const obs = tidy('boj_rate', [...bis, BOJ_NEGATIVE]);
  const rows = stepRows('boj_rate', obs, '1990-01-01', bis[bis.length - 1][0]);
  expectStep('boj_rate', rows, '2016-02-16', 0.05, -0.1);
  expectStep('boj_rate', rows, '2006-03-09', 0.15, 0);
  return {
    id: 'boj_rate',
    rows,
    notes: [
      `BIS D:JP ${span(bis)}; the last rate carried through the stretches without a policy rate (${BOJ_HOLES.map(([a, b]) => `${a}..${b}`).join(', ')}); −0.10 dated its effective date 2016-02-16 instead of BIS's 2016-09-21; the 2006-03-09 step 0.15 → 0 is the end of quantitative easing (a regime change), kept`,
    ],
  };
}

/** RBA: BIS D:AU from the target era (1990-01-23), rounded, then table F1; equal on all common days. */
function rba(ctx: BuildContext, au: BisSeries): Built {
  const bis = bisFrom('D:AU', au, '1990-01-23');
  checkHoles('D:AU', bis, []);
  const f1 = readRbaF1(ctx);
  const cmp = compareDaily(bis, f1);
  if (cmp.firstDiff || cmp.n < 2800) throw new Error(`rba_rate: BIS D:AU and RBA F1 differ (${cmp.firstDiff ?? `only ${cmp.n} common days`})`);
  const bisEnd = bis[bis.length - 1][0];
  const obs = [...bis, ...f1.filter(([d]) => d > bisEnd)];
  const rows = stepRows('rba_rate', obs, '1990-01-23', f1[f1.length - 1][0]);
  expectStep('rba_rate', rows, '2008-09-03', 7.25, 7);
  expectStep('rba_rate', rows, '2025-02-19', 4.35, 4.1);
  expectStep('rba_rate', rows, '2026-02-04', 3.6, 3.85);
  return {
    id: 'rba_rate',
    rows,
    notes: [`BIS D:AU ${span(bis)} (rounded to 2 decimals), then RBA F1 FIRMMCRTD to ${f1[f1.length - 1][0]}; equal on all ${cmp.n} common days (from ${f1[0][0]})`],
  };
}

function rbnz(nz: BisSeries): Built {
  const obs = bisFrom('D:NZ', nz, '1999-03-17');
  checkHoles('D:NZ', obs, []);
  const rows = stepRows('rbnz_rate', obs, '1999-03-17', obs[obs.length - 1][0]);
  if (rows[0][1] !== 4.5) throw new Error(`rbnz_rate: the OCR should start at 4.50 on 1999-03-17, found ${rows[0][1]}`);
  expectStep('rbnz_rate', rows, '2008-07-24', 8.25, 8);
  expectStep('rbnz_rate', rows, '2020-03-17', 1, 0.25);
  return { id: 'rbnz_rate', rows, notes: [`BIS D:NZ ${span(obs)}`] };
}

/** BoC: BIS D:CA from 1996-02-22; against the BoC Bank Rate (target + 0.25) at month ends since 1996-03. */
function boc(ctx: BuildContext, ca: BisSeries): Built {
  const obs = bisFrom('D:CA', ca, '1996-02-22');
  checkHoles('D:CA', obs, []);
  const rows = stepRows('boc_rate', obs, '1996-02-22', obs[obs.length - 1][0]);
  const bank = readBocBankRate(ctx);
  const monthLast = new Map<string, number>();
  for (const [d, v] of rows) monthLast.set(d.slice(0, 7), v);
  let n = 0;
  let same = 0;
  // the last month counts if the series reaches its last business day (2022-04-29 is one)
  const end = rows[rows.length - 1][0];
  let next = addDays(end, 1);
  while (weekday(next) === 0 || weekday(next) === 6) next = addDays(next, 1);
  const lastFull = next.slice(0, 7) !== end.slice(0, 7) ? end.slice(0, 7) : addDays(`${end.slice(0, 7)}-01`, -1).slice(0, 7);
  for (const [m, v] of monthLast) {
    if (m < '1996-03' || m > lastFull) continue;
    const b = bank.get(m);
    if (b === undefined) continue;
    n++;
    if (Math.abs(b - (v + 0.25)) < 1e-9) same++;
  }
  if (same < 300) throw new Error(`boc_rate: the BoC Bank Rate equals the month-end target + 0.25 in only ${same} of ${n} months`);
  expectStep('boc_rate', rows, '2020-03-04', 1.75, 1.25);
  expectStep('boc_rate', rows, '2015-01-21', 1, 0.75);
  return {
    id: 'boc_rate',
    rows,
    notes: [`BIS D:CA ${span(obs)}; the BoC Bank Rate (V122530, monthly) equals the month-end target + 0.25 in ${same} of ${n} months 1996-03..${lastFull}`],
  };
}

/** Writes the seven policy-rate files and logs their ranges and number of moves. */
export function buildPolicyRates(ctx: BuildContext): void {
  const bis = readBis(ctx, ['D:XM', 'D:GB', 'D:CH', 'D:JP', 'D:AU', 'D:NZ', 'D:CA']);
  const built = [
    ecb(ctx, bis.get('D:XM')!),
    boe(ctx, bis.get('D:GB')!),
    snb(bis.get('D:CH')!),
    boj(bis.get('D:JP')!),
    rba(ctx, bis.get('D:AU')!),
    rbnz(bis.get('D:NZ')!),
    boc(ctx, bis.get('D:CA')!),
  ];
  for (const b of built) {
    ctx.writeTable(`${b.id}.csv`, ['date', 'value'], b.rows.map(([d, v]) => [d, exact(v)]));
    const m = moves(b.rows);
    ctx.note(`${b.id}: ${b.rows.length} business days ${span(b.rows)}, ${m.length} moves (${m.filter(([, p, v]) => v < p).length} down, ${m.filter(([, p, v]) => v > p).length} up); ${b.notes.join('; ')}`);
  }
}

// ---------------------------------------------------------------------------------------
// Catalog
// ---------------------------------------------------------------------------------------

const DAILY = 'one row per business day (Monday to Friday), the rate in force carried forward between changes; dates are effective dates';

function rate(id: string, source: string, description: string): CatalogEntry {
  return {
    id,
    file: `${id}.csv`,
    column: 'value',
    kind: 'rate',
    frequency: 'daily',
    units: 'percent per year',
    publication: { rule: 'close' },
    source,
    maxStaleDays: 10,
    description,
  };
}

/** The seven policy-rate entries. */
export function policyRateEntries(): CatalogEntry[] {
  const bis = (code: string) => `BIS central bank policy rates (WS_CBPOL) ${code}, daily (Source: BIS; figures from the central bank); copy: ${BIS_COPY}`;
  return [
    rate(
      'ecb_rate',
      `${bis('D:XM')} to 2022-05-02; then ECB main refinancing operations fixed rate, FRED ECBMRRFR (ECB via FRED), copy: GitHub EoinB2001/Unemployment_Prediction_Ireland, ECBMRRFR.csv`,
      `ECB main refinancing operations rate, percent per year: the fixed rate, or the minimum bid rate of the variable-rate tenders 2000-06-28 to 2008-10-14 (BIS; FRED's fixed-rate series is blank then); ${DAILY}; 1999-01-01 to 2026-04-16`,
    ),
    rate(
      'boe_rate',
      'Bank of England, Bank Rate history (change list, Bank of England Database); copy: GitHub AhZet/Individual_project, "Bank Rate history and data  Bank of England Database.csv"; checked against BIS WS_CBPOL D:GB (Source: BIS)',
      `Bank of England official rate as the Bank lists it, percent per year: minimum lending rate to 1981, the minimum band 1 dealing rate to 1997-05-05, the repo rate to 2006-08-02, Bank Rate since; ${DAILY}; 1975-01-20 to 2025-12-18 (the list's last change)`,
    ),
    rate(
      'snb_rate',
      `${bis('D:CH')}; Swiss National Bank`,
      `Swiss National Bank policy rate, percent per year, with two definition changes: the discount rate to 1999-12-31, the midpoint of the SNB's 3-month Libor target range from 2000-01-01 (the step 0.50 → 1.75 on 2000-01-03 is the change of definition, not a hike), the SNB policy rate from 2019-06-13; midpoints such as 0.375 are kept exact; ${DAILY}; 1990-01-01 to 2022-05-02 (the BIS copy ends there: the 2024 cuts are missing)`,
    ),
    rate(
      'boj_rate',
      `${bis('D:JP')}; Bank of Japan`,
      `Bank of Japan policy rate, percent per year: the official discount rate to 1998-09-08, then the guideline for the uncollateralized overnight call rate, then the short-term policy interest rate. BIS has no value when the Bank set no rate target (1999-02-12..2000-08-10 zero-rate policy, 2001-03-19..2006-03-08 quantitative easing, 2013-04-04..2016-09-20 QQE): the last rate is carried through, so the first two show 0.25 and 0.15 although the call rate was near zero (the 1999 move to zero and the 2000-08-11 return to 0.25 are not visible); −0.10 is dated its effective date 2016-02-16 (decided 2016-01-29) instead of BIS's 2016-09-21; the step 0.15 → 0 on 2006-03-09 is the end of quantitative easing, a regime change rather than a cut; ${DAILY}; 1990-01-01 to 2022-05-02`,
    ),
    rate(
      'rba_rate',
      `${bis('D:AU')} to 2022-04-29; then Reserve Bank of Australia statistical table F1, cash rate target FIRMMCRTD (CC BY 4.0), copy: GitHub CrypticPh0enix/australian-housing-affordability, data/cash_rate.csv`,
      `Reserve Bank of Australia cash rate target, percent per year: the middle of the target range from 1990-01-23, the target from 1990-08-02 (before 1990-01-23 BIS has the interbank rate, a different definition, left out); BIS round-off artefacts such as 5.5007 rounded to 2 decimals; ${DAILY}; 1990-01-23 to 2026-02-26`,
    ),
    rate(
      'rbnz_rate',
      `${bis('D:NZ')}; Reserve Bank of New Zealand`,
      `Reserve Bank of New Zealand official cash rate (OCR), percent per year, from its introduction on 1999-03-17 (before it BIS has the overnight cash rate, a different definition, left out); ${DAILY}; 1999-03-17 to 2022-04-27`,
    ),
    rate(
      'boc_rate',
      `${bis('D:CA')}; Bank of Canada; checked against the BoC Bank Rate (Valet V122530, monthly), copy: GitHub k1monfared/mortgage_rate_tracker, data/boc_policy_rate.csv`,
      `Bank of Canada target for the overnight rate, percent per year, from 1996-02-22, when the Bank Rate became the target + 0.25 (before it BIS has the Bank Rate, then a weekly-moving target: left out); ${DAILY}; 1996-02-22 to 2022-04-29`,
    ),
  ];
}
