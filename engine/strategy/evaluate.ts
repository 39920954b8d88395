import { resolve } from 'node:path';
import { locateInFile } from './locate-in-file.js';
import { messageTemplate } from '../core/errors.js';
import { Buffer } from 'node:buffer';
import { UserError } from '../core/errors.js';
import { isoDay } from '../core/dates.js';
import type { Market } from '../core/types.js';
import type { Strategy } from './define.js';
import { formatParams } from './params.js';
import { marketView, resolveAsset, sharedMarketView, viewScratch, type MarketView } from './view.js';

/** The `weights` functions of the trusted strategies (see {@link trustStrategies}). */
const trusted = new WeakSet<Strategy['weights']>();

/**
 * Marks strategies as trusted: their evaluations read the market's own columns
 * (view.ts's sharedMarketView) instead of private copies, which saves a copy per column read,
 * and the calendar memo's check of that column's contents, per evaluation. For the built-in
 * strategies only (strategies/index.ts calls it for its registry): code that never writes into
 * its view. Trust goes with the `weights` function, so a copy of a built-in with other
 * parameters (`{ ...builtin, params }`) is trusted and anything with a `weights` of its own,
 * such as a user's strategy file, is not.
 */
export function trustStrategies(strategies: readonly Pick<Strategy, 'weights'>[]): void {
  for (const s of strategies) trusted.add(s.weights);
}

/** True when `strategy` reads the market's own columns ({@link trustStrategies}). */
export function isTrusted(strategy: Pick<Strategy, 'weights'>): boolean {
  return trusted.has(strategy.weights);
}

/** A strategy failure: names the strategy and its parameters. */
export class StrategyError extends UserError {
  override name = 'StrategyError';
}

/** `strategy "id" in file (a=1 b=2)`: how errors name a strategy, its file and its parameters. */
export function strategyLabel(strategy: Pick<Strategy, 'id' | 'file'>, params: Record<string, unknown>): string {
  const p = formatParams(params);
  return `strategy "${strategy.id}"${strategy.file ? ` in ${strategy.file}` : ''}${p ? ` (${p})` : ''}`;
}

/**
 * The shortest decimal that rounds to the same float32 as `x` (0.6f = 0.6000000238… → 0.6):
 * how a Float32Array of weights is read, so that 0.6 and 0.4 still sum to 1.
 */
export function float32Decimal(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  for (let p = 1; p <= 9; p++) {
    const y = Number(x.toPrecision(p));
    if (Math.fround(y) === x) return y;
  }
  return x;
}

/** True when every byte of `w` is 0 (every value +0): one memcmp against `zeros` (all-zero bytes, reused). */
function zeroBytes(w: Float64Array, zeros: { buf?: Buffer }): boolean {
  if (zeros.buf?.length !== w.byteLength) zeros.buf = Buffer.alloc(w.byteLength);
  return Buffer.from(w.buffer, w.byteOffset, w.byteLength).equals(zeros.buf);
}

/** True when a weight column is 0 (or NaN, no decision) on every bar; the common all-+0 case is one memcmp. */
function unused(w: ArrayLike<number>, zeros: { buf?: Buffer }): boolean {
  if (w instanceof Float64Array && zeroBytes(w, zeros)) return true;
  for (let t = 0; t < w.length; t++) if (w[t] !== 0 && w[t] === w[t]) return false;
  return true;
}

/** Copies any array-like of weights into a Float64Array (`into` when it fits); a Float32Array is read by {@link float32Decimal}. */
function toFloat64(w: ArrayLike<number>, into: Float64Array | undefined): Float64Array {
  const T = w.length;
  const out = into !== undefined && into.length === T ? into : new Float64Array(T);
  if (w instanceof Float32Array) {
    const memo = new Map<number, number>(); // weight columns hold few distinct values
    for (let t = 0; t < T; t++) {
      const x = w[t];
      let y = memo.get(x);
      if (y === undefined) memo.set(x, (y = float32Decimal(x)));
      out[t] = y;
    }
  } else if (ArrayBuffer.isView(w)) {
    for (let t = 0; t < T; t++) out[t] = Number(w[t]);
  } else {
    // a plain array: numbers only (a string or boolean would be converted silently: "0.5", true → 1)
    for (let t = 0; t < T; t++) {
      const x = w[t] as unknown;
      if (typeof x !== 'number' && x !== undefined && x !== null)
        throw new TypeError(`value ${t} is ${typeof x === 'string' ? `the string ${JSON.stringify(x.slice(0, 20))}` : `a ${typeof x}`}, not a number`);
      out[t] = x === undefined || x === null ? NaN : x;
    }
  }
  return out;
}

