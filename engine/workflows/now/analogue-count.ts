/** Fewest analogues `now` uses: below this a mean of outcomes says nothing. */
export const MIN_ANALOGUES = 5;

/** Fewer distinct cycles than this among the analogues: no test (the claims' rule for independent groups). */
export const MIN_CYCLES = 5;

/**
 * How many analogues to take from N candidates: the square root of N, rounded, at least
 * MIN_ANALOGUES (and at most N) — the classic rate of nearest-neighbour estimates, whose
 * variance falls with k and bias grows with it (Loftsgaarden & Quesenberry 1965, Annals of
 * Mathematical Statistics 36); it grows with the history, so early forecasts of the track record
 * use fewer.
 *
 * @example analogueCount(600) // 24
 */
export function analogueCount(candidates: number): number {
  return Math.min(candidates, Math.max(MIN_ANALOGUES, Math.round(Math.sqrt(candidates))));
}

/**
 * The most analogues one Fed cycle may give when k are taken: ⌊(k − 1) / (MIN_CYCLES − 1)⌋ (at
 * least 1), the largest number with which MIN_CYCLES − 1 cycles cannot fill k, so the analogues
 * span at least MIN_CYCLES (5) cycles whenever that many have candidates — months of one cycle are
 * one episode (their outcome windows overlap), and fewer than 5 independent episodes is too few
 * for the verdict rule to test.
 *
 * @example perCycle(20) // 4: four cycles give at most 16, so a fifth is needed
 */
export function perCycle(k: number): number {
  return Math.max(1, Math.floor((k - 1) / (MIN_CYCLES - 1)));
}

/**
 * The per-cycle limit for a set of candidates: perCycle(k) when at least MIN_CYCLES distinct
 * cycles have candidates, none (Infinity) when fewer do — no limit can then reach five cycles, and
 * the k nearest months describe the state best.
 *
 * @example cycleLimit(Int32Array.of(3, 3, 4), cycleOfRow, 20) // Infinity: two cycles
 */
export function cycleLimit(candidates: ArrayLike<number>, cycle: ArrayLike<number>, k: number): number {
  const seen = new Set<number>();
  for (let c = 0; c < candidates.length && seen.size < MIN_CYCLES; c++) seen.add(cycle[candidates[c]]);
  return seen.size >= MIN_CYCLES ? perCycle(k) : Infinity;
}
