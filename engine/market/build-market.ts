import { defaultUniverse } from './data/default-universe.js';
import { returnBasis } from './data/return-basis.js';
import { findEntry, findUniverse } from './data/catalog.js';
import { loadSeries } from './data/load-series.js';
import { isoDay, parseIsoDay } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import { detectCycles, type CycleOptions } from './fed/detect-cycles.js';
import { fedFrame, type FedFrameOptions } from './fed/fed-frame.js';
import { policyMoves } from './fed/policy-moves.js';
import { equityCurve } from '../core/equity-curve.js';
import { sliceFed } from './fed/slice-fed.js';
import type { Catalog, Market, Series } from '../core/types.js';
import { asOfJoin } from './as-of.js';
import { compoundBetween } from './compound-between.js';
import { intersectDates } from './intersect-dates.js';
import { periodsPerYear } from '../core/periods-per-year.js';
import { publicationDays } from './publication.js';

/** Options of {@link buildMarket}. */
export interface MarketOptions {
  /** Universe id from the catalog (default `russell`). */
  universe?: string;
  /** First and last calendar date to keep, `YYYY-MM-DD` (inclusive). */
  from?: string;
  to?: string;
  /** Extra series to join as of their publication date (only these are loaded). */
  series?: readonly string[];
  /** Fed cycle detection settings. */
  fed?: CycleOptions & FedFrameOptions & { policy?: string; funds?: string; decisions?: string; fundsStep?: number };
}

/** The policy options of a universe: its own central bank's rate when it names one (`policy`), else the Fed's series. */
function policyOptions(spec: { policy?: string }, fed: MarketOptions['fed'] = {}): NonNullable<MarketOptions['fed']> & { bank?: string } {
  return spec.policy ? { ...fed, policy: spec.policy, bank: spec.policy } : fed;
}

function parseBound(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const day = parseIsoDay(text);
  if (Number.isNaN(day)) throw new UserError(`‹${flag}› "${text}" is not a date (YYYY-MM-DD)`);
  return day;
}

/**
 * Builds the point-in-time market frame of a universe: its trading calendar (dates where
 * every asset has a value), asset prices and returns, cash compounded between bars,
 * requested series joined as of their publication date, and the Fed cycle annotation.
 */
export function buildMarket(catalog: Catalog, options: MarketOptions = {}): Market {
  const spec = findUniverse(catalog, options.universe ?? defaultUniverse(catalog).id);
  const hashes: Record<string, string> = {};
  const warnings: string[] = [];
  const load = (id: string): Series => {
    const s = loadSeries(findEntry(catalog, id), catalog.dir);
    hashes[s.meta.file] = s.hash;
    if (s.warnings) warnings.push(...s.warnings);
    return s;
  };

  const assets = spec.assets.map(load);
  // small vs large on different bases compares dividends as much as size
  const [smallBasis, largeBasis] = [spec.small, spec.large].map((id) => returnBasis(findEntry(catalog, id)));
  if (smallBasis && largeBasis && smallBasis !== largeBasis) {
    const what = (id: string, b: string) => `${id} ${b === 'price' ? 'price returns (no dividends)' : 'total returns (dividends reinvested)'}`;
    warnings.push(
      `universe "${spec.id}" compares ${what(spec.small, smallBasis)} with ${what(spec.large, largeBasis)}: dividends alone, about 1–2 % a year, favour the total-return side in every small-vs-large comparison`,
    );
  }
  const common = intersectDates(assets.map((s) => s.dates));
  const from = parseBound(options.from, 'from') ?? -Infinity;
  const to = parseBound(options.to, 'to') ?? Infinity;
  if (from > to) throw new UserError(`‹from› ${options.from} is after ‹to› ${options.to}`);
  // a start within one bar's spacing of the first date asks for the data's start (e.g. 1926-07-01 for the
  // first month end 1926-07-31); an earlier one asks for data that does not exist
  const slack = spec.frequency === 'monthly' ? 31 : 7;
  if (options.from !== undefined && common.dates.length && from < common.dates[0] - slack) {
    throw new UserError(
      `‹from› ${options.from} is before the data: universe "${spec.id}" starts ${isoDay(common.dates[0])} (the first date on which all of ${spec.assets.join(', ')} have a value)`,
    );
  }
  let lo = 0;
  while (lo < common.dates.length && common.dates[lo] < from) lo++;
  let hi = common.dates.length;
  while (hi > lo && common.dates[hi - 1] > to) hi--;
  if (hi - lo < 2) {
    const range = common.dates.length ? `${isoDay(common.dates[0])} to ${isoDay(common.dates[common.dates.length - 1])}` : 'no common dates';
    throw new UserError(`universe "${spec.id}" has fewer than 2 bars between ${options.from ?? 'start'} and ${options.to ?? 'end'} (data: ${range})`);
  }
  const dates = common.dates.slice(lo, hi);
  const T = dates.length;

  const prices: Record<string, Float64Array> = {};
  const returns: Record<string, Float64Array> = {};
  assets.forEach((s, k) => {
    const idx = common.index[k].subarray(lo, hi);
    const p = new Float64Array(T);
    const r = new Float64Array(T);
    if (s.meta.kind === 'price') {
      for (let t = 0; t < T; t++) p[t] = s.values[idx[t]];
      for (let t = 1; t < T; t++) r[t] = p[t] / p[t - 1] - 1;
    } else {
      for (let t = 1; t < T; t++) r[t] = s.values[idx[t]];
      p.set(equityCurve(r));
    }
    prices[s.id] = p;
    returns[s.id] = r;
  });

  const cashSeries = load(spec.cash);
  const cash = compoundBetween(dates, cashSeries.dates, cashSeries.values);
  let missingCash = -1;
  for (let t = 1; t < T; t++) {
    if (Number.isNaN(cash[t])) {
      if (missingCash < 0) missingCash = t;
      cash[t] = 0;
    }
  }
  if (missingCash > 0) {
    warnings.push(`cash series "${spec.cash}" ends ${isoDay(cashSeries.dates[cashSeries.dates.length - 1])}: cash earns 0 from ${isoDay(dates[missingCash])}`);
  }

  const series: Record<string, Float64Array> = {};
  for (const id of options.series ?? []) {
    if (spec.assets.includes(id) && !(id in series)) {
      series[id] = prices[id];
      continue;
    }
    const entry = findEntry(catalog, id);
    if (entry.kind === 'event') throw new UserError(`series "${id}" is an event table and cannot be joined as a column`);
    const s = load(id);
    const known = publicationDays(s.dates, entry.publication, s.published);
    const { column, firstStaleBar } = asOfJoin(dates, known, s.values, entry.maxStaleDays ?? Infinity);
    if (firstStaleBar >= 0) {
      warnings.push(
        `series "${id}" is stale from ${isoDay(dates[firstStaleBar])}: its last value is dated ${isoDay(s.dates[s.dates.length - 1])} ` +
          `(known ${isoDay(known[known.length - 1])}) and is not carried forward more than ${entry.maxStaleDays} days`,
      );
    }
    series[id] = column;
  }

  // the Fed annotation is built on the universe's whole calendar and then cut, so a bar's
  // phase, cycle and first-cut flags never depend on where the run starts
  const policy = policyOptions(spec, options.fed);
  const fed = buildFed(catalog, common.dates, lo, hi, policy, load, hashes, warnings);
  return {
    universe: spec.id,
    frequency: spec.frequency,
    periodsPerYear: periodsPerYear(dates),
    dates,
    assets: spec.assets.slice(),
    small: spec.small,
    large: spec.large,
    ...(spec.bonds ? { bonds: spec.bonds } : {}),
    prices,
    returns,
    cash,
    series,
    fed: fed.frame,
    fomc: fed.decisions,
    dataHashes: hashes,
    warnings,
    fedData: (policy.bank ? [policy.bank] : ['fed_target', 'fed_funds', 'fomc', policy.policy, policy.funds, policy.decisions]).some(
      (id) => id !== undefined && has(catalog, id),
    ),
  };
}

