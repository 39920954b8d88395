/**
 * The ISM reading i in context: its change from three readings before (NaN without them) and
 * how many readings in a row up to it were below `level` (0 when it is at or above; the run
 * stops at a missing reading). Readings are monthly, in release order.
 *
 * @example ismReading(Float64Array.of(52, 49, 48, 47.5), 3) // { change3: −4.5, below: 3 }
 */
export function ismReading(values: ArrayLike<number>, i: number, level = 50): { change3: number; below: number } {
  const change3 = i >= 3 ? values[i] - values[i - 3] : NaN;
  let below = 0;
  for (let k = i; k >= 0 && values[k] < level; k--) below++;
  return { change3, below };
}
