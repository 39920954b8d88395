import { isoDay } from '../dates.js';
import { UserError } from '../errors.js';

/** Target weights that break the run's rules: shorts or leverage without permission, partly NaN or infinite rows. */
export class WeightError extends UserError {
  override name = 'WeightError';
}

/** Tolerance on Σw > 1 before a row counts as leveraged (rounding in weights that sum to 1). */
export const LEVERAGE_TOLERANCE = 1e-9;

/**
 * Checks a T×A target matrix (fractions of equity): each row is all NaN (no decision) or all
 * finite; a weight < 0 needs `allowShort`; Σw > 1 + 1e-9 (borrowed cash) needs `allowLeverage`.
 * Throws a {@link WeightError} naming the bar's date, the asset and the value.
 */
export function validateTargets(targets: Float64Array, A: number, dates: Int32Array, assets: readonly string[], allowShort: boolean, allowLeverage: boolean): void {
  if (targets.length !== dates.length * A) throw new WeightError(`target weights have ${targets.length} values; expected ${dates.length} bars × ${A} assets`);
  const T = dates.length;
  for (let t = 0; t < T; t++) {
    const base = t * A;
    let nan = 0;
    let sum = 0;
    let bad = false;
    for (let a = 0; a < A; a++) {
      const x = targets[base + a];
      if (x !== x) nan++;
      else if (x < 0 || x === Infinity) bad = true;
      sum += x;
    }
    if (nan === A) continue;
    // rows are checked in detail only when something may be wrong (messages are built on error only)
    if (nan > 0 || bad || sum > 1 + LEVERAGE_TOLERANCE) rowError(targets, base, A, dates[t], assets, allowShort, allowLeverage, sum);
  }
}

/** Throws the first rule a suspicious row breaks, if any. */
function rowError(targets: Float64Array, base: number, A: number, date: number, assets: readonly string[], allowShort: boolean, allowLeverage: boolean, sum: number): void {
  const at = `weights at ${isoDay(date)}`;
  for (let a = 0; a < A; a++) {
    const x = targets[base + a];
    if (x !== x) throw new WeightError(`${at}: ${assets[a]} is NaN but the row is not all NaN (a row is either a full decision or all NaN for no decision)`);
    if (!Number.isFinite(x)) throw new WeightError(`${at}: ${assets[a]} is ${x}`);
  }
  for (let a = 0; a < A; a++) {
    const x = targets[base + a];
    if (x < 0 && !allowShort) throw new WeightError(`${at}: ${assets[a]} ${x} < 0 (short); pass --allow-short to allow it`);
  }
  if (sum > 1 + LEVERAGE_TOLERANCE && !allowLeverage) throw new WeightError(`${at}: sum ${sum} > 1 (leverage); pass --allow-leverage to allow it`);
}
