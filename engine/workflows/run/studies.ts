import { eventPath, type EventPath } from '../../measure/analytics/event-path.js';
import { eventStudy, HORIZONS, summarizeEvents, type EventRow, type EventSummary } from '../../measure/analytics/event-study.js';
import { annualize, regimeTable, type RegimeInput, type RegimeRow } from '../../measure/analytics/regimes.js';
import { deriveSeed } from '../../core/random.js';
import { meanInference, type MeanInference } from '../../measure/stats/mean-inference.js';
import { Phase, type FedCycle, type FomcDecision } from '../../core/types.js';

/** Block-bootstrap draws of a run's regime table (the event study uses the default 10,000). */
export const RUN_REGIME_DRAWS = 2_000;

/** Bootstrap and placebo draws of a run's path bands and strategy inference (a run stays fast; `ratecycle claims` uses 10,000). */
export const RUN_PATH_DRAWS = 2_000;

/** Event kinds of a run's event study: first cuts always; `cut` and `hike` on request. */
export type EventKind = 'first-cut' | 'cut' | 'hike';

/**
 * What a run's studies read: plain columns and lists, no strategy and no market object, so
 * the studies can run on another thread from a structured clone of this.
 */
export interface StudyInput {
  dates: Int32Array;
  periodsPerYear: number;
  /** Per-bar returns: the strategy's, cash, and the universe's small, large and (when it has one) bonds asset. */
  strategy: Float64Array;
  cash: Float64Array;
  small: Float64Array;
  large: Float64Array;
  bonds?: Float64Array;
  /** Equity of the strategy and buy-and-hold equity of small, large and bonds (1 at the first bar). */
  equity: Float64Array;
  smallEquity: Float64Array;
  largeEquity: Float64Array;
  bondsEquity?: Float64Array;
  /** Fed phase known at each close, the Fed cycles and the FOMC decisions of the frame. */
  phase: Int8Array;
  cycles: readonly FedCycle[];
  fomc: readonly FomcDecision[];
  /** Event kinds besides first cuts. */
  events: readonly EventKind[];
}

/** The strategy's mean return over one yardstick (annualized), with its Newey–West t and bootstrap interval. */
export interface StrategyInference extends MeanInference {
  versus: 'cash' | 'large' | 'small';
}

/** A run's studies: regime table, event study, first-cut path and strategy inference. */
export interface Studies {
  regimes: RegimeRow[];
  events: EventRow[];
  eventSummary: EventSummary[];
  /** Average small − large path around the first cuts (3 months before to 24 after), with its bands. */
  eventPath: EventPath;
  /** The strategy's annualized mean return over cash, large caps and small caps. */
  inference: StrategyInference[];
}

/**
 * Computes a run's studies from its columns: the regime table (Fed phases and cycles, with
 * stationary-bootstrap intervals of the spread), the event study of first cuts (and cuts or
 * hikes on request) with its summary, the first-cut path with bootstrap and placebo bands,
 * and the strategy's mean return over cash, large and small caps (Newey–West t,
 * stationary-bootstrap interval). Deterministic: every resampling has its own fixed seed,
 * so the result is the same on any thread.
 */
export function computeStudies(input: StudyInput): Studies {
  return { ...computeStudyRows(input), inference: strategyInference(input) };
}

/** What {@link strategyInference} reads of a run's study input. */
export type InferenceInput = Pick<StudyInput, 'strategy' | 'cash' | 'large' | 'small' | 'periodsPerYear'>;

/** A run's studies but the strategy inference (see {@link strategyInference}): the regime table, the event study and its summary, the first-cut path. */
export type StudyRows = Omit<Studies, 'inference'>;

/** The {@link StudyRows} of {@link computeStudies} (the same bits). */
export function computeStudyRows(input: StudyInput): StudyRows {
  const regimes = regimeTable(regimeInput(input), { draws: RUN_REGIME_DRAWS });
  const events = eventRows(input);
  const eventSummary = summarizeEvents(events, { input: levels(input) });
  const { dates } = input;
  const entries: number[] = [];
  for (const e of events) if (e.event === 'first-cut' && e.horizonMonths === events[0]?.horizonMonths) entries.push(dates.indexOf(e.entryDate));
  const path = eventPath(
    { dates, small: input.smallEquity, large: input.largeEquity },
    entries.filter((i) => i >= 0),
    { draws: RUN_PATH_DRAWS },
  );
  return { regimes, events, eventSummary, eventPath: path };
}

/**
 * The parts of a run's studies that do not depend on the strategy's returns: the regime table's
 * and the event summary's rows (their spread statistics, bootstraps and placebo tests are of
 * small − large), and the first-cut path. Only the rows' strategy fields (`strategy`,
 * `strategyAnn`, `strategyMean`) depend on the strategy: {@link studiesWithMarketParts} replaces them.
 */
export type MarketStudies = Pick<Studies, 'regimes' | 'eventSummary' | 'eventPath'>;

/**
 * The studies of `input` from the {@link MarketStudies} of the same market computed for any
 * strategy: the same result as {@link computeStudies}, with the strategy's own fields computed
 * for the rows of the parts (the regime rows' returns as regimeTable compounds them, the event
 * summary's means by summarizeEvents without its resamplings: a single draw, no placebo test,
 * whose results are not used), its event rows and its inference in full. Null when the parts do
 * not match the input's rows (then compute them in full).
 */
