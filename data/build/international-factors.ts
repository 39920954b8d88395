/**
 * Regional Fama/French factors (Kenneth R. French Data Library, Bloomberg-based regional files):
 * one CSV per region, `date,mkt_rf,smb,hml,rf,small,large`, monthly, fractions per month, rows
 * dated the month's last calendar day, and the catalog entries and universes that use them.
 *
 * `small` and `large` are synthetic legs, the region's market return plus and minus half of SMB
 * (small = RF + Mkt-RF + SMB/2, large = RF + Mkt-RF − SMB/2), so that small − large is exactly
 * SMB and a small-vs-large universe of a region runs on French's size factor. They are not
 * investable portfolios.
 *
 * Checks (the build stops on failure): the vintage on each file's first line; the monthly block
 * runs from 1990-07 without a missing month and no cell is French's -99.99; Europe Mkt-RF is
 * −22.02 % in 2008-10 and −15.44 % in 2020-03; the Developed SMB equals SMB rebuilt from the
 * Developed 6 portfolios on size and book-to-market (value weighted, 202404 vintage):
 * correlation > 0.999, mean absolute difference < 0.01 percentage points.
 */
import type { CatalogEntry, Publication, UniverseSpec } from '../../engine/core/types.js';
import { agreement, exact, lines, monthEnd, pctToFraction, toNumber, type BuildContext } from './context.js';

interface Region {
  /** Id prefix, file suffix and universe region id. */
  id: string;
  /** Name in descriptions. */
  name: string;
  /** What French's region covers. */
  covers: string;
  /** Raw file, relative to the raw folder. */
  rel: string;
  /** GitHub copy (owner/repository, path), for the source line. */
  copy: string;
  /** French's file name, for the source line. */
  title: string;
  vintage: string;
  /** 3 or 5 factors: the 5-factor file's SMB is the mean over the B/M, OP and INV sorts. */
  factors: 3 | 5;
}

export const REGIONS: Region[] = [
  {
    id: 'europe',
    name: 'Europe',
    covers: '16 developed European countries, including the UK, Switzerland and the Nordics',
    rel: 'keitavigano_stoxx600/Europe_3_Factors.csv',
    copy: 'keitaVigano/skewness-enhanced-momentum_STOXX600, Europe_3_Factors.csv',
    title: 'Europe 3 Factors',
    vintage: '202504',
    factors: 3,
  },
  {
    id: 'japan',
    name: 'Japan',
    covers: 'Japan',
    rel: 'risox_macro_finance/Japan_3_Factors.csv',
    copy: 'Risox/macro_finance, Japan_3_Factors.csv',
    title: 'Japan 3 Factors',
    vintage: '202503',
    factors: 3,
  },
  {
    id: 'apxj',
    name: 'Asia Pacific ex Japan',
    covers: 'Australia, New Zealand, Hong Kong and Singapore',
    rel: 'eisa23x_finalprojectemi/Asia_Pacific_ex_Japan_3_Factors.csv',
    copy: 'eisa23x/finalprojectemi, Asia_Pacific_ex_Japan_3_Factors.csv',
    title: 'Asia Pacific ex Japan 3 Factors',
    vintage: '202509',
    factors: 3,
  },
  {
    id: 'na',
    name: 'North America',
    covers: 'the US and Canada',
    rel: 'zhangzijie_qf5207/North_America_5_Factors.csv',
    copy: 'zhangzijie-lab/QF5207, North_America_5_Factors.csv',
    title: 'North America 5 Factors (2x3)',
    vintage: '202005',
    factors: 5,
  },
  {
    id: 'developed',
    name: 'Developed',
    covers: '23 developed markets',
    rel: 'mscmsc-ops_big_data/Developed_3_Factors.csv',
    copy: 'mscmsc-ops/Big_data, Developed_3_Factors.csv',
    title: 'Developed 3 Factors',
    vintage: '202512',
    factors: 3,
  },
];

const DEVELOPED_6 = 'preksha1104_warwick/Developed_6_Portfolios_ME_BE-ME.csv';
const DEVELOPED_6_VINTAGE = '202404';
const DEVELOPED_6_HEADER = ',SMALL LoBM,ME1 BM2,SMALL HiBM,BIG LoBM,ME2 BM2,BIG HiBM';
/** Every regional file starts with Bloomberg's coverage. */
const FIRST_MONTH = '199007';
/** Documented known months of Europe Mkt-RF (percent), identical in three independent vintages. */
const EUROPE_KNOWN: [string, number][] = [
  ['200810', -22.02],
  ['202003', -15.44],
];
/** Thresholds of the Developed SMB rebuild (README section 7.1 reports correlation 1.0000, 0.004 pp). */
const REBUILD = { corr: 0.999, mad: 0.01 };