/**
 * Evaluates a strategy many times on one market (a sweep's unit of work) without allocating
 * per call: the view's columns are copied into reused buffers (a trusted built-in reads the
 * market's own, see {@link trustStrategies}), the strategy may write into
 * reused zero-filled output columns (`out` of Strategy.weights), and the result is one
 * Float64Array per market asset (the strategy's own arrays when they are Float64Arrays; no
 * T×A matrix). The columns are valid until the next call. The row rules (all NaN or all
 * finite, shorts, leverage) are left to the simulation, which checks each row as it reads it.
 */
export class ColumnEvaluator {
  readonly T: number;
  readonly A: number;
  /** Reused output columns passed to the strategy, one per declared asset (none for `*`). */
  private readonly out: Record<string, Float64Array> = {};
  /** Conversion buffers per market column (weights that are not Float64Arrays), and derived columns of unweighted assets. */
  private readonly conv: (Float64Array | undefined)[];
  private readonly columns: Float64Array[];
  /** All-zero bytes for {@link unused}. */
  private readonly zeros: { buf?: Buffer } = {};
  /** Output columns found all +0 after the last call (a bonds leg left empty): still zero, so not filled again. */
  private readonly zeroed = new Set<string>();

  /** `alloc` places the reused output columns (default: new Float64Arrays), e.g. in a WebAssembly arena. */
  constructor(
    readonly strategy: Strategy,
    readonly market: Market,
    alloc: (n: number) => Float64Array = (n) => new Float64Array(n),
  ) {
    this.T = market.dates.length;
    this.A = market.assets.length;
    for (const key of strategy.assets) if (key !== '*') this.out[key] = alloc(this.T);
    this.conv = new Array(this.A).fill(undefined);
    this.columns = new Array(this.A);
  }

  /** Target weights for `params`, one column per market asset (NaN rows = no decision). Throws a StrategyError naming the strategy. */
  evaluate(params: Record<string, unknown>): Float64Array[] {
    const { strategy, market, T, A } = this;
    const outs = this.out;
    for (const k in outs) if (!this.zeroed.has(k)) outs[k].fill(0);
    this.zeroed.clear();
    let out: Record<string, ArrayLike<number>>;
    // a built-in reads the market's own columns; anything else private copies, refreshed per evaluation
    let view: MarketView;
    let release: (() => void) | undefined;
    if (trusted.has(strategy.weights)) view = sharedMarketView(market);
    else {
      const v = viewScratch(market);
      release = v.release;
      view = marketView(market, v.scratch);
    }
    try {
      out = strategy.weights(view, params as never, outs as never) as Record<string, ArrayLike<number>>;
    } catch (e) {
      // the line of the user's file that threw, from the stack (tsx maps it to the TypeScript source)
      const loc = strategy.file && e instanceof Error ? locateInFile(e, resolve(strategy.file)) : undefined;
      const file = loc ? `${strategy.file}:${loc.line}${loc.column ? `:${loc.column}` : ''}` : strategy.file;
      const who = strategyLabel({ id: strategy.id, file }, params);
      if (e instanceof UserError) throw new StrategyError(`${who}: ${messageTemplate(e)}`, { cause: e });
      const err = e as Error;
      throw new StrategyError(`${who} threw: ${err?.message ?? String(e)}`, { cause: e });
    } finally {
      release?.();
    }
    const fail = (msg: string): never => {
      throw new StrategyError(`${strategyLabel(strategy, params)}${msg}`);
    };
    if (!out || typeof out !== 'object') fail(` returned ${out === null ? 'null' : typeof out}, expected an object of weight arrays`);
    if (typeof (out as unknown as PromiseLike<unknown>).then === 'function')
      fail(' returned a Promise: weights(view, params) must return its weights directly (it cannot be async)');
    const any = strategy.assets.includes('*');
    if (!any)
      for (const key of Object.keys(out))
        if (!strategy.assets.includes(key)) fail(` returned weights for "${key}", which is not in its assets (${strategy.assets.join(', ')})`);
    const cols = this.columns;
    cols.fill(undefined as never);
    let first: Float64Array | undefined;
    let cashWeights: ArrayLike<number> | undefined;
    for (const key of any ? Object.keys(out) : strategy.assets) {
      const w = out[key];
      if (w === undefined) fail(` returned no weights for "${key}"`);
      if (typeof w !== 'object' || w === null || typeof (w as ArrayLike<number>).length !== 'number') fail(`: weights for "${key}" are not an array`);
      if (w.length !== T) fail(`: weights for "${key}" have ${w.length} values, the market has ${T} bars`);
      if (key === 'cash') {
        cashWeights = w;
        continue;
      }
      if (key === 'bonds' && !market.bonds) {
        // a bonds leg left empty in a universe without bonds; the engine's own column, still all +0, needs no fill next time
        if (w === outs.bonds && zeroBytes(outs.bonds, this.zeros)) {
          this.zeroed.add(key);
          continue;
        }
        if (unused(w, this.zeros)) continue;
      }
      let col = -1;
      try {
        col = market.assets.indexOf(resolveAsset(market, key));
      } catch (e) {
        fail(`: ${(e as Error).message}`);
      }
      if (cols[col] !== undefined) fail(`: asset "${key}" is weighted twice (a role and its asset id)`);
      let f: Float64Array;
      try {
        f = w instanceof Float64Array ? w : (this.conv[col] = toFloat64(w, this.conv[col]));
      } catch (e) {
        fail(`: weights for "${key}": ${(e as Error).message}`);
        throw e;
      }
      cols[col] = f;
      first ??= f;
    }
    for (let a = 0; a < A; a++) {
      if (cols[a] !== undefined) continue;
      // an asset the strategy does not weight: 0 on decision rows, NaN on "no decision" rows
      const prev = this.conv[a];
      const d = prev !== undefined && prev.length === T ? prev : (this.conv[a] = new Float64Array(T));
      if (first === undefined) d.fill(0);
      else for (let t = 0; t < T; t++) d[t] = first[t] !== first[t] ? NaN : 0;
      cols[a] = d;
    }
    // cash is the remainder of the asset weights: a cash column that says otherwise would be ignored
    if (cashWeights !== undefined) {
      for (let t = 0; t < T; t++) {
        let sum = Number(cashWeights[t]);
        if (sum !== sum) continue;
        for (let a = 0; a < A; a++) sum += cols[a][t];
        if (sum === sum && Math.abs(sum - 1) > 1e-9) {
          fail(
            `: on ${isoDay(market.dates[t])} the weights with cash sum to ${+sum.toPrecision(6)}: cash is what the asset weights leave (1 − their sum); leave cash out or make the weights sum to 1`,
          );
        }
      }
    }
    return cols;
  }

