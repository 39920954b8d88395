import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDay } from '../../../core/dates.js';
import { DataError } from '../../../core/errors.js';
import type { Catalog, CatalogEntry, FrenchUpdate } from '../../../core/types.js';
import { findEntry } from '../catalog.js';
import { addSeries } from '../import/add-series.js';
import { formatPublication } from '../import/parse-publication.js';
import type { DownloadFormat } from '../import/detect-format.js';
import { readDownload, type Download } from '../import/read-download.js';
import { loadSeries } from '../load-series.js';
import { frenchSeries, type FrenchSeries } from './french-csv.js';
import { FRENCH_KEY_DIGITS, updateSourceOf, updateUrl, type UpdateSource } from './update-source.js';
import { vintageDiff, type VintageDiff } from './vintage-diff.js';
import { unzipEntry, zipEntries, ZipError } from './zip.js';

/** What `data update` did to one series. */
export interface UpdateResult {
  id: string;
  url: string;
  /** `updated` (written), `current` (nothing new), `failed` (kept as it was). */
  outcome: 'updated' | 'current' | 'failed';
  /** Set when the failure is that the source could not be reached (no network, DNS, timeout). */
  unreachable?: boolean;
  diff?: VintageDiff;
  /** Last date before and after. */
  from?: string;
  to?: string;
  message: string;
}

/** Options of {@link updateSeries}. */
export interface UpdateOptions {
  /** Data folder to write into (default ./data; never the shipped folder). */
  into?: string;
  /** Seconds before a download is abandoned (default 30). */
  timeoutSeconds?: number;
  /** Replaces the sources' hosts (tests); default `RATECYCLE_SOURCE_BASE` or the public hosts. */
  base?: string;
  /** The day written into the entry's source note (default today). */
  today?: number;
  /**
   * Downloads of this run by address, shared between calls so that series of one file (the six
   * columns of a French zip) fetch it once; `data update` passes one map for all its series.
   */
  downloads?: Map<string, Promise<Fetched>>;
}

/** A source's answer: the body of an HTTP 200, or why there is none. */
export type Fetched = { body: Buffer } | { failure: string; unreachable: boolean };

/** The reason a fetch failed, in a few words: the system error code, a timeout, or the message. */
function fetchFailure(e: unknown): string {
  const err = e as Error & { cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'no answer in time (timeout)';
  return err?.cause?.code ?? err?.message ?? String(e);
}

/** GETs `url` within the timeout: its body on HTTP 200, else the failure in a few words. */
async function fetchBody(url: string, timeoutSeconds: number): Promise<Fetched> {
  const host = new URL(url).host;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutSeconds * 1000), redirect: 'follow' });
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => undefined);
      return { failure: `${host} answered HTTP ${res.status} for ${url}`, unreachable: false };
    }
    return { body: Buffer.from(await res.arrayBuffer()) };
  } catch (e) {
    return { failure: `cannot reach ${host} (${fetchFailure(e)})`, unreachable: true };
  }
}

/** A new vintage read from a download (a file of `format` that data add converts), or why it cannot be used. */
type Vintage = { next: Download; format: DownloadFormat; note: string } | { problem: string };

/** FRED's or Stooq's CSV: written as it came, read by data add's reader of that format. */
function csvVintage(body: Buffer, src: UpdateSource, url: string, host: string, file: string, entry: CatalogEntry): Vintage {
  const text = body.toString('utf8');
  if (/^\s*</.test(text)) return { problem: `${host} sent an HTML page, not a CSV (${url})` };
  writeFileSync(file, text);
  const format = src.source as 'fred' | 'stooq';
  try {
    return { next: readDownload(file, { format, kind: entry.kind }), format, note: '' };
  } catch (e) {
    if (e instanceof DataError) return { problem: `the download from ${url} is not a valid ${src.source} CSV (${e.problem}${e.line ? `, line ${e.line}` : ''})` };
    throw e;
  }
}

/**
 * French's zip: its one CSV unpacked (size and CRC-32 checked), the table and column(s) the
 * entry names taken out and converted into the catalog's units, written as a tidy CSV.
 */
