import { UserError } from '../core/errors.js';
import type { FedCycle, FedFrame, FomcDecision, Market, PolicyMove } from '../core/types.js';

/** Asset roles a strategy can weight without naming the universe's assets (`bonds` only in universes with bonds). */
export type Role = 'small' | 'large' | 'bonds' | 'cash';

/** The Fed annotation as a strategy sees it: per-bar columns (private copies) and frozen lists. */
export type FedView = Readonly<Omit<FedFrame, 'cycles' | 'moves'>> & {
  readonly cycles: readonly Readonly<FedCycle>[];
  readonly moves: readonly Readonly<PolicyMove>[];
};

/**
 * What a strategy sees: the point-in-time market frame. Every column is as known at each
 * bar's close (macro series from their publication date), so reading index t uses only
 * information available at t. Reading index t+1 at t is look-ahead: `ratecycle audit`
 * catches it.
 *
 * The columns are the strategy's own copies, made afresh for each evaluation: writing into
 * them changes nothing the engine, the benchmarks or another parameter set sees. (The built-in
 * strategies, which never write into their view, read the market's own arrays instead: see
 * {@link sharedMarketView}.) Lists (`fomc`, `fed.cycles`, `fed.moves`, `universe.assets`) are
 * frozen.
 */
export interface MarketView<S extends string = string> {
  /** Bar dates (days since 1970-01-01) and their number. */
  readonly dates: Int32Array;
  readonly length: number;
  readonly frequency: 'daily' | 'monthly';
  /** Bars per year measured from the calendar. */
  readonly periodsPerYear: number;
  readonly universe: { readonly id: string; readonly assets: readonly string[]; readonly small: string; readonly large: string };
  /** Price (or total-return index) of an asset by role (`small`, `large`) or id. */
  price(asset: string): Float64Array;
  /** Simple return per bar of an asset by role or id (fraction; index 0 is 0). */
  returns(asset: string): Float64Array;
  /** Cash return per bar (fraction). */
  readonly cash: Float64Array;
  /** A series declared in the strategy's `series`, as of its publication date (NaN before). */
  series(id: S): Float64Array;
  /** Fed policy annotation (phase, cycle ids, first cuts, policy rate), point-in-time. */
  readonly fed: FedView;
  /** FOMC decisions up to the end of the frame. */
  readonly fomc: readonly Readonly<FomcDecision>[];
}

/** Resolves a role or asset id to an asset id of the market. */
export function resolveAsset(market: Pick<Market, 'assets' | 'small' | 'large' | 'bonds' | 'universe'>, asset: string): string {
  if (asset === 'small') return market.small;
  if (asset === 'large') return market.large;
  if (asset === 'bonds') {
    if (market.bonds) return market.bonds;
    throw new UserError(`universe "${market.universe}" has no bonds asset; use a universe with bonds (ff-bonds, russell-bonds) or another allocation`);
  }
  if (market.assets.includes(asset)) return asset;
  throw new UserError(
    `asset "${asset}" is not in universe "${market.universe}" (assets: ${market.assets.join(', ')}; roles: small, large, ${market.bonds ? 'bonds, ' : ''}cash)`,
  );
}

type Column = Float64Array | Int32Array | Int8Array | Uint8Array;

/** Where a view's columns come from: private copies ({@link ViewScratch}) or the market's own arrays ({@link SharedColumns}). */
interface ColumnSource {
  readonly market: Market;
  /** The column `src` of the market as the strategy sees it (`key` names it). */
  copy<T extends Column>(key: string, src: T): T;
}

/**
 * Reusable copies of a market's columns for one evaluation at a time. Each column is copied
 * from the market on its first use in an evaluation (a memcpy), so a strategy pays only for
 * what it reads and its writes never reach the market. One instance per nesting depth of
 * evaluations in a thread (see {@link viewScratch}).
 */
