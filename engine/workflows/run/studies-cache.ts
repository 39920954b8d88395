/**
 * The studies cache: the parts of a run's studies that do not depend on the strategy (see
 * {@link MarketStudies}: the regime table's and the event summary's spread statistics with their
 * bootstraps and placebo tests, and the first-cut path — about half of a run's studies), kept so
 * that another run on the same data computes only the strategy's own rows and inference.
 *
 * Where: the `studies` folder of {@link cacheDir} (beside the parsed-series and run caches;
 * `RATECYCLE_CACHE=off` turns it off), at most 64 entries. The key is a SHA-256 over everything
 * those parts are computed from: the dates, the small, large and bonds returns and buy-and-hold
 * equity, the Fed phase at each bar, the Fed cycles and FOMC decisions, the bars per year, the
 * event kinds asked for, and the code (this module and the studies with every module they import,
 * and the package version). Each entry holds the SHA-256 of its payload; an entry that cannot be
 * read, or whose rows do not match, is computed again. Reading or writing never fails a run.
 */
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { cacheDir, codeStamp, openEntry, readCacheEntry, sealEntry, writeCacheEntry } from '../../core/io/cache-dir.js';
import { packageVersion } from '../../core/paths.js';
import { computeStudyRows, strategyInference, studyRowsWithMarketParts, type MarketStudies, type StudyInput, type StudyRows, type Studies } from './studies.js';

/** Layout version of the entries (bump when it changes). */
const FORMAT = 1;

/** Entry files start with these bytes, then the payload's SHA-256 (64 hex characters), then the payload (v8.serialize). */
const MAGIC = 'RCS-STUDIES1';

const LIMIT = { max: 64, keep: 48 };

/** The studies cache folder, or null when there is none (see {@link cacheDir}). */
export function studiesCacheDir(): string | null {
  return cacheDir('studies');
}

/** The key of the strategy-independent parts of these studies (see the module's comment). */
export function studiesKey(input: StudyInput): string {
  const h = createHash('sha256');
  const bytes = (a: ArrayBufferView | undefined) => {
    if (a === undefined) h.update('\0none');
    else h.update(`\0${a.byteLength}\0`).update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  };
  h.update(JSON.stringify([FORMAT, codeStamp(import.meta.url, packageVersion()), input.periodsPerYear, input.events]));
  for (const a of [input.dates, input.small, input.large, input.bonds, input.smallEquity, input.largeEquity, input.bondsEquity, input.phase]) bytes(a);
  bytes(serialize([input.cycles, input.fomc]));
  return h.digest('hex');
}

/** Whether an entry's value has the shape of {@link MarketStudies}. */
const isMarketStudies = (p: unknown): p is MarketStudies =>
  Array.isArray((p as MarketStudies | null)?.regimes) && Array.isArray((p as MarketStudies).eventSummary) && typeof (p as MarketStudies).eventPath === 'object';

/** The parts of an entry's bytes, or null when they are not an intact entry. */
export function decodeMarketStudies(bytes: Buffer): MarketStudies | null {
  const parts = openEntry(bytes, MAGIC);
  return isMarketStudies(parts) ? parts : null;
}

/** An entry's bytes. */
export function encodeMarketStudies(parts: MarketStudies): Buffer {
  return sealEntry(MAGIC, { regimes: parts.regimes, eventSummary: parts.eventSummary, eventPath: parts.eventPath });
}

/**
 * A run's studies (see computeStudies, the same result), with the strategy-independent parts from
 * the studies cache when an entry has them; otherwise computed in full and stored.
 */
export function cachedStudies(input: StudyInput): Studies {
  return { ...cachedStudyRows(input), inference: strategyInference(input) };
}

/** The {@link StudyRows} of {@link cachedStudies} (without the strategy inference). */
export function cachedStudyRows(input: StudyInput): StudyRows {
  const dir = studiesCacheDir();
  if (dir === null) return computeStudyRows(input);
  const key = studiesKey(input);
  const read = readCacheEntry(dir, key + '.bin', MAGIC);
  const hit = isMarketStudies(read) && studyRowsWithMarketParts(input, read);
  if (hit) return hit;
  const rows = computeStudyRows(input);
  writeCacheEntry(dir, key + '.bin', encodeMarketStudies(rows), LIMIT);
  return rows;
}
