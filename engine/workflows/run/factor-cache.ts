/**
 * The factor cache: the factor regressions of a run's small and large caps (and bonds) — the
 * attribution's fits of every series but the strategy, about a third of its work on daily data —
 * kept per data so that another run computes only the strategy's fits and rolling loadings.
 *
 * Where: the `factors` folder of {@link cacheDir} (beside the parsed-series, run and studies
 * caches; `RATECYCLE_CACHE=off` turns it off), at most 64 entries. The key is a SHA-256 over
 * everything those fits are computed from: the bar dates, frequency and bars per year, the cash
 * and the Fed phase at each bar, the names and returns of the series after the first, every
 * factor's name, dates and values, the window and timed factor, and the code (this module and
 * the attribution with every module it imports, and the package version). Each entry holds the
 * SHA-256 of its payload; one that cannot be read, or whose fits do not match the series, is
 * computed again. Reading or writing never fails a run.
 */
import { createHash } from 'node:crypto';
import { cacheDir, codeStamp, openEntry, readCacheEntry, sealEntry, writeCacheEntry } from '../../core/io/cache-dir.js';
import { packageVersion } from '../../core/paths.js';
import { factorAttribution, type FactorAttribution, type FactorAttributionInput } from '../../measure/analytics/factor-attribution.js';
import type { FactorFit } from '../../measure/analytics/factor-fit.js';

/** Layout version of the entries (bump when it changes). */
const FORMAT = 1;

/** Entry files start with these bytes, then the payload's SHA-256 (64 hex characters), then the payload (v8.serialize of the fits). */
const MAGIC = 'RCS-FACTORS1';

const LIMIT = { max: 64, keep: 48 };

/** The factor cache folder, or null when there is none (see {@link cacheDir}). */
export function factorCacheDir(): string | null {
  return cacheDir('factors');
}

/** The key of the fits of every series of `input` but the first (see the module's comment). */
export function factorFitsKey(input: FactorAttributionInput): string {
  const h = createHash('sha256');
  const bytes = (a: ArrayLike<number>) => {
    const v = ArrayBuffer.isView(a) ? (a as unknown as ArrayBufferView) : Float64Array.from(a);
    h.update(`\0${v.byteLength}\0`).update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  };
  h.update(
    JSON.stringify([
      FORMAT,
      codeStamp(import.meta.url, packageVersion()),
      input.frequency,
      input.periodsPerYear,
      input.window ?? null,
      input.timed ?? null,
      input.series.slice(1).map((s) => s.name),
      input.factors.map((f) => f.name),
    ]),
  );
  bytes(input.dates);
  bytes(input.cash);
  bytes(input.phase);
  for (const s of input.series.slice(1)) bytes(s.returns);
  for (const f of input.factors) {
    bytes(f.dates);
    bytes(f.values);
  }
  return h.digest('hex');
}

/** What an entry holds: the fits of the series after the first, and those series' names. */
interface FactorFits {
  series: string[];
  fits: FactorFit[];
}

/** Whether an entry's value has the shape of {@link FactorFits}. */
const isFactorFits = (e: unknown): e is FactorFits => Array.isArray((e as FactorFits | null)?.series) && Array.isArray((e as FactorFits).fits);

/** The fits of an entry's bytes, or null when they are not an intact entry. */
export function decodeFactorFits(bytes: Buffer): FactorFits | null {
  const entry = openEntry(bytes, MAGIC);
  return isFactorFits(entry) ? entry : null;
}

/** An entry's bytes. */
export function encodeFactorFits(entry: FactorFits): Buffer {
  return sealEntry(MAGIC, { series: entry.series, fits: entry.fits });
}

/**
 * The factor attribution of `input` (see {@link factorAttribution}: the same result), with the
 * fits of every series but the first (the strategy) from the factor cache when an entry has them;
 * otherwise computed in full and those fits stored. The first series' fits and rolling loadings,
 * and the bars, match and coverage, are computed with the first series alone (they do not depend
 * on the others).
 */
export function cachedFactorAttribution(input: FactorAttributionInput): FactorAttribution {
  const dir = factorCacheDir();
  if (dir === null || input.series.length < 2) return factorAttribution(input);
  const key = factorFitsKey(input);
  const others = input.series.slice(1).map((s) => s.name);
  const read = readCacheEntry(dir, key + '.bin', MAGIC);
  const entry = isFactorFits(read) ? read : null;
  if (entry && entry.series.length === others.length && entry.series.every((n, i) => n === others[i])) {
    const own = factorAttribution({ ...input, series: input.series.slice(0, 1) });
    return { ...own, fits: [...own.fits, ...entry.fits] };
  }
  const all = factorAttribution(input);
  const first = input.series[0].name;
  // the first series' fits come first, then those of the others in their order
  writeCacheEntry(dir, key + '.bin', encodeFactorFits({ series: others, fits: all.fits.filter((f) => f.series !== first) }), LIMIT);
  return all;
}
