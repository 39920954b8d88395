/**
 * The contracts every part of ratecycle meets at. Units: rates and returns are
 * fractions (0.05 = 5 %), never percent, unless a name says otherwise; dates are
 * whole days since 1970-01-01 (UTC) stored in Int32Array.
 */

/** How often a series is observed. */
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'annual' | 'irregular';

/** What a series measures. */
export type SeriesKind = 'price' | 'return' | 'rate' | 'indicator' | 'event';

/**
 * When a value dated t becomes known (its publication date), as a rule:
 * - `close`: at the close of the date itself (market prices, FOMC announcements);
 * - `business-days`: `n` Federal Reserve business days (weekdays that are not Federal Reserve
 *   holidays, see engine/market/holidays.ts) after the date (e.g. H.15 effective funds rate: 1);
 * - `calendar-days`: `n` calendar days after the date;
 * - `next-month-business-day`: the n-th business day (as above) of the month after the reference month
 *   (ISM PMI: n = 1);
 * - `next-month-day`: day `n` of the month after the reference month (CPI: ~15);
 * - `months`: `n` months after the end of the reference month (ex-post series such as USREC);
 * - `column`: each row carries its own publication date (ISO) in `column`, e.g. the release
 *   date of a first-release ISM value; it must not precede the row's date.
 */
export type Publication =
  | { rule: 'close' }
  | { rule: 'business-days'; n: number }
  | { rule: 'calendar-days'; n: number }
  | { rule: 'next-month-business-day'; n: number }
  | { rule: 'next-month-day'; n: number }
  | { rule: 'months'; n: number }
  | { rule: 'column'; column: string };

/** One entry of a data catalog (`catalog.json`). */
export interface CatalogEntry {
  /** Series id, e.g. `rut`. */
  id: string;
  /** CSV file name relative to the catalog's folder. */
  file: string;
  /** Value column in the CSV (the date column is always `date`). */
  column: string;
  kind: SeriesKind;
  frequency: Frequency;
  /** Units of the stored values, e.g. `index points`, `fraction per month`, `percent per year`. */
  units: string;
  /** When an observation dated t becomes known. */
  publication: Publication;
  /** Human-readable source (publisher and copy). */
  source: string;
  /** Longest gap, in calendar days, over which the value may be carried forward before it is stale. */
  maxStaleDays?: number;
  /** One-line description. */
  description?: string;
  /** Extra columns (event tables such as `fomc`). */
  columns?: string[];
  /** First observation (`YYYY-MM-DD`) that is a first release, as published then; earlier ones are revised values. */
  firstReleaseFrom?: string;
  /** For price and return series: `price` (no dividends) or `total` (dividends reinvested); see returnBasis. */
  basis?: 'price' | 'total';
  /** Where `ratecycle data update` fetches newer values: a FRED series id, a Stooq symbol or a column of a Kenneth French file. */
  update?: { source: 'fred' | 'stooq'; id: string } | FrenchUpdate;
}

/**
 * A series of Kenneth R. French's data library (`"update": { "source": "french", … }` of a
 * catalog entry): one column, or a weighted sum of columns, of one table of one of French's files.
 */
export interface FrenchUpdate {
  source: 'french';
  /** The zip's base name on French's site: `F-F_Research_Data_5_Factors_2x3` for `…/ftp/F-F_Research_Data_5_Factors_2x3_CSV.zip`. */
  id: string;
  /** Title of the table (`Average Value Weighted Returns -- Monthly`); default: the file's first table of the entry's frequency (rows keyed YYYYMM for monthly, YYYYMMDD for daily). */
  table?: string;
  /** French's column name (`SMB`, `Lo 30`); exactly one of `column` and `sum`. */
  column?: string;
  /** A weighted sum of columns, added in the order written: `{ "RF": 1, "Mkt-RF": 1, "SMB": 0.5 }`; rounded to 6 decimals in the file's units. */
  sum?: Record<string, number>;
  /** `percent` (default): French's percent → fraction, rounded to 12 significant digits; `none`: as printed. */
  convert?: 'percent' | 'none';
}

