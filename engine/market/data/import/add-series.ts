import { nearestPath } from '../../../core/io/nearest-path.js';
import { lockFolder } from '../../../core/io/folder-lock.js';
import { writeFileAtomically } from '../../../core/io/atomic-dir.js';
import { fsUserError } from '../../../core/io/fs-errors.js';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DataError, UserError } from '../../../core/errors.js';
import { isoDay, ymdFromDay } from '../../../core/dates.js';
import { shippedDataDir } from '../../../core/paths.js';
import type { CatalogEntry, Frequency, SeriesKind } from '../../../core/types.js';
import { loadCatalog, SHIPPED_CATALOG } from '../catalog.js';
import { projectSeriesIdsDts, SERIES_IDS_DTS } from '../series-ids-source.js';
import { displayPath, loadSeries } from '../load-series.js';
import type { DownloadFormat } from './detect-format.js';
import { inferFrequency, STALE_DAYS } from './infer-frequency.js';
import { defaultPublication, parsePublication } from './parse-publication.js';
import { readDownload, type Download } from './read-download.js';

/** Options of {@link addSeries} (the flags of `ratecycle data add`). */
export interface AddSeriesOptions {
  /** The downloaded CSV. */
  file: string;
  /** Series id in the catalog (lower-case letters, digits and _). */
  id: string;
  /** Default: `price` for Yahoo and Stooq, `rate` for a FRED rate or yield (DGS10, TB3MS, FEDFUNDS, …), `indicator` otherwise. */
  kind?: SeriesKind;
  column?: string;
  format?: DownloadFormat | 'auto';
  /** `--publication` text (default: {@link defaultPublication}). */
  publication?: string;
  /** Data folder (default `./data`); created with a catalog that extends the shipped one. */
  into?: string;
  /** Default: inferred from the dates. */
  frequency?: Frequency;
  units?: string;
  source?: string;
  description?: string;
  /** Replace a series of the same id already in this folder's catalog. */
  force?: boolean;
  /** Price and return series: dividends excluded (`price`) or reinvested (`total`); default from the download (Yahoo's Adj Close: total; Close, Stooq: price). */
  basis?: 'price' | 'total';
  /** Where `data update` fetches newer values (recorded in the entry). */
  update?: CatalogEntry['update'];
}

/** What {@link addSeries} wrote. */
export interface AddedSeries {
  entry: CatalogEntry;
  download: Download;
  /** Paths of the tidy CSV and the catalog, as shown to the user. */
  csv: string;
  catalog: string;
  /** True when the id replaces a shipped series for this folder. */
  overridesShipped: boolean;
  /** True when the catalog.json was created. */
  created: boolean;
}

const SOURCES: Record<DownloadFormat, string> = { yahoo: 'Yahoo Finance download', fred: 'FRED download', stooq: 'Stooq download', tidy: 'tidy CSV' };

/** FRED series of interest rates and yields (Treasury yields and bills, policy and money-market rates, spreads, corporate yields): kind `rate` by default. */
const FRED_RATES = /^(DGS\d+MO?|DGS\d+|DTB\d+|TB\d+MS|GS\d+M?|DFF|FEDFUNDS|DFEDTAR[ULR]?|T\d+Y\d+[MY]|T\d+YFF|BAA|AAA|D?BAA10Y|D?AAA10Y|SOFR|IORB|DPRIME|MPRIME|EFFR|OBFR|MORTGAGE\d+US|DCPF\d+M|DCPN\d+M)$/i;

/** The default kind of a download: price for Yahoo and Stooq, rate for a FRED rate or yield, indicator otherwise. */
function defaultKind(d: Pick<Download, 'format' | 'column'>): SeriesKind {
  if (d.format === 'yahoo' || d.format === 'stooq') return 'price';
  return d.format === 'fred' && FRED_RATES.test(d.column) ? 'rate' : 'indicator';
}

