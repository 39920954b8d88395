import { isoDay } from '../core/dates.js';
import { UserError } from '../core/errors.js';

/** Target weights that break the run's rules: shorts or leverage without permission, partly NaN or infinite rows. */
export class WeightError extends UserError {
  override name = 'WeightError';
}

/** Tolerance on Σw > 1 before a row counts as leveraged (rounding in weights that sum to 1). */
export const LEVERAGE_TOLERANCE = 1e-9;

/** What the weight checks need: per-asset target columns, asset names for messages, dates and permissions. */
export interface RowRules {
  /** Target weight per asset (length T each, fractions of equity; NaN = no decision). */
  cols: readonly Float64Array[];
  /** Asset names used in messages, one per column. */
  names: readonly string[];
  dates: Int32Array;
  allowShort: boolean;
  allowLeverage: boolean;
}

/**
 * Checks row d of the target columns: all NaN (no decision) or all finite; a weight < 0
 * needs `allowShort`; Σw > 1 + 1e-9 (borrowed cash) needs `allowLeverage`. Throws a
 * {@link WeightError} naming the bar's date, the asset and the value. Costs a few
 * comparisons when the row is fine (messages are built on error only).
 */
export function checkRow(r: RowRules, d: number): void {
  const { cols } = r;
  const A = cols.length;
  let nan = 0;
  let sum = 0;
  let bad = false;
  for (let a = 0; a < A; a++) {
    const x = cols[a][d];
    if (x !== x) nan++;
    else if (x < 0 || x === Infinity) bad = true;
    sum += x;
  }
  if (nan === A) return;
  if (nan > 0 || bad || sum > 1 + LEVERAGE_TOLERANCE) rowError(r, d, sum);
}

/** Checks rows from…to−1 (see {@link checkRow}). */
export function checkRows(r: RowRules, from: number, to: number): void {
  for (let d = from; d < to; d++) checkRow(r, d);
}

/** Throws the first rule a suspicious row breaks, if any. */
function rowError(r: RowRules, d: number, sum: number): void {
  const { cols, names } = r;
  const A = cols.length;
  const at = `weights at ${isoDay(r.dates[d])}`;
  for (let a = 0; a < A; a++) {
    const x = cols[a][d];
    if (x !== x) throw new WeightError(`${at}: ${names[a]} is NaN but the row is not all NaN (a row is either a full decision or all NaN for no decision)`);
    if (!Number.isFinite(x)) throw new WeightError(`${at}: ${names[a]} is ${x}`);
  }
  for (let a = 0; a < A; a++) {
    const x = cols[a][d];
    if (x < 0 && !r.allowShort) throw new WeightError(`${at}: ${names[a]} ${x} < 0 (short); pass ‹allow-short› to allow it`);
  }
  if (sum > 1 + LEVERAGE_TOLERANCE && !r.allowLeverage) throw new WeightError(`${at}: sum ${sum} > 1 (leverage); pass ‹allow-leverage› to allow it`);
}

/** The per-asset columns of a T×A row-major target matrix (copies). */
export function matrixColumns(targets: Float64Array, T: number, A: number): Float64Array[] {
  if (targets.length !== T * A) throw new WeightError(`target weights have ${targets.length} values; expected ${T} bars × ${A} assets`);
  const cols = Array.from({ length: A }, () => new Float64Array(T));
  for (let t = 0; t < T; t++) for (let a = 0; a < A; a++) cols[a][t] = targets[t * A + a];
  return cols;
}

/**
 * Checks a T×A target matrix row by row (see {@link checkRow}). The simulation checks the
 * rows it reads itself; this is for callers that want the check without simulating.
 */
export function validateTargets(
  targets: Float64Array,
  A: number,
  dates: Int32Array,
  assets: readonly string[],
  allowShort: boolean,
  allowLeverage: boolean,
): void {
  const cols = matrixColumns(targets, dates.length, A);
  checkRows({ cols, names: assets, dates, allowShort, allowLeverage }, 0, dates.length);
}
