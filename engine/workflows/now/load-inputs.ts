import { parseIsoDay } from '../../core/dates.js';
import type { Catalog, Market, PolicyMove } from '../../core/types.js';
import { buildMarket } from '../../market/build-market.js';
import { findEntry, findUniverse } from '../../market/data/catalog.js';
import { defaultUniverse } from '../../market/data/default-universe.js';
import { loadSeries } from '../../market/data/load-series.js';
import { publicationDays } from '../../market/publication.js';
import type { Indicator } from './indicator.js';
import { policyMoves } from './policy-moves.js';

/** The catalog series `now` reads besides the universe and the Fed data, by role. */
export const NOW_SERIES = { ism: 'ism_pmi', bm: 'bm_spread', curve: 't10y2y', russell: 'rut' } as const;

/** The universe `now` uses when none is named: the Fama/French size portfolios (since 1926, Fed data from 1954), else the catalog's default. */
export const NOW_DEFAULT_UNIVERSE = 'ff';

/** Everything `now` reads, loaded once: the universe's market frame over all its data and the indicators, point in time. */
export interface NowInputs {
  universe: { id: string; description: string; frequency: 'daily' | 'monthly' };
  /** The whole market frame; every reader looks only at bars dated on or before the as-of date. */
  market: Market;
  /** Every policy move in the catalog (not only those up to the universe's last bar); readers take those up to the as-of date. */
  moves: PolicyMove[];
  /** The last day any input is known (bars, moves, indicators): no later as-of date can know more. */
  lastKnown: number;
  /** First FOMC decision (the policy rate is the target from then, the effective funds rate before); Infinity without decisions. */
  decisionsFrom: number;
  ism?: Indicator;
  bm?: Indicator;
  curve?: Indicator;
  /** The Russell 2000 price index (for the article's "record close"), when the catalog has it. */
  russell?: Indicator;
  /** First ISM observation that is a first release (earlier ones are revised values). */
  ismFirstRelease?: number;
  /** Roles whose series this catalog lacks, with why. */
  lacking: { id: string; why: string }[];
  /** Caveats of the universe itself (e.g. small and large on different return bases). */
  warnings: string[];
}

/** A catalog series as an Indicator (point in time), or why it is not there. */
function indicator(catalog: Catalog, id: string): Indicator | string {
  const entry = catalog.series.find((s) => s.id === id);
  if (!entry) return catalog.unavailable?.series[id] ?? `no ${id} series in the catalog`;
  const s = loadSeries(findEntry(catalog, id), catalog.dir);
  return {
    id,
    dates: s.dates,
    values: s.values,
    known: publicationDays(s.dates, entry.publication, s.published),
    maxStaleDays: entry.maxStaleDays ?? Infinity,
    units: entry.units,
  };
}

/**
 * Loads what `now` needs from a catalog: the universe's market frame over all its data (default
 * {@link NOW_DEFAULT_UNIVERSE}; a daily universe is reduced to month ends later), the Fed's moves
 * within it, and the ISM PMI, bm_spread, the 10-year − 2-year curve and the Russell 2000 with the
 * day each value became known. A series the catalog lacks is listed in `lacking` and its input is
 * left out. Nothing is cut at the as-of date here: the readers do that, so the same inputs serve
 * every as-of date.
 */
export function loadNowInputs(catalog: Catalog, universe?: string): NowInputs {
  const id = universe ?? (catalog.universes.some((u) => u.id === NOW_DEFAULT_UNIVERSE) ? NOW_DEFAULT_UNIVERSE : defaultUniverse(catalog).id);
  const spec = findUniverse(catalog, id);
  const market = buildMarket(catalog, { universe: id });
  const lacking: NowInputs['lacking'] = [];
  const get = (role: keyof typeof NOW_SERIES): Indicator | undefined => {
    const r = indicator(catalog, NOW_SERIES[role]);
    if (typeof r === 'string') {
      if (role !== 'russell') lacking.push({ id: NOW_SERIES[role], why: r });
      return undefined;
    }
    return r;
  };
  const ismEntry = catalog.series.find((s) => s.id === NOW_SERIES.ism);
  const { moves, decisionsFrom } = policyMoves(catalog);
  const [ism, bm, curve, russell] = [get('ism'), get('bm'), get('curve'), get('russell')];
  const lastOf = (s?: Indicator) => (s && s.known.length ? s.known[s.known.length - 1] : -Infinity);
  return {
    universe: { id: spec.id, description: spec.description, frequency: spec.frequency },
    market,
    moves,
    lastKnown: Math.max(market.dates[market.dates.length - 1], moves.length ? moves[moves.length - 1].date : -Infinity, lastOf(ism), lastOf(bm), lastOf(curve)),
    decisionsFrom,
    ism,
    bm,
    curve,
    russell,
    ismFirstRelease: ismEntry?.firstReleaseFrom ? parseIsoDay(ismEntry.firstReleaseFrom) : undefined,
    lacking,
    // only the universe's own caveats: the frame's staleness notes describe its whole data, not the as-of date
    warnings: market.warnings.filter((w) => w.startsWith('universe ')),
  };
}
