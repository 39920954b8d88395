/** Release days of the two ISM PMI events, with the index of the reading behind each. */
export interface IsmEvents {
  below: number[];
  recovery: number[];
  /** Index in `values` of the reading each event is released with. */
  belowAt: number[];
  recoveryAt: number[];
}

/**
 * Release days of two ISM PMI events, from the readings in order and the day each became
 * known: `below`: the release that completes six readings in a row below 50 (after a reading
 * at or above 50); `recovery`: the first release at or above 50 after six or more below.
 *
 * @example ismEvents(values, knownDays) // { below: [...days], recovery: [...days], belowAt, recoveryAt }
 */
export function ismEvents(values: ArrayLike<number>, known: ArrayLike<number>, level = 50, months = 6): IsmEvents {
  const out: IsmEvents = { below: [], recovery: [], belowAt: [], recoveryAt: [] };
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
      if (run === months && seenAbove) {
        out.below.push(known[k]);
        out.belowAt.push(k);
      }
    } else {
      if (run >= months && seenAbove) {
        out.recovery.push(known[k]);
        out.recoveryAt.push(k);
      }
      run = 0;
      seenAbove = true;
    }
  }
  return out;
}
