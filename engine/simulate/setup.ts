import { isoDay } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import type { Rebalance, SimOptions } from '../core/types.js';
import { scheduleMask } from './schedule.js';

/** Rebalance mode codes used in the kernel's loop. */
export const MODE = { onChange: 0, everyBar: 1, period: 2, drift: 3 } as const;

/** Market inputs of a simulation (everything but the targets). */
export interface MarketInput {
  /** Bar dates, days since epoch (length T, ascending). */
  dates: Int32Array;
  assets: readonly string[];
  /** Simple return per asset over bar t (close t−1 → close t), fraction; index 0 ignored. */
  returns: readonly Float64Array[];
  /** Cash return over bar t, fraction; index 0 ignored. */
  cash: Float64Array;
}

/**
 * The kernel's fixed inputs: packed market data and resolved options, shared by every target set.
 * A class (not an object literal) so that V8 keeps stable field types: literal boilerplates
 * generalize them on the second call and deoptimize the kernel mid-sweep.
 */
export class KernelSetup {
  /** Bars and assets. */
  readonly T: number;
  readonly A: number;
  /** Growth factors 1 + r_a[t], T×A row-major; row 0 is 1 (bar 0 has no return). */
  readonly growth: Float64Array;
  /** Cash return per bar, fraction; index 0 is 0. */
  readonly cash: Float64Array;
  /** Growth factor of cash held, 1 + c[t], and of cash borrowed, 1 + (c[t] + spread); index 0 is 1. */
  readonly cashGrowth: Float64Array;
  readonly borrowGrowth: Float64Array;
  /** Bars between a decision and its trade. */
  readonly lag: number;
  /** One of {@link MODE}. */
  readonly mode: number;
  /** Drift band (mode drift), fraction of equity. */
  readonly band: number;
  /** 1 on scheduled bars (mode period); empty otherwise. */
  readonly schedule: Uint8Array;
  /** First scheduled bar at or after t (T when none), length T + 1 (mode period); empty otherwise. */
  readonly nextScheduled: Int32Array;
  /** Cost + slippage per asset, fraction of traded value. */
  readonly rate: Float64Array;
  /** True when every asset has the same rate (cost = rate × Σ traded value). */
  readonly uniform: boolean;
  /** Borrow spread per bar, fraction (annual spread / periodsPerYear). */
  readonly spread: number;
  /** Equity at bar 0, all in cash. */
  readonly initial: number;

  constructor(f: KernelSetup) {
    this.T = f.T;
    this.A = f.A;
    this.growth = f.growth;
    this.cash = f.cash;
    this.cashGrowth = f.cashGrowth;
    this.borrowGrowth = f.borrowGrowth;
    this.lag = f.lag;
    this.mode = f.mode;
    this.band = f.band;
    this.schedule = f.schedule;
    this.nextScheduled = f.nextScheduled;
    this.rate = f.rate;
    this.uniform = f.uniform;
    this.spread = f.spread;
    this.initial = f.initial;
  }
}

/** Cost + slippage per unit traded at or above which a run is refused (1,000 bp: no market charges 10 % of the traded value). */
export const MAX_COST = 0.1;

/** Mode code and band of a rebalance schedule. */
export function modeOf(r: Rebalance): { mode: number; band: number } {
  switch (r.kind) {
    case 'on-change':
      return { mode: MODE.onChange, band: 0 };
    case 'every-bar':
      return { mode: MODE.everyBar, band: 0 };
    case 'period':
      return { mode: MODE.period, band: 0 };
    case 'drift':
      if (!(r.band >= 0 && Number.isFinite(r.band))) throw new UserError(`drift band must be a fraction ≥ 0 (got ${r.band})`);
      return { mode: MODE.drift, band: r.band };
    default:
      throw new UserError(`unknown rebalance schedule ${JSON.stringify(r)}`);
  }
}

function checkNumber(name: string, x: number, min: number): void {
  if (!(Number.isFinite(x) && x >= min)) throw new UserError(`${name} must be a number ≥ ${min} (got ${x})`);
}

function checkPositive(name: string, x: number): void {
  if (!(Number.isFinite(x) && x > 0)) throw new UserError(`${name} must be a number > 0 (got ${x})`);
}

