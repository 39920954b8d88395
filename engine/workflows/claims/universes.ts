/** A sample a claim is tested on: a shipped universe, optionally from a date. */
export interface ClaimUniverse {
  id: string;
  universe: string;
  from?: string;
  label: string;
  /** Claims this sample answers (claim 5 needs long valuation history; 1926–1954 has no Fed data). */
  claims: readonly number[];
}

/**
 * The samples of `ratecycle claims`: every shipped small-vs-large universe; the Fama/French
 * monthly data three ways — since 1954 (cycles from the funds-rate rule before the FOMC
 * target series starts in 1982, FOMC decisions after), since 1982-09-27 (FOMC decisions
 * only), and since 1926 for the valuation claim (the book-to-market data starts in 1926;
 * there is no Fed data before 1954).
 */
export const CLAIM_UNIVERSES: readonly ClaimUniverse[] = [
  { id: 'russell', universe: 'russell', label: 'Russell 2000 vs S&P 500, daily, price indexes', claims: [1, 2, 3, 4, 5] },
  { id: 'etf', universe: 'etf', label: 'IWM vs SPY, daily, total return', claims: [1, 2, 3, 4, 5] },
  { id: 'r1000', universe: 'r1000', label: 'IWM vs IWB (Russell 1000), daily, total return', claims: [1, 2, 3, 4, 5] },
  { id: 'sp600', universe: 'sp600', label: 'IJR (S&P 600) vs IVV (S&P 500), daily, total return', claims: [1, 2, 3, 4, 5] },
  {
    id: 'ff-1954',
    universe: 'ff',
    from: '1954-07-01',
    label: 'Fama/French bottom vs top 30 % by size, monthly, since 1954 (funds-rate rule before 1982, FOMC decisions after)',
    claims: [1, 2, 3, 4],
  },
  {
    id: 'ff-1982',
    universe: 'ff',
    from: '1982-09-27',
    label: 'Fama/French bottom vs top 30 % by size, monthly, FOMC era (since 1982-09-27)',
    claims: [1, 2, 3, 4],
  },
  { id: 'ff-1926', universe: 'ff', label: 'Fama/French bottom vs top 30 % by size, monthly, since 1926', claims: [5] },
];

/**
 * The declared primary sample of each claim: the longest sample that answers it, so the one
 * with the most independent cycles, episodes or decades (ff-1954: 25 first cuts since 1954
 * against 8 for the Russell 2000; ff-1926: nine non-overlapping decades of valuations). The
 * headline parts on these samples form the primary family, whose p-values are adjusted for
 * multiplicity; every other sample is a robustness check that shares most of its history with
 * the primary one and is never counted as an independent confirmation.
 */
export const PRIMARY_SAMPLE: Readonly<Record<number, string>> = { 1: 'ff-1954', 2: 'ff-1954', 3: 'ff-1954', 4: 'ff-1954', 5: 'ff-1926' };