export class ViewScratch implements ColumnSource {
  private readonly copies = new Map<string, { buf: Column; epoch: number }>();
  /** Incremented per evaluation: a copy older than the current epoch is refreshed on use. */
  epoch = 0;
  /** Set while an evaluation uses this scratch. */
  busy = false;

  constructor(readonly market: Market) {}

  /** The private copy of `src` under `key`, refreshed from `src` once per epoch. */
  copy<T extends Column>(key: string, src: T): T {
    let c = this.copies.get(key);
    if (c === undefined || c.buf.length !== src.length) {
      const C = src.constructor as new (n: number) => T;
      c = { buf: new C(src.length), epoch: -1 };
      this.copies.set(key, c);
    }
    if (c.epoch !== this.epoch) {
      (c.buf as T).set(src as never);
      c.epoch = this.epoch;
    }
    return c.buf as T;
  }
}

/** Market columns handed out as they are by a {@link sharedMarketView}. */
const shared = new WeakSet<Column>();

/**
 * True when `column` is a market's own array that a {@link sharedMarketView} has handed out:
 * nothing writes into it (the engine never writes into a market, and only the built-ins, which
 * do not write into their view, get such views), so what was derived from its contents once
 * stays valid (engine/strategy/calendar-memo.ts checks it once instead of on every use).
 */
export function isSharedColumn(column: object): boolean {
  return shared.has(column as Column);
}

/** A market's own columns, handed out without copies (see {@link sharedMarketView}). */
class SharedColumns implements ColumnSource {
  constructor(readonly market: Market) {}

  copy<T extends Column>(_key: string, src: T): T {
    shared.add(src);
    return src;
  }
}

const scratches = new WeakMap<Market, ViewScratch[]>();

/**
 * A free {@link ViewScratch} of a market for one evaluation (call `release` when done).
 * Nested evaluations (a strategy evaluating others) get their own.
 */
export function viewScratch(market: Market): { scratch: ViewScratch; release: () => void } {
  let list = scratches.get(market);
  if (list === undefined) scratches.set(market, (list = []));
  let s = list.find((x) => !x.busy);
  if (s === undefined) list.push((s = new ViewScratch(market)));
  s.busy = true;
  s.epoch++;
  const scratch = s;
  return { scratch, release: () => void (scratch.busy = false) };
}

function deepFreeze<T>(xs: readonly T[]): readonly Readonly<T>[] {
  return Object.freeze(xs.map((x) => Object.freeze({ ...x })));
}

/** Frozen copies of a market's lists, made once per market. */
const frozenLists = new WeakMap<
  Market,
  { fomc: readonly Readonly<FomcDecision>[]; cycles: readonly Readonly<FedCycle>[]; moves: readonly Readonly<PolicyMove>[]; assets: readonly string[] }
>();

function listsOf(m: Market) {
  let l = frozenLists.get(m);
  if (l === undefined) {
    l = { fomc: deepFreeze(m.fomc), cycles: deepFreeze(m.fed.cycles), moves: deepFreeze(m.fed.moves ?? []), assets: Object.freeze([...m.assets]) };
    frozenLists.set(m, l);
  }
  return l;
}

class FedColumns implements FedView {
  #policyRate?: Float64Array;
  #phase?: Int8Array;
  #cycleId?: Int32Array;
  #firstCut?: Uint8Array;
  #barsSinceFirstCut?: Float64Array;
  #monthsSinceFirstCut?: Float64Array;
  #move?: Int8Array;
  readonly cycles: readonly Readonly<FedCycle>[];
  readonly moves: readonly Readonly<PolicyMove>[];
  readonly threshold: number;

