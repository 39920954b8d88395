import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isoDay } from '../../../core/dates.js';
import { DataError } from '../../../core/errors.js';
import type { Catalog } from '../../../core/types.js';
import { findEntry } from '../catalog.js';
import { addSeries } from '../import/add-series.js';
import { formatPublication } from '../import/parse-publication.js';
import { readDownload, type Download } from '../import/read-download.js';
import { loadSeries } from '../load-series.js';
import { updateSourceOf, updateUrl } from './update-source.js';
import { vintageDiff, type VintageDiff } from './vintage-diff.js';

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
}

/** The reason a fetch failed, in a few words: the system error code, a timeout, or the message. */
function fetchFailure(e: unknown): string {
  const err = e as Error & { cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'no answer in time (timeout)';
  return err?.cause?.code ?? err?.message ?? String(e);
}

/**
 * Fetches the newest values of one catalog series from its update source (FRED's CSV, Stooq's
 * CSV) and, when they add or revise anything, writes them into the user's data folder as
 * `data add --force` does (the folder's catalog then overrides the shipped series of that id).
 * Nothing is written unless the download is a complete, valid CSV of the source's format (HTTP
 * 200, not an HTML page, checked as the loader checks it) that covers the current series from
 * its start to its end; the vintage difference (rows added, values revised and the largest
 * revision) is reported either way.
 */
export async function updateSeries(catalog: Catalog, id: string, options: UpdateOptions = {}): Promise<UpdateResult> {
  const entry = findEntry(catalog, id);
  const src = updateSourceOf(entry);
  const url = updateUrl(src, options.base);
  const host = new URL(url).host;
  const failed = (message: string, unreachable = false): UpdateResult => ({ id, url, outcome: 'failed', unreachable, message: `${id}: ${message}; kept as it was` });
  let body: string;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout((options.timeoutSeconds ?? 30) * 1000), redirect: 'follow' });
    if (res.status !== 200) return failed(`${host} answered HTTP ${res.status} for ${url}`);
    body = await res.text();
  } catch (e) {
    return failed(`cannot reach ${host} (${fetchFailure(e)})`, true);
  }
  if (/^\s*</.test(body)) return failed(`${host} sent an HTML page, not a CSV (${url})`);
  const work = mkdtempSync(join(tmpdir(), 'ratecycle-update-'));
  const file = join(work, `${id}.csv`);
  try {
    writeFileSync(file, body);
    let next: Download;
    try {
      next = readDownload(file, { format: src.source, kind: entry.kind });
    } catch (e) {
      if (e instanceof DataError) return failed(`the download from ${url} is not a valid ${src.source} CSV (${e.problem}${e.line ? `, line ${e.line}` : ''})`);
      throw e;
    }
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
    if (diff.added === 0 && diff.revised === 0) return { ...base, outcome: 'current', message: `${id}: up to date (last value ${isoDay(curLast)})` };
    const today = isoDay(options.today ?? Math.floor(Date.now() / 86_400_000));
    addSeries({
      file,
      id,
      into: options.into,
      kind: entry.kind,
      format: src.source,
      frequency: entry.frequency,
      ...(entry.publication.rule === 'column' ? {} : { publication: formatPublication(entry.publication) }),
      units: entry.units,
      source: `${entry.source.split('; copy')[0]}; updated from ${url} on ${today}`,
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.basis ? { basis: entry.basis } : {}),
      update: src,
      force: true,
    });
    return { ...base, outcome: 'updated', message: `${id}: ${diff.added} new value${diff.added === 1 ? '' : 's'} to ${isoDay(newLast)}${revised}${diff.removed ? `, ${diff.removed} dates dropped by the source` : ''}` };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
