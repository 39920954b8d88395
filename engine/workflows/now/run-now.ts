import { isoDay, parseIsoDay } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { packageVersion } from '../../core/paths.js';
import type { Catalog } from '../../core/types.js';
import type { NowReport } from '../../formats/now-folder.js';
import { DEFAULT_DRAWS } from '../../measure/stats/bootstrap-mean.js';
import { MAX_DRAWS } from '../claims/run-claims.js';
import { analyzeHistory, HEADLINE_HORIZON, NOW_HORIZONS } from './analyze.js';
import { ARTICLE, articleCall } from './article-call.js';
import { FEATURES } from './features.js';
import { buildHistory } from './history.js';
import { loadNowInputs, type NowInputs } from './load-inputs.js';
import { outlookSentence, stateWords, trackSentence } from './sentences.js';
import { stateTable } from './state-table.js';

/** Options of {@link runNow}. */
export interface NowOptions {
  /** Universe id (default `ff`: the Fama/French size portfolios; a daily universe is reduced to month ends). */
  universe?: string;
  /** The date to stand at, `YYYY-MM-DD` (default: the universe's last bar); only data known then is used. */
  asOf?: string;
  seed?: number;
  draws?: number;
}

/** Checks the options the way `claims` does; returns the as-of day (NaN: the default). */
function checked(options: NowOptions): { seed: number; draws: number; asOf: number } {
  const seed = options.seed ?? 1;
  const draws = options.draws ?? DEFAULT_DRAWS;
  if (!Number.isInteger(draws) || draws < 100 || draws > MAX_DRAWS)
    throw new UserError(`‹draws› must be a whole number from 100 to ${MAX_DRAWS.toLocaleString('en-US')} (got ${options.draws})`, { value: options.draws });
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1)
    throw new UserError(`‹seed› must be a whole number from 0 to 4294967295 (got ${options.seed})`, { value: options.seed });
  const asOf = options.asOf === undefined ? NaN : parseIsoDay(options.asOf);
  if (options.asOf !== undefined && Number.isNaN(asOf)) throw new UserError(`‹as-of› "${options.asOf}" is not a date (YYYY-MM-DD)`, { value: options.asOf });
  return { seed, draws, asOf };
}

/**
 * Where the rate cycle stands at a date and what history says about the next months from a
 * state like it (see docs/now.md): the state with each input's date and age, the nearest
 * analogue months by a weighted distance on standardized inputs, the conditional outlook at 3,
 * 6, 12 and 24 months beside the unconditional one with the rotation placebo and the claims'
 * verdict rule, the analogue forecaster's own out-of-sample record with its null, and the
 * article's call since 2025-09-18. Only data known at the as-of date is read. Deterministic:
 * the same catalog, options, seed and draws give the same report byte for byte.
 */
export function runNow(catalog: Catalog, options: NowOptions = {}, loaded?: NowInputs): NowReport {
  const { seed, draws, asOf: wanted } = checked(options);
  const inputs = loaded ?? loadNowInputs(catalog, options.universe);
  const m = inputs.market;
  const lastDay = m.dates[m.dates.length - 1];
  const asOf = Number.isNaN(wanted) ? lastDay : wanted;
  // after the last day any input is known, nothing more is known: a later date only ages the state
  if (asOf > inputs.lastKnown)
    throw new UserError(
      `‹as-of› ${isoDay(asOf)} is after every input now reads: the latest is known ${isoDay(inputs.lastKnown)} (universe "${inputs.universe.id}" ends ${isoDay(lastDay)})`,
      { value: options.asOf },
    );
  const history = buildHistory(inputs, asOf);
  const analysis = analyzeHistory(history, { draws, seed });
  const table = stateTable(history.now, inputs, asOf);
  const f = history.now.fed;
  const direction = f.direction!;
  const articleDay = parseIsoDay(ARTICLE.date);
  let article: NowReport['article'];
  if (asOf >= articleDay) {
    const then = asOf === articleDay ? history : buildHistory(inputs, articleDay);
    const thenOutlook =
      asOf === articleDay
        ? analysis.outlook.find((o) => o.horizon === HEADLINE_HORIZON)
        : analyzeHistory(then, { draws, seed, track: false }).outlook.find((o) => o.horizon === HEADLINE_HORIZON);
    article = articleCall(inputs, history, then, thenOutlook);
  }
  const headline = analysis.outlook.find((o) => o.horizon === HEADLINE_HORIZON)!;
  const lastMonthEnd = history.now.trailing.to;
  return {
    version: packageVersion(),
    seed,
    draws,
    universe: inputs.universe,
    asOf: isoDay(asOf),
    lastMonthEnd: isoDay(lastMonthEnd),
    historyFrom: isoDay(history.days[0]),
    cycle: { id: f.cycleId, direction, start: isoDay(f.cycleStart), phase: f.phase },
    state: table.rows,
    stale: table.stale,
    lacking: inputs.lacking,
    method: {
      features: FEATURES.map((x, k) => ({ id: x.id, label: x.label, weight: x.weight, cap: x.cap ?? NaN, why: x.why, scale: analysis.scales[k] })),
      direction: `analogues are month ends of the same Fed cycle direction (${direction}) whose outcome at the horizon is known at the as-of date`,
      k: 'k = √(candidates), rounded, at least 5 (Loftsgaarden & Quesenberry 1965)',
      horizons: [...NOW_HORIZONS],
      headline: HEADLINE_HORIZON,
    },
    analogues: analysis.analogues,
    outlook: analysis.outlook,
    track: analysis.track,
    ...(article ? { article } : {}),
    sentence: `At ${isoDay(asOf)}: ${stateWords(history.now, isoDay)}. ${outlookSentence(headline, direction)}`,
    trackSentence: trackSentence(analysis.track.find((t) => t.horizon === HEADLINE_HORIZON)),
    warnings: [...inputs.warnings, ...inputs.lacking.map((l) => `${l.id} is left out of the state: ${l.why}`)],
  };
}