/** Checks the market arrays and options and packs them for the kernel (inputs are copied, never changed). */
export function kernelSetup(input: MarketInput, o: SimOptions): KernelSetup {
  const A = input.assets.length;
  const T = input.dates.length;
  if (input.returns.length !== A) throw new Error(`simulate: ${input.returns.length} return series for ${A} assets`);
  for (const r of input.returns) if (r.length !== T) throw new Error(`simulate: a return series has ${r.length} values for ${T} bars`);
  if (input.cash.length !== T) throw new Error(`simulate: the cash series has ${input.cash.length} values for ${T} bars`);
  if (!(Number.isInteger(o.lag) && o.lag >= 0)) throw new UserError(`lag must be a whole number of bars ≥ 0 (got ${o.lag})`);
  checkNumber('slippage', o.slippage, 0);
  checkNumber('borrow spread', o.borrowSpread, 0);
  checkPositive('periods per year', o.periodsPerYear);
  checkPositive('initial equity', o.initial);
  const { mode, band } = modeOf(o.rebalance);

  const rate = new Float64Array(A);
  if (typeof o.cost === 'number') checkNumber('cost', o.cost, 0);
  else if (o.cost.length !== A) throw new UserError(`cost has ${o.cost.length} values for ${A} assets`);
  for (let a = 0; a < A; a++) {
    const c = typeof o.cost === 'number' ? o.cost : o.cost[a];
    checkNumber(`cost of ${input.assets[a]}`, c, 0);
    rate[a] = c + o.slippage;
  }
  for (let a = 0; a < A; a++) {
    if (rate[a] >= MAX_COST) {
      throw new UserError(
        `cost + slippage of ${input.assets[a]} is ${+(rate[a] * 1e4).toPrecision(6)} bp of traded value; more than ${MAX_COST * 1e4} bp is not a trading cost (costs and slippage are basis points: ‹cost-bps› 5 = 0.05 %)`,
      );
    }
  }
  let uniform = true;
  for (let a = 1; a < A; a++) if (rate[a] !== rate[0]) uniform = false;

  const growth = new Float64Array(T * A);
  for (let a = 0; a < A; a++) {
    const r = input.returns[a];
    if (T > 0) growth[a] = 1;
    for (let t = 1; t < T; t++) {
      const x = r[t];
      if (!(Number.isFinite(x) && x >= -1)) throw new UserError(`return of ${input.assets[a]} on ${isoDay(input.dates[t])} is ${x}; it must be a number ≥ −1`);
      growth[t * A + a] = 1 + x;
    }
  }
  const spread = o.borrowSpread / o.periodsPerYear;
  const cash = new Float64Array(T);
  const cashGrowth = new Float64Array(T).fill(1);
  const borrowGrowth = new Float64Array(T).fill(1);
  for (let t = 1; t < T; t++) {
    const x = input.cash[t];
    if (!(Number.isFinite(x) && x > -1)) throw new UserError(`cash return on ${isoDay(input.dates[t])} is ${x}; it must be a number > −1`);
    cash[t] = x;
    cashGrowth[t] = 1 + x;
    borrowGrowth[t] = 1 + (x + spread);
  }
  const schedule = scheduleMask(input.dates, o.rebalance) ?? new Uint8Array(0);
  const nextScheduled = new Int32Array(schedule.length > 0 ? T + 1 : 0);
  if (schedule.length > 0) {
    nextScheduled[T] = T;
    for (let t = T - 1; t >= 0; t--) nextScheduled[t] = schedule[t] === 1 ? t : nextScheduled[t + 1];
  }
  return new KernelSetup({
    T,
    A,
    growth,
    cash,
    cashGrowth,
    borrowGrowth,
    lag: o.lag,
    mode,
    band,
    schedule,
    nextScheduled,
    rate,
    uniform,
    spread,
    initial: o.initial,
  });
}

/** Layout of the kernel state buffer (Float64Array of length STATE_H + A): cash h_c, currency units. */
export const STATE_CASH = 0;
/** Σ over finished bars of gross exposure Σ|h_a| / |E|. */
export const STATE_EXPOSURE = 1;
/** Equity at the segment's last bar before any trade, currency units. */
export const STATE_EQUITY = 2;
/** Gross exposure Σ|h_a| at the segment's last bar before any trade, currency units. */
export const STATE_GROSS = 3;
/** Holdings h_a (currency units) start at this index. */
export const STATE_H = 4;