export const COLUMNS = ['mkt_rf', 'smb', 'hml', 'rf', 'small', 'large'];

/** The file a region is written to. */
export const regionFile = (id: string): string => `intl_${id}.csv`;

/** The "created using the YYYYMM Bloomberg database" vintage on a regional file's first line. */
function bloombergVintage(ctx: BuildContext, rel: string): string {
  const m = /created using the (\d{6}) Bloomberg database/.exec(lines(ctx.raw(rel))[0]);
  if (!m) throw new Error(`${rel}: the first line does not name its Bloomberg vintage`);
  return m[1];
}

/**
 * The monthly block of a French file: the rows after the header line `header`, keyed YYYYMM
 * (keys padded with spaces), up to the "Annual Factors" block. Cells in percent; a cell of
 * -99.99 (French's missing value) drops its month and is counted.
 */
function monthlyBlock(ctx: BuildContext, rel: string, header: string, width: number, annualBlock = true): { rows: [string, number[]][]; missing: string[] } {
  const all = lines(ctx.raw(rel));
  const at = all.findIndex((l) => l.replace(/\s+/g, '') === header);
  if (at < 0) throw new Error(`${rel}: header "${header}" not found`);
  const annual = all.findIndex((l, i) => i > at && /Annual Factors/.test(l));
  const end = annual < 0 ? all.length : annual;
  if (annualBlock && annual < 0) throw new Error(`${rel}: no "Annual Factors" block after the monthly one`);
  const rows: [string, number[]][] = [];
  const missing: string[] = [];
  for (let i = at + 1; i < end; i++) {
    const cells = all[i].split(',').map((c) => c.trim());
    if (!/^\d{6}$/.test(cells[0])) {
      if (cells.join('') === '') break; // the blank line that ends the block
      throw new Error(`${rel}:${i + 1}: unexpected line in the monthly block: ${all[i]}`);
    }
    const values = cells.slice(1).map((c) => toNumber(c, `${rel}:${i + 1}`));
    if (values.length !== width) throw new Error(`${rel}:${i + 1}: ${values.length} cells, expected ${width}`);
    if (values.some((v) => v <= -99.99)) {
      missing.push(cells[0]);
      continue;
    }
    rows.push([cells[0], values]);
  }
  if (rows.length === 0) throw new Error(`${rel}: empty monthly block`);
  return { rows, missing };
}

/** Throws unless YYYYMM keys run month by month without a hole. */
function checkContiguous(what: string, keys: string[]): void {
  for (let i = 1; i < keys.length; i++) {
    const [y0, m0] = [Number(keys[i - 1].slice(0, 4)), Number(keys[i - 1].slice(4))];
    const [y1, m1] = [Number(keys[i].slice(0, 4)), Number(keys[i].slice(4))];
    if (y1 * 12 + m1 !== y0 * 12 + m0 + 1) throw new Error(`${what}: month missing between ${keys[i - 1]} and ${keys[i]}`);
  }
}

/** SMB rebuilt from the Developed 6 portfolios (value weighted, monthly): mean of the small three − mean of the big three, percent. */
function developedSmbRebuilt(ctx: BuildContext): Map<string, number> {
  const vintage = bloombergVintage(ctx, DEVELOPED_6);
  if (vintage !== DEVELOPED_6_VINTAGE) throw new Error(`${DEVELOPED_6}: vintage ${vintage}, expected ${DEVELOPED_6_VINTAGE}`);
  const all = lines(ctx.raw(DEVELOPED_6));
  const title = all.findIndex((l) => l.trim() === 'Average Value Weighted Returns -- Monthly');
  if (title !== 19 || all[title + 1].replace(/\s+$/, '') !== DEVELOPED_6_HEADER) {
    throw new Error(`${DEVELOPED_6}: the value-weighted monthly table should start on line 20 with the header ${DEVELOPED_6_HEADER}`);
  }
  const { rows, missing } = monthlyBlock(ctx, DEVELOPED_6, DEVELOPED_6_HEADER.replace(/\s+/g, ''), 6, false);
  if (missing.length) throw new Error(`${DEVELOPED_6}: missing values (-99.99) in ${missing.join(', ')}`);
  checkContiguous(DEVELOPED_6, rows.map((r) => r[0]));
  if (rows[0][0] !== FIRST_MONTH || rows[rows.length - 1][0] !== '202404') throw new Error(`${DEVELOPED_6}: expected 199007..202404, found ${rows[0][0]}..${rows[rows.length - 1][0]}`);
  return new Map(rows.map(([k, c]) => [k, (c[0] + c[1] + c[2]) / 3 - (c[3] + c[4] + c[5]) / 3]));
}