/** A catalog: every series that a data folder offers, plus named universes. */
export interface Catalog {
  /** Folder the catalog was read from (absolute). */
  dir: string;
  series: CatalogEntry[];
  universes: UniverseSpec[];
  /**
   * Shipped series and universes that cannot be used here, with the reason: files left out of
   * the npm package because their source's terms do not allow redistribution (add your own
   * copy with `ratecycle data add`), and universes that need them.
   */
  unavailable?: { series: Record<string, string>; universes: Record<string, string> };
  /** Ids of the series and universes declared by a user catalog that extends the shipped one. */
  own?: { series: string[]; universes: string[] };
  /** The universe commands use when none is named (`"defaultUniverse"` in catalog.json); see `defaultUniverse()`. */
  defaultUniverse?: string;
}

/** A named set of assets with the calendar they trade on. */
export interface UniverseSpec {
  id: string;
  description: string;
  /** Asset series ids (kind `price` or `return`), small caps first by convention. */
  assets: string[];
  /** Role of each asset for reports: which one is "small" and which one "large". */
  small: string;
  large: string;
  /** Optional third role: the asset playing "bonds" (e.g. `bonds` in `ff-bonds`). */
  bonds?: string;
  /**
   * The central bank whose cycles annotate the universe: a daily policy-rate series (kind `rate`,
   * a step series whose changes are the bank's moves at their effective dates). Without it, the
   * Fed's (fed_target, fed_funds before it, and the FOMC decisions).
   */
  policy?: string;
  /** The region its small − large series belongs to (`us` when absent): universes of one region share one spread and are not independent samples. */
  region?: string;
  /** Series id giving the cash return (kind `return`, same or finer frequency). */
  cash: string;
  /** Calendar frequency of the universe. */
  frequency: 'daily' | 'monthly';
  /** How asset dates are aligned: `intersection` keeps dates where every asset has a value. */
  align: 'intersection';
}

/** A loaded time series. Values are in the catalog's units. */
export interface Series {
  id: string;
  /** Observation dates, days since 1970-01-01, strictly ascending. */
  dates: Int32Array;
  values: Float64Array;
  meta: CatalogEntry;
  /** Publication day of each observation, when the catalog gives them per row (rule `column`). */
  published?: Int32Array;
}

/** One FOMC policy decision (a change of the target or target range). */
export interface FomcDecision {
  /** Decision (announcement) date, days since epoch. */
  date: number;
  /** Target before and after, percent per year (upper bound of the range after 2008-12-16). */
  previous: number;
  target: number;
  /** Change in basis points (positive = hike). */
  changeBp: number;
  /** `meeting` (a listed FOMC meeting or call), `unscheduled` (known unscheduled meeting), or `inter-meeting` (no meeting on record). */
  type: 'meeting' | 'unscheduled' | 'inter-meeting';
  /** Date the target series changed (effective date), days since epoch. */
  effective: number;
}

/** Fed policy phase of a bar: easing (cutting), tightening (hiking) or hold. */
export const Phase = { Tightening: -1, Hold: 0, Easing: 1 } as const;
/** One of the Phase values. */
export type Phase = (typeof Phase)[keyof typeof Phase];

/** A policy cycle: a run of same-direction moves. */
export interface FedCycle {
  /** 1-based cycle number in order of start. */
  id: number;
  direction: 'easing' | 'tightening';
  /** Date of the first move, days since epoch. */
  start: number;
  /** Date of the last move of the cycle, days since epoch. */
  end: number;
  /** Number of moves and total change in basis points. */
  moves: number;
  changeBp: number;
  /** Date at which the cycle was known to have started (the move that confirmed the turn). */
  confirmed: number;
}

/** Fed policy annotation of a calendar: one value per bar. */
export interface FedFrame {
  /** Policy rate known at each bar's close, percent per year. */
  policyRate: Float64Array;
  /** Phase at each bar (see {@link Phase}). */
  phase: Int8Array;
  /** Id of the easing or tightening cycle the bar belongs to (0 = none). */
  cycleId: Int32Array;
  /** 1 on the first bar on or after the first cut of an easing cycle. */
  firstCut: Uint8Array;
  /** Bars since the most recent first cut (NaN before the first one, and when it became known before the data's first bar). */
  barsSinceFirstCut: Float64Array;
  /** Calendar months since the most recent first cut (fractional; NaN before the first one). */
  monthsSinceFirstCut: Float64Array;
  /** 1 on the first bar on or after any cut; -1 on or after any hike; 0 otherwise. */
  move: Int8Array;
  /** Cycles known at the frame's last close (a running cycle shows only the moves made by then). */
  cycles: FedCycle[];
  /** Policy-rate moves known at the frame's last close, the input of the cycle detection. */
  moves: PolicyMove[];
  /** Cycle-detection threshold used, percentage points (cycles are re-detected from `moves` when the frame is cut). */
  threshold: number;
  /** Days without a move after which a move in the cycle's direction starts a new cycle, when that rule was asked for (see detectCycles). */
  resumeDays?: number;
}

