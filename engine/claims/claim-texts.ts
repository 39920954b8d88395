/**
 * The article's claims, in its words, and how each is tested. The article: small caps beat
 * large caps after the Fed starts cutting; the ISM manufacturing index (below 50 for six
 * months) tells where small caps go next; small caps' cheap valuations point to about 8 % a
 * year over the next decade against under 1 % for large caps.
 */
export const CLAIMS: readonly { claim: number; text: string; how: string }[] = [
  {
    claim: 1,
    text: 'Small caps beat large caps in the 12 months after the Fed’s first cut (and at 1, 3, 6 and 24 months).',
    how: 'Mean small − large return from the close of each first cut of an easing cycle to the last bar on or before h calendar months later. 95 % interval: bootstrap of the mean over events (over groups of events whose windows overlap, when they do). p: placebo test — the same mean over as many entry dates drawn at random from every eligible date of the sample. Split by whether an NBER recession began within 12 months (known only ex post).',
  },
  {
    claim: 2,
    text: 'Small caps beat large caps while the Fed is easing, and lag while it tightens.',
    how: 'Annualized small − large spread (mean per-bar difference × bars per year) over the bars held in each Fed phase known at the previous close. 95 % interval: stationary block bootstrap of the whole spread series with its phase labels (Politis–Romano; block length by Politis–White). p: Newey–West t, normal.',
  },
  {
    claim: 3,
    text: 'Small caps do better after any rate cut, and after the Fed’s later cuts (after a pause).',
    how: 'As claim 1 at 12 months, over every cut, and over the later cuts of an easing cycle that come at least 91 days after the cycle’s previous cut. Cuts of one cycle overlap in time, so the interval resamples groups of overlapping events.',
  },
  {
    claim: 4,
    text: 'The ISM manufacturing index tells where small caps go next: after the PMI has been below 50 for six months, and once it crosses back above 50, small caps beat large caps; they do better while the PMI is below 50 than above it.',
    how: 'ISM PMI as known at each close (first releases from 2006-12, revised values before). Events: the release that completes six readings in a row below 50; the first release at or above 50 after six or more below. Mean small − large over the next 12 months, tested as claim 1. By state: annualized spread while the PMI known at the previous close is below 50 minus while it is at or above 50, block bootstrap as claim 2.',
  },
  {
    claim: 5,
    text: 'Small caps’ relative cheapness points to about 8 % a year over the next decade against under 1 % for large caps.',
    how: 'Predictive regression of the next 10 years’ annualized small − large return on bm_spread (book-to-market of small over large stocks, as known at each month end): slope with Newey–West errors at lag 120 months, in-sample R², and the out-of-sample R² of an expanding-window forecast against the historical mean (Campbell & Thompson 2008; Welch & Goyal 2008). The implied 10-year spread at the latest reading with its 95 % interval, beside the article’s 8 % − 1 % ≈ 7 points a year. Overlapping 10-year windows leave few independent observations: read the intervals as optimistic.',
  },
];
