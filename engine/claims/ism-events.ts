/**
 * Release days of two ISM PMI events, from the readings in order and the day each became
 * known: `below`: the release that completes six readings in a row below 50 (after a reading
 * at or above 50); `recovery`: the first release at or above 50 after six or more below.
 *
 * @example ismEvents(values, knownDays) // { below: [...days], recovery: [...days] }
 */
export function ismEvents(values: ArrayLike<number>, known: ArrayLike<number>, level = 50, months = 6): { below: number[]; recovery: number[] } {
  const below: number[] = [];
  const recovery: number[] = [];
  let run = 0; // readings in a row below the level, up to the previous one
  let seenAbove = false;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!Number.isFinite(v)) {
      run = 0;
      seenAbove = false;
      continue;
    }
    if (v < level) {
      run++;
      if (run === months && seenAbove) below.push(known[k]);
    } else {
      if (run >= months && seenAbove) recovery.push(known[k]);
      run = 0;
      seenAbove = true;
    }
  }
  return { below, recovery };
}