/** Whether a price download includes dividends: Yahoo's Adj Close does, its Close and Stooq's closes do not; unknown otherwise. */
function defaultBasis(d: Pick<Download, 'format' | 'column'>): 'price' | 'total' | undefined {
  if (d.format === 'yahoo') return d.column === 'Adj Close' ? 'total' : 'price';
  if (d.format === 'stooq') return 'price';
  return undefined;
}

function defaultUnits(d: Download, kind: SeriesKind): string {
  if (d.format === 'yahoo') return d.column === 'Adj Close' ? 'price, split and dividend adjusted (Yahoo Adj Close)' : `price (Yahoo ${d.column})`;
  if (d.format === 'stooq') return `price (Stooq ${d.column})`;
  if (kind === 'return') return 'fraction per bar';
  return d.format === 'fred' ? `as published by FRED (${d.column})` : d.column;
}

/** The `basis` field of a new entry: given, or from the download; none for rates and indicators. */
function basisOf(options: AddSeriesOptions, d: Download, kind: SeriesKind): { basis: 'price' | 'total' } | undefined {
  if (kind !== 'price' && kind !== 'return') {
    if (options.basis) throw new UserError(`‹basis› is for price and return series, not kind ${kind}`);
    return undefined;
  }
  const basis = options.basis ?? defaultBasis(d);
  return basis ? { basis } : undefined;
}

/**
 * Converts a download (Yahoo Finance, FRED, Stooq or tidy CSV) into a tidy `<id>.csv`
 * (`date,<close|return|value>`) plus an entry in the folder's `catalog.json`, which is
 * created with `"extends": "ratecycle"` when absent. The values are checked as the loader
 * does (errors name the download's file, line and column), the written file is loaded back
 * before the catalog changes, and both files are written atomically. An id already in this
 * catalog is refused unless `force`; an id of the shipped catalog is overridden for this folder.
 */
export function addSeries(options: AddSeriesOptions): AddedSeries {
  const { id } = options;
  if (!/^[a-z][a-z0-9_]*$/.test(id)) throw new UserError(`‹id› "${id}" must be lower-case letters, digits and _ (e.g. iwm or my_pmi)`);
  const dir = resolve(options.into ?? 'data');
  if (dir === resolve(shippedDataDir())) throw new UserError(`${displayPath(dir)} is the data shipped with ratecycle; add your series to a folder of your own (‹into› DIR)`);
  if (!existsSync(options.file)) {
    const near = nearestPath(options.file);
    throw new UserError(`${options.file} does not exist${near ? ` (did you mean ${near}?)` : ''}`);
  }
  const format0 = options.format ?? 'auto';
  const probe = options.kind ?? (format0 === 'yahoo' || format0 === 'stooq' ? 'price' : undefined);
  let download = readDownload(resolve(options.file), { format: format0, column: options.column, kind: probe ?? 'indicator' });
  const kind: SeriesKind = options.kind ?? defaultKind(download);
  if (kind === 'event') throw new UserError('‹kind› event is for decision tables such as fomc; use price, return, rate or indicator');
  if (kind !== (probe ?? 'indicator')) download = readDownload(resolve(options.file), { format: download.format, column: options.column, kind });
  const frequency = options.frequency ?? inferFrequency(download.dates);
  const publication = options.publication ? parsePublication(options.publication) : defaultPublication(kind, frequency);
  if ((kind === 'price' || kind === 'return') && publication.rule === 'close' && frequency === 'monthly') {
    let starts = 0;
    for (const d of download.dates) if (ymdFromDay(d).day <= 3) starts++;
    if (starts > download.dates.length * 0.9) {
      throw new UserError(
        `${download.file}: monthly ${kind}s dated the first days of each month (Yahoo's monthly interval) hold the month's last close; known at the close of their date they would look ahead. Download daily data, or give --publication months:0 to date each value at its month's end`,
      );
    }
  }
  const column = kind === 'price' ? 'close' : kind === 'return' ? 'return' : 'value';
  const entry: CatalogEntry = {
    id,
    file: `${id}.csv`,
    column,
    kind,
    frequency,
    units: options.units ?? defaultUnits(download, kind),
    publication,
    source: options.source ?? `${SOURCES[download.format]} ${basename(options.file)} (column ${download.column}), added ${isoDay(download.dates[0])} to ${isoDay(download.dates[download.dates.length - 1])}`,
    maxStaleDays: STALE_DAYS[frequency],
    ...(basisOf(options, download, kind) ?? {}),
    ...(options.update ? { update: options.update } : {}),
    ...(options.description ? { description: options.description } : {}),
  };

  mkdirSync(dir, { recursive: true });
  // one writer of the folder's catalog at a time: concurrent `data add`s queue up and none is lost
  const lock = lockFolder(dir, displayPath(dir), { name: '.catalog.lock', waitMs: 60_000 });
  try {
    return writeSeries(dir, id, entry, download, column, options);
  } finally {
    lock.release();
  }
}