export function studiesWithMarketParts(input: StudyInput, market: MarketStudies): Studies | null {
  const rows = studyRowsWithMarketParts(input, market);
  return rows && { ...rows, inference: strategyInference(input) };
}

/** The {@link StudyRows} of {@link studiesWithMarketParts} (without the strategy inference). */
export function studyRowsWithMarketParts(input: StudyInput, market: MarketStudies): StudyRows | null {
  const own = strategyRegimeFields(input, market.regimes);
  const events = eventRows(input);
  const summary = summarizeEvents(events, { draws: 1 });
  if (own === null || summary.length !== market.eventSummary.length) return null;
  if (summary.some((s, i) => s.event !== market.eventSummary[i].event || s.horizonMonths !== market.eventSummary[i].horizonMonths)) return null;
  return {
    regimes: market.regimes.map((r, i) => ({ ...r, ...own[i] })),
    events,
    eventSummary: market.eventSummary.map((s, i) => ({ ...s, strategyMean: summary[i].strategyMean })),
    eventPath: market.eventPath,
  };
}

const PHASE_OF: Record<string, number> = { easing: Phase.Easing, tightening: Phase.Tightening, hold: Phase.Hold };

/**
 * The strategy's fields of each row of a regime table of the same dates, phases and cycles, as
 * regimeTable computes them (a test pins the bits): the strategy's return compounded over the
 * row's bars in order, Π(1 + r_t) − 1, annualized over the row's calendar days when they make a
 * year or more. A phase row's bars are those whose previous close was in its phase; a cycle
 * row's run from the bar after its start to its end; the contrast row has its own fields (none
 * of the strategy's). Null when a cycle row's bars are not the run its dates give.
 */
function strategyRegimeFields(input: StudyInput, rows: readonly RegimeRow[]): Pick<RegimeRow, 'strategy' | 'strategyAnn'>[] | null {
  const { dates, phase, strategy } = input;
  const T = dates.length;
  const at = (day: number) => {
    let lo = 0,
      hi = T - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (dates[mid] === day) return mid;
      if (dates[mid] < day) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  const out: Pick<RegimeRow, 'strategy' | 'strategyAnn'>[] = [];
  for (const r of rows) {
    if (r.scope === 'contrast') {
      out.push({ strategy: r.strategy, strategyAnn: r.strategyAnn });
      continue;
    }
    let g = 1;
    if (r.scope === 'phase') {
      const value = PHASE_OF[r.direction];
      if (value === undefined) return null;
      for (let t = 1; t < T; t++) if (phase[t - 1] === value) g *= 1 + strategy[t];
    } else if (r.bars > 0) {
      const first = at(r.start) + 1,
        last = at(r.end);
      if (first < 1 || last - first + 1 !== r.bars) return null;
      for (let t = first; t <= last; t++) g *= 1 + strategy[t];
    }
    const ret = g - 1;
    out.push({ strategy: ret, strategyAnn: r.days >= 365 ? annualize(ret, r.days) : NaN });
  }
  return out;
}

/** The regime table's input of a run's columns. */
function regimeInput(input: StudyInput): RegimeInput {
  return {
    dates: input.dates,
    strategy: input.strategy,
    small: input.small,
    large: input.large,
    ...(input.bonds ? { bonds: input.bonds } : {}),
    phase: input.phase,
    cycles: input.cycles,
    periodsPerYear: input.periodsPerYear,
  };
}

/** The price levels of the event study (the strategy's equity and buy-and-hold small and large). */
function levels(input: StudyInput) {
  return { dates: input.dates, strategy: input.equity, small: input.smallEquity, large: input.largeEquity };
}

/** The event study's rows: first cuts, and cuts or hikes on request, at every horizon. */
function eventRows(input: StudyInput): EventRow[] {
  const kinds = new Set<EventKind>(['first-cut', ...input.events]);
  const evs: { event: string; date: number }[] = [];
  for (const c of input.cycles) if (c.direction === 'easing' && kinds.has('first-cut')) evs.push({ event: 'first-cut', date: c.start });
  for (const d of input.fomc) {
    if (d.changeBp < 0 && kinds.has('cut')) evs.push({ event: 'cut', date: d.date });
    if (d.changeBp > 0 && kinds.has('hike')) evs.push({ event: 'hike', date: d.date });
  }
  return eventStudy({ ...levels(input), ...(input.bondsEquity ? { bonds: input.bondsEquity } : {}) }, evs, HORIZONS);
}

/** The strategy's annualized mean return over cash, large and small caps (Newey–West t, stationary-bootstrap interval): the studies' part that depends on the strategy alone. */
export function strategyInference(input: InferenceInput): StrategyInference[] {
  const T = input.strategy.length;
  const over = (b: Float64Array) => Float64Array.from({ length: T - 1 }, (_, i) => input.strategy[i + 1] - b[i + 1]);
  return (
    [
      ['cash', input.cash],
      ['large', input.large],
      ['small', input.small],
    ] as const
  ).map(([versus, b]) => ({ versus, ...meanInference(over(b), input.periodsPerYear, { draws: RUN_PATH_DRAWS, seed: deriveSeed(1, `strategy/${versus}`) }) }));
}
