import { UserError } from '../engine/errors.js';
import { isoDay } from '../engine/dates.js';
import type { Market } from '../engine/types.js';
import type { Strategy } from './define.js';
import { formatParams } from './params.js';
import { marketView, resolveAsset } from './view.js';

/** A strategy failure: names the strategy and its parameters. */
export class StrategyError extends UserError {
  override name = 'StrategyError';
}

function label(strategy: Strategy, params: Record<string, unknown>): string {
  const p = formatParams(params);
  return `strategy "${strategy.id}"${strategy.file ? ` in ${strategy.file}` : ''}${p ? ` (${p})` : ''}`;
}

/** True when a weight column is 0 (or NaN, no decision) on every bar. */
function unused(w: ArrayLike<number>): boolean {
  for (let t = 0; t < w.length; t++) if (w[t] !== 0 && w[t] === w[t]) return false;
  return true;
}

/**
 * Runs a strategy on a market frame and returns its target weights as a T×A row-major
 * matrix in the market's asset order (fractions of equity; a NaN row = no decision).
 * The `cash` role, if weighted, is the remainder and is not stored. Throws a
 * StrategyError naming the strategy and parameters when it throws or returns a wrong shape.
 */
export function evaluateStrategy(strategy: Strategy, market: Market, params: Record<string, unknown>): Float64Array {
  const who = label(strategy, params);
  let out: Record<string, ArrayLike<number>>;
  try {
    out = strategy.weights(marketView(market), params as never) as Record<string, ArrayLike<number>>;
  } catch (e) {
    if (e instanceof UserError) throw new StrategyError(`${who}: ${e.message}`, { cause: e });
    const err = e as Error;
    throw new StrategyError(`${who} threw: ${err?.message ?? String(e)}`, { cause: e });
  }
  if (!out || typeof out !== 'object') throw new StrategyError(`${who} returned ${out === null ? 'null' : typeof out}, expected an object of weight arrays`);
  const T = market.dates.length;
  const A = market.assets.length;
  const matrix = new Float64Array(T * A);
  const declared = new Set<string>(strategy.assets);
  const any = declared.has('*');
  for (const key of Object.keys(out)) {
    if (!any && !declared.has(key)) throw new StrategyError(`${who} returned weights for "${key}", which is not in its assets (${strategy.assets.join(', ')})`);
  }
  const columns: { col: number; w: ArrayLike<number>; key: string }[] = [];
  const seen = new Set<number>();
  for (const key of any ? Object.keys(out) : strategy.assets) {
    const w = out[key];
    if (w === undefined) throw new StrategyError(`${who} returned no weights for "${key}"`);
    if (typeof w !== 'object' || typeof (w as ArrayLike<number>).length !== 'number') throw new StrategyError(`${who}: weights for "${key}" are not an array`);
    if (w.length !== T) throw new StrategyError(`${who}: weights for "${key}" have ${w.length} values, the market has ${T} bars`);
    if (key === 'cash') continue;
    if (key === 'bonds' && !market.bonds && unused(w)) continue; // a bonds leg left empty in a universe without bonds
    let col: number;
    try {
      col = market.assets.indexOf(resolveAsset(market, key));
    } catch (e) {
      throw new StrategyError(`${who}: ${(e as Error).message}`);
    }
    if (seen.has(col)) throw new StrategyError(`${who}: asset "${key}" is weighted twice (a role and its asset id)`);
    seen.add(col);
    columns.push({ col, w, key });
  }
  const C = columns.length;
  const ws = columns.map((c) => c.w);
  const cols = Int32Array.from(columns, (c) => c.col);
  const fail = (t: number): never => {
    const nan = columns.filter((c) => Number.isNaN(c.w[t])).map((c) => c.key);
    if (nan.length) {
      throw new StrategyError(`${who}: weights on ${isoDay(market.dates[t])} are NaN for ${nan.join(', ')} but not for the others; NaN means "no decision" and must cover the whole row`);
    }
    const c = columns.find((x) => !Number.isFinite(x.w[t]))!;
    throw new StrategyError(`${who}: weight for "${c.key}" on ${isoDay(market.dates[t])} is ${c.w[t]}`);
  };
  if (C === 2) {
    // the common two-asset case, without inner loops (the sweep's hot path)
    const w0 = ws[0], w1 = ws[1], c0 = cols[0], c1 = cols[1];
    for (let t = 0; t < T; t++) {
      const x0 = w0[t], x1 = w1[t];
      const base = t * A;
      if (x0 !== x0 && x1 !== x1) {
        matrix.fill(NaN, base, base + A);
        continue;
      }
      if (x0 - x0 !== 0 || x1 - x1 !== 0) fail(t); // NaN in one column only, or ±Infinity
      matrix[base + c0] = x0;
      matrix[base + c1] = x1;
    }
    return matrix;
  }
  for (let t = 0; t < T; t++) {
    let nan = 0;
    let finite = true;
    for (let k = 0; k < C; k++) {
      const x = ws[k][t];
      if (x !== x) nan++;
      else if (x === Infinity || x === -Infinity) finite = false;
    }
    if (nan === C && C > 0) {
      matrix.fill(NaN, t * A, t * A + A);
      continue;
    }
    if (nan > 0 || !finite) fail(t);
    const base = t * A;
    for (let k = 0; k < C; k++) matrix[base + cols[k]] = ws[k][t];
  }
  return matrix;
}