/** A change of the policy rate known from `date`'s close (percent per year). */
export interface PolicyMove {
  date: number;
  previous: number;
  rate: number;
}

/**
 * A point-in-time market frame: one calendar, asset returns, and every other series
 * as known at each bar's close. Read-only after construction.
 */
export interface Market {
  universe: string;
  frequency: 'daily' | 'monthly';
  /** Bars per year measured from the calendar (e.g. ~252 for daily, 12 for monthly). */
  periodsPerYear: number;
  /** Bar dates (the close), days since epoch; length T. */
  dates: Int32Array;
  /** Asset ids, in column order. */
  assets: string[];
  /** Which asset plays "small" and "large" for analytics. */
  small: string;
  large: string;
  /** The asset playing "bonds", when the universe has one. */
  bonds?: string;
  /** Total (or price) index per asset, starting at the first value; length T each. */
  prices: Record<string, Float64Array>;
  /** Simple return per bar close-to-close, fraction; index 0 is 0. */
  returns: Record<string, Float64Array>;
  /** Cash return earned over bar t (from close t−1 to close t), fraction; index 0 is 0. */
  cash: Float64Array;
  /** Every other series as known at each bar's close (NaN before first publication). */
  series: Record<string, Float64Array>;
  /** Fed policy annotation. */
  fed: FedFrame;
  /** FOMC decisions known at the frame's last close. */
  fomc: FomcDecision[];
  /** Content hashes (sha256) of the data files used, by file name. */
  dataHashes: Record<string, string>;
  /** Data caveats found while building the frame (stale series, gaps), one line each. */
  warnings: string[];
  /** False when the catalog has no Fed series (policy rate, funds rate, FOMC decisions): a strategy reading `view.fed` is refused. */
  fedData?: boolean;
}

/** Rebalance schedule. */
export type Rebalance =
  | { kind: 'on-change' }
  | { kind: 'every-bar' }
  | { kind: 'period'; period: 'weekly' | 'monthly' | 'quarterly' | 'yearly'; at: 'first' | 'last' }
  | { kind: 'drift'; band: number };

/** Options of one simulation. */
export interface SimOptions {
  /** Bars between decision and trade; 1 = trade at the next bar's close. */
  lag: number;
  rebalance: Rebalance;
  /** Cost per asset, fraction of traded value (0.001 = 10 bp); one number or one per asset. */
  cost: number | Float64Array;
  /** Extra fixed slippage, fraction of traded value. */
  slippage: number;
  allowShort: boolean;
  allowLeverage: boolean;
  /** Spread over the cash rate paid on borrowed cash, fraction per year. */
  borrowSpread: number;
  /** Bars per year (for the borrow spread). */
  periodsPerYear: number;
  /** Initial equity. */
  initial: number;
}

/** One executed trade. */
export interface Trade {
  /** Bar index and date of the trade. */
  bar: number;
  date: number;
  asset: string;
  /** Weight before and after the trade, fractions of equity. */
  from: number;
  to: number;
  /** Traded value in currency units (absolute) and the cost paid for it. */
  value: number;
  cost: number;
}

/** Result of one simulation. */
export interface SimResult {
  /** Equity at each bar's close; length T. */
  equity: Float64Array;
  /** Portfolio return over each bar, fraction; index 0 is 0 (bar 1's return is measured from the initial capital, so a lag-0 trade's cost at bar 0 counts). */
  returns: Float64Array;
  /** Bar at which equity reached 0 or below: the run is ruined from there (equity 0, positions closed); −1 if never. */
  ruinBar: number;
  /** Realized weights after trading at each bar's close, T×A row-major. */
  weights: Float64Array;
  /** Effective target at each bar (after lag), T×A row-major; NaN before the first decision. */
  targets: Float64Array;
  /** Turnover traded at each bar: Σ|Δw| / 2. */
  turnover: Float64Array;
  /** Cost paid at each bar, currency units. */
  costs: Float64Array;
  /** Cash weight after trading at each bar. */
  cashWeight: Float64Array;
  /** Interest earned (or paid) on cash over each bar, currency units. */
  cashIncome: Float64Array;
  /** 1 where a rebalance happened. */
  rebalanced: Uint8Array;
  trades: Trade[];
}