/**
 * Writes `intl_<region>.csv` for every region and checks them; returns nothing (the catalog
 * entries are static: see internationalFactorEntries).
 */
export function buildInternationalFactors(ctx: BuildContext): void {
  const smbByRegion = new Map<string, Map<string, number>>();
  const spans: string[] = [];
  for (const r of REGIONS) {
    const vintage = bloombergVintage(ctx, r.rel);
    if (vintage !== r.vintage) throw new Error(`${r.rel}: vintage ${vintage}, expected ${r.vintage}`);
    const header = r.factors === 3 ? ',Mkt-RF,SMB,HML,RF' : ',Mkt-RF,SMB,HML,RMW,CMA,RF';
    const { rows, missing } = monthlyBlock(ctx, r.rel, header, r.factors === 3 ? 4 : 6);
    if (missing.length) throw new Error(`${r.rel}: French's missing value -99.99 in ${missing.join(', ')} (none expected)`);
    const keys = rows.map((x) => x[0]);
    if (keys[0] !== FIRST_MONTH) throw new Error(`${r.rel}: starts ${keys[0]}, expected ${FIRST_MONTH}`);
    if (keys[keys.length - 1] !== r.vintage) throw new Error(`${r.rel}: ends ${keys[keys.length - 1]}, expected its vintage month ${r.vintage}`);
    checkContiguous(r.rel, keys);
    const out: string[][] = [];
    for (const [k, cells] of rows) {
      const [mktRf, smb, hml, rf] = r.factors === 3 ? cells : [cells[0], cells[1], cells[2], cells[5]];
      // the cells have 2 decimals, so the legs have at most 3: rounding to 6 removes binary noise (a leg of 0 stays 0)
      const market = rf + mktRf;
      const legs = [market + smb / 2, market - smb / 2].map((x) => Number(x.toFixed(6)));
      out.push([monthEnd(k), ...[mktRf, smb, hml, rf, ...legs].map((v) => exact(pctToFraction(v)))]);
    }
    // the legs' difference is SMB to floating-point precision
    for (const row of out) {
      const [smb, small, large] = [Number(row[2]), Number(row[5]), Number(row[6])];
      if (Math.abs(small - large - smb) > 1e-12) throw new Error(`${regionFile(r.id)}: small − large differs from SMB on ${row[0]}`);
    }
    ctx.writeTable(regionFile(r.id), ['date', ...COLUMNS], out);
    smbByRegion.set(r.id, new Map(rows.map(([k, c]) => [k, c[1]])));
    spans.push(`${regionFile(r.id)} ${out.length} months ${out[0][0].slice(0, 7)}..${out[out.length - 1][0].slice(0, 7)} (${r.vintage}, ${r.factors}F)`);
    if (r.id === 'europe') {
      const mkt = new Map(rows.map(([k, c]) => [k, c[0]]));
      for (const [k, v] of EUROPE_KNOWN) if (mkt.get(k) !== v) throw new Error(`${r.rel}: Mkt-RF ${k} is ${mkt.get(k)}, documented ${v}`);
    }
  }
  const rebuilt = developedSmbRebuilt(ctx);
  const a = agreement(rebuilt, smbByRegion.get('developed')!);
  if (!(a.corr > REBUILD.corr) || !(a.mad < REBUILD.mad)) {
    throw new Error(`intl_developed: SMB rebuilt from the 6 portfolios agrees only to correlation ${a.corr.toFixed(5)}, mean absolute difference ${a.mad.toFixed(4)} pp`);
  }
  ctx.note(`international factors: ${spans.join('; ')}; percent → fraction; small/large = RF + Mkt-RF ± SMB/2 (synthetic legs, small − large = SMB)`);
  ctx.note(
    `international factors check: Developed SMB (202512) vs SMB rebuilt from the Developed 6 portfolios (202404, value weighted, mean of the three small − mean of the three big) over ${a.n} months: ` +
      `correlation ${a.corr.toFixed(5)}, mean absolute difference ${a.mad.toFixed(4)} pp, largest ${a.max.toFixed(2)} pp; ` +
      `Europe Mkt-RF ${EUROPE_KNOWN.map(([k, v]) => `${k.slice(0, 4)}-${k.slice(4)} ${v.toFixed(2)} %`).join(', ')} as documented`,
  );
}

const FRENCH_LAG: Publication = { rule: 'months', n: 1 };
const CLOSE: Publication = { rule: 'close' };
const USE = 'published with a lag (about five weeks after the month) and revised with every vintage';