  constructor(private readonly s: ColumnSource) {
    const l = listsOf(s.market);
    this.cycles = l.cycles;
    this.moves = l.moves;
    this.threshold = s.market.fed.threshold;
  }
  get policyRate() {
    return (this.#policyRate ??= this.s.copy('fed.policyRate', this.s.market.fed.policyRate));
  }
  get phase() {
    return (this.#phase ??= this.s.copy('fed.phase', this.s.market.fed.phase));
  }
  get cycleId() {
    return (this.#cycleId ??= this.s.copy('fed.cycleId', this.s.market.fed.cycleId));
  }
  get firstCut() {
    return (this.#firstCut ??= this.s.copy('fed.firstCut', this.s.market.fed.firstCut));
  }
  get barsSinceFirstCut() {
    return (this.#barsSinceFirstCut ??= this.s.copy('fed.barsSinceFirstCut', this.s.market.fed.barsSinceFirstCut));
  }
  get monthsSinceFirstCut() {
    return (this.#monthsSinceFirstCut ??= this.s.copy('fed.monthsSinceFirstCut', this.s.market.fed.monthsSinceFirstCut));
  }
  get move() {
    return (this.#move ??= this.s.copy('fed.move', this.s.market.fed.move));
  }
}

class View<S extends string> implements MarketView<S> {
  readonly length: number;
  readonly frequency: 'daily' | 'monthly';
  readonly periodsPerYear: number;
  readonly universe: MarketView['universe'];
  readonly fomc: readonly Readonly<FomcDecision>[];
  #dates?: Int32Array;
  #cash?: Float64Array;
  #fed?: FedColumns;

  constructor(private readonly s: ColumnSource) {
    const m = s.market;
    const l = listsOf(m);
    this.length = m.dates.length;
    this.frequency = m.frequency;
    this.periodsPerYear = m.periodsPerYear;
    this.universe = Object.freeze({ id: m.universe, assets: l.assets, small: m.small, large: m.large });
    this.fomc = l.fomc;
  }
  get dates() {
    return (this.#dates ??= this.s.copy('dates', this.s.market.dates));
  }
  get cash() {
    return (this.#cash ??= this.s.copy('cash', this.s.market.cash));
  }
  get fed() {
    if (this.s.market.fedData === false) {
      throw new UserError(
        `universe "${this.s.market.universe}" has no Fed data (its catalog has no fed_target, fed_funds or fomc series) and this strategy reads view.fed; add "extends": "ratecycle" to the catalog.json, or add those series`,
      );
    }
    return (this.#fed ??= new FedColumns(this.s));
  }
  price(asset: string): Float64Array {
    const id = resolveAsset(this.s.market, asset);
    return this.s.copy(`price:${id}`, this.s.market.prices[id]);
  }
  returns(asset: string): Float64Array {
    const id = resolveAsset(this.s.market, asset);
    return this.s.copy(`returns:${id}`, this.s.market.returns[id]);
  }
  series(id: S): Float64Array {
    const m = this.s.market;
    const col = m.series[id] ?? (m.assets.includes(id) ? m.prices[id] : undefined);
    if (!col) throw new UserError(`series "${id}" was not loaded: declare it in the strategy's "series" list`);
    return this.s.copy(`series:${id}`, col);
  }
}

/**
 * The strategy view of a market frame. Columns are copied from the market on first use
 * (into `scratch`'s reusable buffers when given, else into fresh arrays), so nothing a
 * strategy does to them reaches the market.
 */
export function marketView<S extends string>(market: Market, scratch?: ViewScratch): MarketView<S> {
  return new View<S>(scratch ?? new ViewScratch(market));
}

/**
 * The view of a market that hands out the market's own arrays, without copies: for the
 * built-in strategies only (engine/strategy/evaluate.ts trusts the ones strategies/index.ts
 * registers), which read their view and never write into it (test/strategy/isolation.test.ts
 * checks every built-in). A strategy that wrote into these columns would change the market for
 * the engine, the benchmarks and every later set; a user's strategy always gets
 * {@link marketView}'s copies. Lists are frozen as in any view.
 */
export function sharedMarketView<S extends string>(market: Market): MarketView<S> {
  return new View<S>(new SharedColumns(market));
}