function has(catalog: Catalog, id: string): boolean {
  return catalog.series.some((s) => s.id === id);
}

function buildFed(
  catalog: Catalog,
  dates: Int32Array,
  lo: number,
  hi: number,
  opts: ReturnType<typeof policyOptions>,
  load: (id: string) => Series,
  hashes: Record<string, string>,
  warnings: string[],
) {
  const policyId = opts.policy ?? 'fed_target';
  const fundsId = opts.funds ?? 'fed_funds';
  const decisionsId = opts.decisions ?? 'fomc';
  const T = dates.length;
  const policyRate = new Float64Array(T).fill(NaN);
  const loaded = new Map<string, Series>();
  const once = (id: string) => loaded.get(id) ?? loaded.set(id, load(id)).get(id)!;
  const { moves, decisions, targetStart, fomc } = policyMoves(catalog, once, opts);
  if (fomc) hashes[fomc.file] = fomc.hash;
  else if (!opts.bank) warnings.push(`no FOMC decision table ("${decisionsId}") in the catalog: Fed phases come from the funds rate only`);
  const whose = opts.bank ? `"${opts.bank}"'s` : 'Fed';

  if (has(catalog, policyId)) {
    const target = once(policyId);
    const entry = findEntry(catalog, policyId);
    const { column, firstStaleBar } = asOfJoin(
      dates,
      publicationDays(target.dates, entry.publication, target.published),
      target.values,
      entry.maxStaleDays ?? Infinity,
    );
    policyRate.set(column);
    if (firstStaleBar >= 0 && firstStaleBar < hi) {
      warnings.push(
        `policy rate "${policyId}" ends ${isoDay(target.dates[target.dates.length - 1])}: it counts as unknown from ${isoDay(dates[Math.max(lo, firstStaleBar)])}; ${opts.bank ? 'no move after its last value is known' : 'Fed phases still follow the FOMC decisions'}`,
      );
    }
  }
  // before the target series the policy rate is the funds rate (the moves come from policyMoves)
  if (!opts.bank && has(catalog, fundsId) && dates[lo] < targetStart) {
    const funds = once(fundsId);
    if (funds.dates[0] < targetStart) {
      const entry = findEntry(catalog, fundsId);
      const { column } = asOfJoin(dates, publicationDays(funds.dates, entry.publication, funds.published), funds.values, entry.maxStaleDays ?? Infinity);
      for (let t = 0; t < T && dates[t] < targetStart; t++) policyRate[t] = column[t];
    }
  }
  const cycles = detectCycles(moves, opts);
  if (cycles.length === 0) warnings.push(`no ${whose} policy cycles: every bar is in the "hold" phase`);
  const last = dates[hi - 1];
  return {
    frame: sliceFed(fedFrame(dates, policyRate, moves, cycles, opts), lo, hi, last),
    decisions: decisions.filter((d) => d.date <= last),
  };
}
