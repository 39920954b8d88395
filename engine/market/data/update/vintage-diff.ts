/** How a new vintage of a series differs from the current one. */
export interface VintageDiff {
  /** Observations after the current last date. */
  added: number;
  /** Common dates whose value changed, the largest change (new − old) and its date. */
  revised: number;
  maxRevision: number;
  maxRevisionDate: number;
  /** Current dates the new vintage no longer has. */
  removed: number;
}

/**
 * Compares two vintages of a series (ascending dates): how many observations the new one adds
 * after the current last date, how many common dates it revises (values that differ by more
 * than `tolerance`, relative to the larger magnitude, or absolute below 1) and by how much at
 * most, and how many current dates it drops.
 *
 * @example vintageDiff(old.dates, old.values, next.dates, next.values).added // 3
 */
export function vintageDiff(oldDates: Int32Array, oldValues: Float64Array, newDates: Int32Array, newValues: Float64Array, tolerance = 1e-9): VintageDiff {
  const lastOld = oldDates.length ? oldDates[oldDates.length - 1] : -Infinity;
  let added = 0;
  let revised = 0;
  let removed = 0;
  let maxRevision = 0;
  let maxRevisionDate = NaN;
  let j = 0;
  for (let i = 0; i < oldDates.length; i++) {
    while (j < newDates.length && newDates[j] < oldDates[i]) j++;
    if (j >= newDates.length || newDates[j] !== oldDates[i]) {
      removed++;
      continue;
    }
    const d = newValues[j] - oldValues[i];
    if (Math.abs(d) > tolerance * Math.max(1, Math.abs(oldValues[i]), Math.abs(newValues[j]))) {
      revised++;
      if (Math.abs(d) > Math.abs(maxRevision)) {
        maxRevision = d;
        maxRevisionDate = oldDates[i];
      }
    }
  }
  for (const d of newDates) if (d > lastOld) added++;
  return { added, revised, maxRevision, maxRevisionDate, removed };
}