  /** The names of the market's assets paired with the strategy's roles, for messages (`small (rut)`). */
  names(): string[] {
    const m = this.market;
    return m.assets.map((a) => (a === m.small ? `small (${a})` : a === m.large ? `large (${a})` : a));
  }
}

/**
 * Runs a strategy on a market frame and returns its target weights as a T×A row-major
 * matrix in the market's asset order (fractions of equity; a NaN row = no decision).
 * The `cash` role, if weighted, is the remainder and is not stored. Throws a
 * StrategyError naming the strategy and parameters when it throws, returns a wrong shape,
 * a partly NaN row or an infinite weight.
 */
export function evaluateStrategy(strategy: Strategy, market: Market, params: Record<string, unknown>): Float64Array {
  const ev = new ColumnEvaluator(strategy, market);
  const cols = ev.evaluate(params);
  const T = ev.T;
  const A = ev.A;
  const keyOf = (a: number) =>
    market.assets[a] === market.small && strategy.assets.includes('small' as never)
      ? 'small'
      : market.assets[a] === market.large && strategy.assets.includes('large' as never)
        ? 'large'
        : market.assets[a];
  const matrix = new Float64Array(T * A);
  for (let t = 0; t < T; t++) {
    let nan = 0;
    for (let a = 0; a < A; a++) if (cols[a][t] !== cols[a][t]) nan++;
    const base = t * A;
    if (nan > 0 && nan < A) {
      const which = market.assets
        .map((_, a) => a)
        .filter((a) => Number.isNaN(cols[a][t]))
        .map(keyOf);
      throw new StrategyError(
        `${strategyLabel(strategy, params)}: weights on ${isoDay(market.dates[t])} are NaN for ${which.join(', ')} but not for the others; NaN means "no decision" and must cover the whole row`,
      );
    }
    for (let a = 0; a < A; a++) {
      const x = cols[a][t];
      if (x === Infinity || x === -Infinity)
        throw new StrategyError(`${strategyLabel(strategy, params)}: weight for "${keyOf(a)}" on ${isoDay(market.dates[t])} is ${x}`);
      matrix[base + a] = x;
    }
  }
  return matrix;
}
