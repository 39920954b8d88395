import { isoDay } from '../core/dates.js';
import { UserError } from '../core/errors.js';
import type { Catalog, CatalogEntry, UniverseSpec } from '../core/types.js';
import { loadFomc } from '../market/data/load-fomc.js';
import { displayPath, loadSeries } from '../market/data/load-series.js';
import { formatPublication } from '../market/data/import/parse-publication.js';
import { intersectDates } from '../market/intersect-dates.js';

/** A series' first and last dates (YYYY-MM-DD), its rows, its dates (not for an event table) and its load warnings. */
export interface SeriesRange {
  from: string;
  to: string;
  rows: number;
  dates?: Int32Array;
  warnings: string[];
}

/** A row of `data list`: a series of the catalog, its range and where it comes from (the user's folder or "shipped"). */
export interface ListedSeries {
  id: string;
  kind: CatalogEntry['kind'];
  frequency: CatalogEntry['frequency'];
  from: string;
  to: string;
  rows: number;
  units: string;
  publication: string;
  source: string;
  origin: string;
}

/** A universe of the catalog and where it comes from. */
export type ListedUniverse = UniverseSpec & { origin: string };

/** What `data check` found: every series' range and warnings, and every universe's common bars. */
export interface CatalogCheck {
  series: { id: string; from: string; to: string; rows: number; warnings: string[] }[];
  universes: { id: string; from: string; to: string; bars: number }[];
}

/** Loads series `id` of the catalog (an event table: its decisions) and returns its range. */
export function seriesRange(catalog: Catalog, id: string): SeriesRange {
  const e = catalog.series.find((s) => s.id === id)!;
  if (e.kind === 'event') {
    const { decisions } = loadFomc(e, catalog.dir);
    return { from: isoDay(decisions[0].date), to: isoDay(decisions[decisions.length - 1].date), rows: decisions.length, warnings: [] as string[] };
  }
  const s = loadSeries(e, catalog.dir);
  return { from: isoDay(s.dates[0]), to: isoDay(s.dates[s.dates.length - 1]), rows: s.dates.length, dates: s.dates, warnings: s.warnings ?? [] };
}

/** Where a series or universe comes from: the catalog's folder, or "shipped" for one a user catalog inherits. */
function origin(catalog: Catalog, id: string, kind: 'series' | 'universes'): string {
  if (!catalog.own) return displayPath(catalog.dir);
  return catalog.own[kind].includes(id) ? displayPath(catalog.dir) : 'shipped';
}

/** Every series of the catalog with its range (each one loaded), and every universe, with where each comes from. */
export function catalogListing(catalog: Catalog): { series: ListedSeries[]; universes: ListedUniverse[] } {
  const series = catalog.series.map((e) => {
    const { from, to, rows } = seriesRange(catalog, e.id);
    return {
      id: e.id,
      kind: e.kind,
      frequency: e.frequency,
      from,
      to,
      rows,
      units: e.units,
      publication: formatPublication(e.publication),
      source: e.source,
      origin: origin(catalog, e.id, 'series'),
    };
  });
  const universes = catalog.universes.map((u) => ({ ...u, origin: origin(catalog, u.id, 'universes') }));
  return { series, universes };
}

/**
 * Loads and validates every series of the catalog and finds each universe's common bars; a
 * catalog with no series, a series that does not load, or a universe whose assets share fewer
 * than 2 dates is refused (UserError).
 */
export function checkCatalog(catalog: Catalog): CatalogCheck {
  if (catalog.series.length === 0) throw new UserError(`${displayPath(catalog.dir)}/catalog.json lists no series`);
  const loaded = new Map<string, SeriesRange>();
  for (const e of catalog.series) loaded.set(e.id, seriesRange(catalog, e.id));
  const universes = catalog.universes.map((u) => {
    const common = intersectDates(u.assets.map((a) => loaded.get(a)!.dates!));
    const n = common.dates.length;
    if (n < 2)
      throw new UserError(
        `universe "${u.id}": its assets ${u.assets.join(', ')} share ${n} date${n === 1 ? '' : 's'}; a universe needs at least 2 common bars`,
      );
    return { id: u.id, from: isoDay(common.dates[0]), to: isoDay(common.dates[n - 1]), bars: n };
  });
  const series = catalog.series.map((e) => {
    const r = loaded.get(e.id)!;
    return { id: e.id, from: r.from, to: r.to, rows: r.rows, warnings: r.warnings };
  });
  return { series, universes };
}