/** The part of {@link addSeries} that holds the catalog lock: check, convert, write the CSV, update catalog.json. */
function writeSeries(dir: string, id: string, entry: CatalogEntry, download: ReturnType<typeof readDownload>, column: string, options: AddSeriesOptions): AddedSeries {
  const catalogPath = join(dir, 'catalog.json');
  const created = !existsSync(catalogPath);
  let raw: { extends?: string; series?: CatalogEntry[]; universes?: unknown[] } = { extends: SHIPPED_CATALOG, series: [], universes: [] };
  if (!created) {
    loadCatalog(dir); // the folder's catalog must be valid before it is changed
    raw = JSON.parse(readFileSync(catalogPath, 'utf8'));
  }
  raw.series ??= [];
  const at = raw.series.findIndex((e) => e.id === id);
  if (at >= 0 && !options.force) throw new UserError(`series "${id}" is already in ${displayPath(catalogPath)}; pass ‹force› to replace it, or choose another ‹id›`);
  const csvPath = join(dir, entry.file);
  if (at < 0 && existsSync(csvPath) && !options.force) throw new UserError(`${displayPath(csvPath)} already exists; pass ‹force› to replace it, or choose another ‹id›`);
  const overridesShipped = raw.extends === SHIPPED_CATALOG && loadCatalog(shippedDataDir()).series.some((e) => e.id === id) || false;

  const lines = [`date,${column}`];
  for (let i = 0; i < download.dates.length; i++) lines.push(`${isoDay(download.dates[i])},${String(download.values[i])}`);
  const text = `${lines.join('\n')}\n`;
  // load the converted file back with the loader's own checks before anything is replaced
  const check = join(dir, `.${id}.csv.ratecycle-check-${process.pid}`);
  try {
    writeFileSync(check, text);
    loadSeries({ ...entry, file: basename(check) }, dir);
  } catch (e) {
    throw e instanceof DataError ? new UserError(`the converted ${id}.csv does not load: ${e.problem}`) : fsUserError(e, displayPath(csvPath));
  } finally {
    rmSync(check, { force: true });
  }
  const previous = created ? undefined : readFileSync(catalogPath, 'utf8');
  if (at >= 0) raw.series[at] = entry;
  else raw.series.push(entry);
  writeFileAtomically(csvPath, text);
  try {
    writeFileAtomically(catalogPath, `${JSON.stringify(raw, null, 2)}\n`);
  } catch (e) {
    if (at < 0) rmSync(csvPath, { force: true }); // no orphan CSV that would block adding it again
    throw e;
  }
  try {
    loadCatalog(dir);
  } catch (e) {
    if (previous === undefined) rmSync(catalogPath, { force: true });
    else writeFileAtomically(catalogPath, previous);
    throw e;
  }
  // the folder's own ids, so that tsc and the editor accept them in a strategy's `series` (and catch typos)
  writeFileAtomically(join(dir, SERIES_IDS_DTS), projectSeriesIdsDts(raw.series.map((e) => e.id)));
  return { entry, download, csv: displayPath(csvPath), catalog: displayPath(catalogPath), overridesShipped, created };
}
