/** A sample a claim is tested on: a shipped universe, optionally from a date. */
export interface ClaimUniverse {
  id: string;
  universe: string;
  from?: string;
  label: string;
  /** Claims this sample answers (claim 5 needs long valuation history; 1926–1954 has no Fed data). */
  claims: readonly number[];
  /** Outside the US: the region whose small − large series it uses (samples of one region are not independent). */
  region?: string;
}

/** A regional sample: French's size factor SMB of a region (as synthetic small and large legs) around one central bank's cycles. */
const regional = (universe: string, region: string, label: string): ClaimUniverse => ({ id: universe, universe, label, claims: [1, 2, 3], region });

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
  regional('europe-ecb', 'europe', 'Europe SMB (Fama/French, US dollars), monthly, around the ECB’s cycles'),
  regional('europe-boe', 'europe', 'Europe SMB (Fama/French, US dollars), monthly, around the Bank of England’s cycles'),
  regional('europe-snb', 'europe', 'Europe SMB (Fama/French, US dollars), monthly, around the Swiss National Bank’s cycles'),
  regional('japan-boj', 'japan', 'Japan SMB (Fama/French, US dollars), monthly, around the Bank of Japan’s cycles'),
  regional('apxj-rba', 'apxj', 'Asia Pacific ex Japan SMB (Fama/French, US dollars), monthly, around the Reserve Bank of Australia’s cycles'),
  regional('apxj-rbnz', 'apxj', 'Asia Pacific ex Japan SMB (Fama/French, US dollars), monthly, around the Reserve Bank of New Zealand’s cycles'),
  regional('na-boc', 'na', 'North America SMB (Fama/French 5-factor, US dollars), monthly, around the Bank of Canada’s cycles'),
];

/** The pooled pseudo-samples: every regional sample outside the US, those plus the US primary sample of claim 1, and the first definition with a 365-day pause counted as a turn. */
export const POOLED = { exUs: 'pooled-ex-us', all: 'pooled-all', resumed: 'pooled-ex-us-pause' } as const;

/**
 * The declared primary sample of each claim: the longest sample that answers it, so the one
 * with the most independent cycles, episodes or decades (ff-1954: 25 first cuts since 1954
 * against 8 for the Russell 2000; ff-1926: nine non-overlapping decades of valuations). The
 * headline parts on these samples form the primary family, whose p-values are adjusted for
 * multiplicity; every other sample is a robustness check that shares most of its history with
 * the primary one and is never counted as an independent confirmation.
 */
export const PRIMARY_SAMPLE: Readonly<Record<number, string>> = { 1: 'ff-1954', 2: 'ff-1954', 3: 'ff-1954', 4: 'ff-1954', 5: 'ff-1926' };
