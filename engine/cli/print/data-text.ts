import { isoDay } from '../../core/dates.js';
import type { Catalog } from '../../core/types.js';
import { displayPath } from '../../market/data/load-series.js';
import type { AddedSeries } from '../../market/data/import/add-series.js';
import { formatPublication } from '../../market/data/import/parse-publication.js';
import type { CatalogCheck, ListedSeries, ListedUniverse } from '../catalog-summary.js';
import { count } from '../format.js';
import { textTable } from '../table.js';

/** The shipped series and universes this installation lacks, in two lines (none when it lacks nothing). */
export function unavailableLines(catalog: Catalog): string[] {
  const u = catalog.unavailable;
  if (!u) return [];
  const ids = Object.keys(u.series);
  const uni = Object.keys(u.universes);
  return [`not available here: series ${ids.join(', ')}${uni.length ? `; universes ${uni.join(', ')}` : ''}`, `  (${Object.values(u.series)[0]})`];
}

/** `data list --json`: the folder, the series and universes, and what is not available here. */
export function dataListJson(catalog: Catalog, listing: { series: ListedSeries[]; universes: ListedUniverse[] }): object {
  return { dir: displayPath(catalog.dir), ...listing, unavailable: catalog.unavailable ?? { series: {}, universes: {} } };
}

/** `data list` as terminal lines: a table of the series, a blank line, a table of the universes, then what is not available here; a user catalog adds a "from folder" column. */
export function dataListLines(catalog: Catalog, listing: { series: ListedSeries[]; universes: ListedUniverse[] }): string[] {
  const own = Boolean(catalog.own);
  return [
    textTable(
      ['id', 'kind', 'frequency', 'from', 'to', 'rows', 'units', ...(own ? ['from folder'] : []), 'source'],
      listing.series.map((s) => [s.id, s.kind, s.frequency, s.from, s.to, count(s.rows), s.units, ...(own ? [s.origin] : []), s.source]),
    ),
    '',
    textTable(
      ['universe', 'assets', 'small', 'large', 'cash', 'frequency', ...(own ? ['from folder'] : []), 'description'],
      listing.universes.map((u) => [u.id, u.assets.join(' '), u.small, u.large, u.cash, u.frequency, ...(own ? [u.origin] : []), u.description]),
    ),
    ...unavailableLines(catalog),
  ];
}

/** `data check --json`: every series and universe checked, the warnings, and what is not available here. */
export function dataCheckJson(catalog: Catalog, check: CatalogCheck): object {
  return {
    ok: true,
    dir: displayPath(catalog.dir),
    series: check.series,
    universes: check.universes,
    warnings: check.series.flatMap((s) => s.warnings),
    unavailable: catalog.unavailable ?? { series: {}, universes: {} },
  };
}

/** `data check` as terminal lines: "ok" or "warn" and the range of each series (its warnings below it), each universe's common bars, what is not available here, and a verdict. */
export function dataCheckLines(catalog: Catalog, check: CatalogCheck): string[] {
  const { series, universes } = check;
  const warned = series.filter((s) => s.warnings.length);
  const width = Math.max(...series.map((s) => s.id.length), ...universes.map((u) => u.id.length));
  const lines: string[] = [];
  for (const s of series) {
    lines.push(`${s.warnings.length ? 'warn' : 'ok  '}${s.id.padEnd(width)}  ${s.from} to ${s.to}  ${count(s.rows)} rows`.replace(/^warn/, 'warn '));
    for (const w of s.warnings) lines.push(`      ${w}`);
  }
  for (const u of universes) lines.push(`ok  universe ${u.id.padEnd(width)}  ${u.from} to ${u.to}  ${count(u.bars)} common bars`);
  lines.push(...unavailableLines(catalog));
  lines.push(
    `data check: ${series.length} series, ${universes.length} universes, all valid${warned.length ? `; ${warned.length} with warnings (above): look at them before trusting a backtest` : ''}`,
  );
  return lines;
}

/** `data add --json`: the files written, how the download was read and the catalog entry. */
export function dataAddJson(r: AddedSeries): object {
  const d = r.download;
  return {
    csv: r.csv,
    catalog: r.catalog,
    created: r.created,
    overridesShipped: r.overridesShipped,
    format: d.format,
    column: d.column,
    rows: d.dates.length,
    dropped: d.dropped,
    reversed: d.reversed,
    entry: r.entry,
  };
}

/** `data add` as terminal lines: how the download was read, what was written, and a note when the publication rule is a default guess (`publicationGiven`: `--publication` was given). */
export function dataAddLines(r: AddedSeries, publicationGiven: boolean): string[] {
  const d = r.download;
  const e = r.entry;
  const lines = [
    `read ${d.file} as a ${d.format} file: column "${d.column}", ${count(d.dates.length)} rows from ${isoDay(d.dates[0])} to ${isoDay(d.dates[d.dates.length - 1])}${d.dropped ? `, ${count(d.dropped)} without a value skipped` : ''}${d.reversed ? ', newest first (reversed)' : ''}`,
    `wrote ${r.csv} and ${r.created ? 'created' : 'updated'} ${r.catalog}: series "${e.id}", ${e.kind}, ${e.frequency}, known ${formatPublication(e.publication)}${r.overridesShipped ? ` (replaces the shipped "${e.id}" for this folder)` : ''}`,
  ];
  if (!publicationGiven && e.kind !== 'price' && e.kind !== 'return') {
    lines.push(`note: the publication rule ${formatPublication(e.publication)} is a conservative default; set --publication to the real release schedule`);
  }
  return lines;
}