function source(r: Region): string {
  return `Kenneth R. French Data Library, ${r.title}, monthly, ${r.vintage} Bloomberg vintage (Fama and French); copy: GitHub ${r.copy}`;
}

/** Six entries per region: the four factors (ex-post, lagged) and the two synthetic legs (returns, known at the close). */
export function internationalFactorEntries(): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  for (const r of REGIONS) {
    const where = `${r.name} (${r.covers}), in US dollars, monthly, dated the month end, ${FIRST_MONTH.slice(0, 4)}-${FIRST_MONTH.slice(4)} to ${r.vintage.slice(0, 4)}-${r.vintage.slice(4)}`;
    const smb5 = r.factors === 5 ? ' (the 5-factor SMB)' : '';
    const columns: [string, Publication, string][] = [
      ['mkt_rf', FRENCH_LAG, `Market excess return Mkt-RF of ${where}; ${USE}`],
      [
        'smb',
        FRENCH_LAG,
        r.factors === 5
          ? `Size factor SMB (small minus big), 5-factor version: the mean of the size legs of the 2 x 3 sorts on book-to-market, profitability and investment with the region's own size breakpoints (not the 3-factor SMB), of ${where}; ${USE}`
          : `Size factor SMB (small minus big, 2 x 3 sorts on size and book-to-market with the region's own size breakpoints) of ${where}; ${USE}`,
      ],
      ['hml', FRENCH_LAG, `Value factor HML (high minus low book-to-market) of ${where}; ${USE}`],
      ['rf', FRENCH_LAG, `RF of the ${r.name} factor file: the US one-month T-bill return, monthly, dated the month end; ${USE}`],
      [
        'small',
        CLOSE,
        `${r.name} small leg (synthetic): the region's market return RF + Mkt-RF plus half of SMB${smb5}, so that ${r.id}_small − ${r.id}_large = ${r.id}_smb exactly; not an investable portfolio; ${where}`,
      ],
      [
        'large',
        CLOSE,
        `${r.name} large leg (synthetic): the region's market return RF + Mkt-RF minus half of SMB${smb5}; not an investable portfolio; ${where}`,
      ],
    ];
    for (const [col, publication, description] of columns) {
      out.push({
        id: `${r.id}_${col}`,
        file: regionFile(r.id),
        column: col,
        kind: 'return',
        frequency: 'monthly',
        units: 'fraction per month',
        publication,
        source: source(r),
        maxStaleDays: 70,
        description,
      });
    }
  }
  return out;
}

/** The international small-vs-large universes: one region's synthetic legs, annotated with one central bank's policy rate. */
export function internationalUniverses(): UniverseSpec[] {
  const u = (id: string, region: string, policy: string, bank: string): UniverseSpec => {
    const r = REGIONS.find((x) => x.id === region)!;
    return {
      id,
      description:
        `Fama/French ${r.name} small vs large legs (${region}_small, ${region}_large: the region's market ± half of SMB${r.factors === 5 ? ' (5-factor SMB)' : ''}, synthetic, in US dollars), ${r.vintage} vintage, monthly, ` +
        `${FIRST_MONTH.slice(0, 4)}-${FIRST_MONTH.slice(4)} to ${r.vintage.slice(0, 4)}-${r.vintage.slice(4)}; cycles of ${bank}`,
      assets: [`${region}_small`, `${region}_large`],
      small: `${region}_small`,
      large: `${region}_large`,
      policy,
      region,
      cash: 'cash',
      frequency: 'monthly',
      align: 'intersection',
    };
  };
  return [
    u('europe-ecb', 'europe', 'ecb_rate', "the ECB's main refinancing operations rate (ecb_rate, 1999-01 to 2026-04)"),
    u('europe-boe', 'europe', 'boe_rate', "the Bank of England's Bank Rate (boe_rate, 1975-01 to 2025-12)"),
    u('europe-snb', 'europe', 'snb_rate', "the Swiss National Bank's policy rate (snb_rate: discount rate to 1999, then the target-range midpoint; 1990-01 to 2022-05)"),
    u('japan-boj', 'japan', 'boj_rate', "the Bank of Japan's policy rate (boj_rate: discount rate, then call-rate targets; 1990-01 to 2022-05)"),
    u('apxj-rba', 'apxj', 'rba_rate', "the Reserve Bank of Australia's cash rate target (rba_rate, 1990-01 to 2026-02)"),
    u('apxj-rbnz', 'apxj', 'rbnz_rate', "the Reserve Bank of New Zealand's official cash rate (rbnz_rate, 1999-03 to 2022-04)"),
    u('na-boc', 'na', 'boc_rate', "the Bank of Canada's overnight rate target (boc_rate, 1996-02 to 2022-04)"),
  ];
}
