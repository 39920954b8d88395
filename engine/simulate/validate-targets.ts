import { isoDay } from '../dates.js';
import { UserError } from '../errors.js';

/** Weights that break the run's rules (short or leveraged without permission, partial NaN rows). */
export class WeightError extends UserError {
  override name = 'WeightError';
}

/**
 * Checks a T×A target matrix: each row is all-NaN (no decision) or all finite; negative
 * weights need `allowShort`; a row summing above 1 (borrowing cash) needs `allowLeverage`.
 */
export function validateTargets(targets: Float64Array, A: number, dates: Int32Array, assets: readonly string[], allowShort: boolean, allowLeverage: boolean): void {
  const T = targets.length / A;
  if (!Number.isInteger(T) || T !== dates.length) throw new WeightError(`target weights have ${targets.length} values; expected ${dates.length} bars × ${A} assets`);
  for (let t = 0; t < T; t++) {
    const base = t * A;
    let nan = 0;
    let sum = 0;
    let bad = false;
    for (let a = 0; a < A; a++) {
      const w = targets[base + a];
      if (w !== w) nan++;
      else if (w < 0 || w === Infinity || w === -Infinity) bad = true;
      sum += w;
    }
    if (nan === A) continue;
    if (nan > 0 || bad || sum > 1 + 1e-9) rowError(targets, base, A, dates[t], assets, allowShort, allowLeverage, sum, nan);
  }
}

/** Explains what is wrong with a row (only called when something may be). */
function rowError(targets: Float64Array, base: number, A: number, date: number, assets: readonly string[], allowShort: boolean, allowLeverage: boolean, sum: number, nan: number): void {
  const day = isoDay(date);
  if (nan > 0) throw new WeightError(`weights on ${day} are NaN for some assets only; a row is either a full decision or all NaN`);
  for (let a = 0; a < A; a++) {
    const w = targets[base + a];
    if (!Number.isFinite(w)) throw new WeightError(`weight of ${assets[a]} on ${day} is ${w}`);
    if (w < 0 && !allowShort) throw new WeightError(`weight of ${assets[a]} on ${day} is ${w} < 0 (a short); pass --allow-short to allow it`);
  }
  if (sum > 1 + 1e-9 && !allowLeverage) throw new WeightError(`weights on ${day} sum to ${sum} > 1 (leverage); pass --allow-leverage to allow it`);
}
