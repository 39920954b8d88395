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
    how: 'Small − large return from the close of each first cut of an easing cycle to the last bar on or before h calendar months later. The claim is that the cut matters, so the verdict tests the excess of the mean over the same mean from other entry dates: the whole pattern of events, its spacing kept, is shifted to every eligible start date (a rotation placebo, exact), whose centre is the mean over all eligible entry dates; p and the interval that inverts the test come from those shifts. Small − large against 0 is shown beside it (wild cluster bootstrap-t with Webb weights over the independent groups of events; cluster-robust t on G − 1 df). Split by whether an NBER recession began within 12 months (known only ex post).',
  },
  {
    claim: 2,
    text: 'Small caps beat large caps while the Fed is easing, and lag while it tightens.',
    how: 'Per-bar small − large spread, labelled by the Fed phase known at the previous close. Each phase’s annualized mean minus the all-bars mean, tested as the phase dummy’s coefficient with each episode (a run of bars in one phase) as a cluster: wild cluster restricted bootstrap-t with Webb weights, interval by test inversion. Easing − tightening, and the phases under hold rules of 91 and 365 days, as details.',
  },
  {
    claim: 3,
    text: 'Small caps do better after any rate cut, and after the Fed’s later cuts (after a pause).',
    how: 'As claim 1 at 12 months, over every cut, and over the later cuts of an easing cycle that come at least 91 days after the cycle’s previous cut. Cuts of one cycle overlap in time and form one group: n is shown as events in groups, the rotation placebo keeps the groups and their spacing, and a detail row weights each group once.',
  },
  {
    claim: 4,
    text: 'The ISM manufacturing index tells where small caps go next: after the PMI has been below 50 for six months, and once it crosses back above 50, small caps beat large caps; they do better while the PMI is below 50 than above it.',
    how: 'ISM PMI as known at each close (first releases from 2006-12, revised values before; each row says how many of its events rest on which). Events: the release that completes six readings in a row below 50; the first release at or above 50 after six or more below; each tested as claim 1. By state: annualized spread while the PMI known at the previous close is below 50 minus while it is at or above 50, with each spell on one side of 50 as a cluster, tested as claim 2.',
  },
  {
    claim: 5,
    text: 'Small caps’ relative cheapness points to about 8 % a year over the next decade against under 1 % for large caps.',
    how: 'Predictive regression of the next 10 years’ annualized small − large return on bm_spread (book-to-market of small over large stocks, as known at each month end), Newey–West errors at lag 120. Overlapping windows of a persistent predictor make the normal test reject far too often, so the t and the out-of-sample R² (Campbell & Thompson 2008) are referred to their distributions under no predictability (bm_spread’s real path kept, monthly returns resampled), cross-checked with Hodrick’s 1B t and regressions on non-overlapping decades; fewer than 5 non-overlapping decades: not tested. The implied spread at the latest reading with the interval of the conditional mean, a prediction interval for the coming decade itself, and the article’s ≈ 7 points a year as a point null.',
  },
];