function frenchVintage(body: Buffer, src: FrenchUpdate, url: string, host: string, file: string, entry: CatalogEntry): Vintage {
  const zipName = `${src.id}_CSV.zip`;
  if (/^\s*</.test(body.subarray(0, 512).toString('latin1'))) return { problem: `${host} sent an HTML page, not a zip file (${url})` };
  const magic = body.length >= 4 ? body.readUInt32LE(0) : 0;
  if (magic !== 0x04034b50 && magic !== 0x06054b50) return { problem: `${host} sent ${body.length} bytes that are not a zip file (${url})` };
  let csv: string;
  let csvName: string;
  try {
    const files = zipEntries(body).filter((e) => !e.name.endsWith('/') && !/(^|\/)__MACOSX\//.test(e.name));
    const csvs = files.filter((e) => /\.csv$/i.test(e.name));
    const own = csvs.filter((e) => e.name.replace(/^.*\//, '').replace(/\.csv$/i, '').toLowerCase() === src.id.toLowerCase());
    const pick = csvs.length === 1 ? csvs[0] : own.length === 1 ? own[0] : undefined;
    if (!pick) {
      const names = files.map((e) => e.name).join(', ') || 'nothing';
      return { problem: csvs.length ? `${zipName} holds ${csvs.length} CSV files (${names}), none named ${src.id}.csv` : `${zipName} holds no CSV file (it holds ${names})` };
    }
    csvName = pick.name;
    csv = unzipEntry(body, pick).toString('latin1');
  } catch (e) {
    if (e instanceof ZipError) return { problem: `${zipName} from ${url} is damaged or incomplete (${e.message})` };
    throw e;
  }
  let s: FrenchSeries;
  try {
    s = frenchSeries(csv, src, FRENCH_KEY_DIGITS[entry.frequency], csvName);
  } catch (e) {
    if (e instanceof DataError) {
      const where = `${e.line ? `, line ${e.line}` : ''}${e.column ? `, column "${e.column}"` : ''}`;
      return { problem: `${e.file} in ${zipName}${where ? `${where}:` : ''} ${e.problem}` };
    }
    throw e;
  }
  const lines = ['date,value'];
  for (let i = 0; i < s.dates.length; i++) lines.push(`${isoDay(s.dates[i])},${String(s.values[i])}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  try {
    return { next: readDownload(file, { format: 'tidy', kind: entry.kind }), format: 'tidy', note: s.vintage ? ` (French's ${s.vintage} vintage)` : '' };
  } catch (e) {
    // the loader's checks on the converted values (a return of −100 % or less, …)
    if (e instanceof DataError) return { problem: `${s.table} of ${csvName} in ${zipName} does not give a valid ${entry.kind} series (${e.problem}${e.line ? `, ${isoDay(s.dates[e.line - 2])}` : ''})` };
    throw e;
  }
}

/**
 * Fetches the newest values of one catalog series from its update source (FRED's CSV, Stooq's
 * CSV, a column of a Kenneth French zip) and, when they add or revise anything, writes them into the user's data folder as
 * `data add --force` does (the folder's catalog then overrides the shipped series of that id).
 * Nothing is written unless the download is a complete, valid CSV of the source's format (HTTP
 * 200, not an HTML page; for French, a zip whose one CSV unpacks with its recorded size and
 * CRC-32 and holds the named table and columns; checked as the loader checks it) that covers the current series from
 * its start to its end; the vintage difference (rows added, values revised and the largest
 * revision) is reported either way.
 */
export async function updateSeries(catalog: Catalog, id: string, options: UpdateOptions = {}): Promise<UpdateResult> {
  const entry = findEntry(catalog, id);
  const src = updateSourceOf(entry);
  const url = updateUrl(src, options.base);
  const host = new URL(url).host;
  const failed = (message: string, unreachable = false): UpdateResult => ({ id, url, outcome: 'failed', unreachable, message: `${id}: ${message}; kept as it was` });
  const timeout = options.timeoutSeconds ?? 30;
  let pending = options.downloads?.get(url);
  if (!pending) {
    pending = fetchBody(url, timeout);
    options.downloads?.set(url, pending);
  }
  const got = await pending;
  if ('failure' in got) return failed(got.failure, got.unreachable);
  const work = mkdtempSync(join(tmpdir(), 'ratecycle-update-'));
  const file = join(work, `${id}.csv`);
  try {
    const vintage = src.source === 'french' ? frenchVintage(got.body, src, url, host, file, entry) : csvVintage(got.body, src, url, host, file, entry);
    if ('problem' in vintage) return failed(vintage.problem);
    const { next, format } = vintage;
    const current = loadSeries(entry, catalog.dir);
    const curFirst = current.dates[0];
    const curLast = current.dates[current.dates.length - 1];
    const newLast = next.dates[next.dates.length - 1];
    // a truncated or partial body parses as a shorter series: it must cover what is there now
    if (next.dates[0] > curFirst + 31 || newLast < curLast) {
      return failed(`the download covers ${isoDay(next.dates[0])} to ${isoDay(newLast)}, less than the current ${isoDay(curFirst)} to ${isoDay(curLast)} (a partial download?)`);
    }
    const diff = vintageDiff(current.dates, current.values, next.dates, next.values);
    const base = { id, url, diff, from: isoDay(curLast), to: isoDay(newLast) };
    const revised = diff.revised ? `, ${diff.revised} earlier value${diff.revised > 1 ? 's' : ''} revised (largest ${diff.maxRevision > 0 ? '+' : ''}${Number(diff.maxRevision.toPrecision(4))} on ${isoDay(diff.maxRevisionDate)})` : '';
    if (diff.added === 0 && diff.revised === 0) return { ...base, outcome: 'current', message: `${id}: up to date (last value ${isoDay(curLast)})${vintage.note}` };
    const today = isoDay(options.today ?? Math.floor(Date.now() / 86_400_000));
    addSeries({
      file,
      id,
      into: options.into,
      kind: entry.kind,
      format,
      frequency: entry.frequency,
      ...(entry.publication.rule === 'column' ? {} : { publication: formatPublication(entry.publication) }),
      units: entry.units,
      source: `${entry.source.split('; copy')[0]}; updated from ${url}${vintage.note} on ${today}`,
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.basis ? { basis: entry.basis } : {}),
      update: src,
      force: true,
    });
    return { ...base, outcome: 'updated', message: `${id}: ${diff.added ? `${diff.added} new value${diff.added === 1 ? '' : 's'} to` : 'no new values after'} ${isoDay(newLast)}${revised}${diff.removed ? `, ${diff.removed} dates dropped by the source` : ''}${vintage.note}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
