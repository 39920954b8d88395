import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { DataError, UserError } from '../../core/errors.js';
import { didYouMean } from '../../core/did-you-mean.js';
import { shippedDataDir } from '../../core/paths.js';
import type { Catalog, CatalogEntry, Market, UniverseSpec } from '../../core/types.js';
import { displayPath } from './load-series.js';
import { parseJsonText } from '../../core/io/read-json.js';
import { updateProblem } from './update/update-source.js';

const KINDS = ['price', 'return', 'rate', 'indicator', 'event'];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular'];
const RULES: Record<string, boolean> = {
  close: false,
  'business-days': true,
  'calendar-days': true,
  'next-month-business-day': true,
  'next-month-day': true,
  months: true,
  column: false,
};

/** The value of `"extends"` that builds on the catalog shipped with ratecycle. */
export const SHIPPED_CATALOG = 'ratecycle';

function checkEntry(file: string, e: CatalogEntry, i: number): void {
  const where = `series[${i}]${e && typeof e.id === 'string' ? ` ("${e.id}")` : ''}`;
  const bad = (what: string) => new DataError(file, undefined, undefined, `${where}: ${what}`);
  if (!e || typeof e !== 'object') throw bad('is not an object');
  for (const k of ['id', 'file', 'column', 'units', 'source'] as const) {
    if (typeof e[k] !== 'string' || e[k] === '') throw bad(`"${k}" must be a non-empty string`);
  }
  if (!/^[a-z][a-z0-9_]*$/.test(e.id)) throw bad(`id "${e.id}" must be lower-case letters, digits and _`);
  // a catalog names files inside its own folder, never elsewhere on the machine
  const inside = relative('/', resolve('/', e.file));
  if (isAbsolute(e.file) || /^[a-zA-Z]:/.test(e.file) || e.file.split(/[\\/]/).includes('..') || inside === '') {
    throw bad(`file "${e.file}" must be a path inside the data folder (no absolute paths, no "..")`);
  }
  if (!KINDS.includes(e.kind)) throw bad(`kind "${e.kind}" must be one of ${KINDS.join(', ')}`);
  if (!FREQUENCIES.includes(e.frequency)) throw bad(`frequency "${e.frequency}" must be one of ${FREQUENCIES.join(', ')}`);
  const p = e.publication as { rule?: string; n?: number } | undefined;
  if (!p || typeof p.rule !== 'string' || !(p.rule in RULES)) {
    throw bad(`publication.rule must be one of ${Object.keys(RULES).join(', ')}`);
  }
  if (RULES[p.rule] && !(Number.isInteger(p.n) && (p.n as number) >= 0)) throw bad(`publication.n must be a whole number ≥ 0 for rule "${p.rule}"`);
  if (p.rule === 'column' && typeof (p as { column?: unknown }).column !== 'string') throw bad('publication.column must name the column of publication dates for rule "column"');
  if (e.firstReleaseFrom !== undefined && !(typeof e.firstReleaseFrom === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(e.firstReleaseFrom))) throw bad('firstReleaseFrom must be a date YYYY-MM-DD');
  if (e.basis !== undefined && !(e.basis === 'price' || e.basis === 'total')) throw bad('basis must be "price" (no dividends) or "total" (dividends reinvested)');
  if (e.basis !== undefined && e.kind !== 'price' && e.kind !== 'return') throw bad(`basis is for price and return series, not kind ${e.kind}`);
  const updateBad = e.update === undefined ? undefined : updateProblem(e.update, e.frequency);
  if (updateBad) throw bad(updateBad);
  if (e.maxStaleDays !== undefined && !(typeof e.maxStaleDays === 'number' && e.maxStaleDays > 0)) throw bad('maxStaleDays must be a positive number');
}

/** A universe with the optional fields filled in (`cash` defaults to `cash`, `align` to intersection). */
function withDefaults(u: UniverseSpec): UniverseSpec {
  if (!u || typeof u !== 'object') return u;
  return { ...u, description: u.description ?? '', cash: u.cash ?? 'cash', align: u.align ?? 'intersection' };
}

function checkUniverse(file: string, u: UniverseSpec, ids: Map<string, CatalogEntry>): void {
  const bad = (what: string) => new DataError(file, undefined, undefined, `universe "${u?.id}": ${what}`);
  if (!u || typeof u.id !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(u.id)) throw bad('needs an id of lower-case letters, digits, - and _');
  if (!Array.isArray(u.assets) || u.assets.length === 0) throw bad('needs a non-empty "assets" list');
  for (const a of u.assets) {
    const e = ids.get(a);
    if (!e) throw bad(`asset "${a}" is not a series of the catalog`);
    if (e.kind !== 'price' && e.kind !== 'return') throw bad(`asset "${a}" has kind ${e.kind}; assets must be price or return series`);
  }
  if (!u.assets.includes(u.small) || !u.assets.includes(u.large)) throw bad('"small" and "large" must be among its assets');
  const bonds = (u as { bonds?: unknown }).bonds;
  if (bonds !== undefined) {
    const b = typeof bonds === 'string' ? ids.get(bonds) : undefined;
    if (!b || (b.kind !== 'price' && b.kind !== 'return')) throw bad(`bonds "${String(bonds)}" must be a price or return series of the catalog`);
    if (!u.assets.includes(bonds as string) || bonds === u.small || bonds === u.large) throw bad(`bonds "${String(bonds)}" must be one of its assets other than "small" and "large"`);
  }
  const policy = (u as { policy?: unknown }).policy;
  if (policy !== undefined) {
    const b = typeof policy === 'string' ? ids.get(policy) : undefined;
    if (!b || b.kind !== 'rate') throw bad(`policy "${String(policy)}" must be a rate series of the catalog (a central bank's policy rate)`);
  }
  const region = (u as { region?: unknown }).region;
  if (region !== undefined && !(typeof region === 'string' && /^[a-z][a-z0-9_-]*$/.test(region))) throw bad('region must be an id of lower-case letters, digits, - and _');
  const cash = ids.get(u.cash);
  if (!cash || cash.kind !== 'return') throw bad(`cash series "${u.cash}" must be a return series of the catalog`);
  if (u.frequency !== 'daily' && u.frequency !== 'monthly') throw bad('frequency must be daily or monthly');
  if (u.align !== 'intersection') throw bad('align must be "intersection"');
}

/** Series ids a universe needs: its assets, bonds, policy rate and cash. */
function universeNeeds(u: UniverseSpec): string[] {
  const bonds = (u as { bonds?: unknown }).bonds;
  const policy = (u as { policy?: unknown }).policy;
  return [...u.assets, ...(typeof bonds === 'string' ? [bonds] : []), ...(typeof policy === 'string' ? [policy] : []), u.cash];
}

/**
 * The data folder used when none is given: `./data` of the working folder when it holds a
 * `catalog.json` (a research project's own folder, which may extend the shipped catalog),
 * else the data shipped with ratecycle.
 */
export function defaultDataDir(): string {
  const local = resolve('data');
  return existsSync(join(local, 'catalog.json')) ? local : shippedDataDir();
}

interface RawCatalog {
  extends?: unknown;
  defaultUniverse?: unknown;
  series?: CatalogEntry[];
  universes?: UniverseSpec[];
}

function readRaw(file: string, label: string): RawCatalog {
  let raw: RawCatalog;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${label}: not found; a data folder needs a catalog.json (see data/README.md)`);
    if (e instanceof SyntaxError) parseJsonText(readFileSync(file, 'utf8'), label); // throws naming line:column
    throw new DataError(label, undefined, undefined, `is not valid JSON (${(e as Error).message})`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new DataError(label, undefined, undefined, 'must be a JSON object with a "series" array');
  if (raw.extends !== undefined && raw.extends !== SHIPPED_CATALOG) {
    throw new DataError(label, undefined, undefined, `"extends" must be "${SHIPPED_CATALOG}" (the shipped catalog) or absent`);
  }
  if (raw.extends === undefined && !Array.isArray(raw.series)) throw new DataError(label, undefined, undefined, 'needs a "series" array');
  if (raw.series !== undefined && !Array.isArray(raw.series)) throw new DataError(label, undefined, undefined, '"series" must be an array');
  if (raw.universes !== undefined && !Array.isArray(raw.universes)) throw new DataError(label, undefined, undefined, '"universes" must be an array');
  if (raw.defaultUniverse !== undefined && typeof raw.defaultUniverse !== 'string') throw new DataError(label, undefined, undefined, '"defaultUniverse" must be a universe id');
  return raw;
}

/** Adds `own` entries to `base` by id: an id already there is replaced in place, a new one appended. */
function mergeById<T extends { id: string }>(base: readonly T[], own: readonly T[]): T[] {
  const out = base.slice();
  for (const x of own) {
    const i = out.findIndex((b) => b.id === x.id);
    if (i >= 0) out[i] = x;
    else out.push(x);
  }
  return out;
}

/** Series and universes of a catalog folder (after `extends`), before the universes are checked. */
interface Collected {
  series: CatalogEntry[];
  universes: UniverseSpec[];
  /** Series whose shipped file is absent, with the reason. */
  missing: Record<string, string>;
  own?: { series: string[]; universes: string[] };
  /** The universe commands use when none is named (a project's own, else the shipped one's). */
  defaultUniverse?: string;
}

function collect(abs: string, label: string): Collected {
  const raw = readRaw(join(abs, 'catalog.json'), label);
  const own = raw.series ?? [];
  const ids = new Set<string>();
  own.forEach((e, i) => {
    checkEntry(label, e, i);
    if (ids.has(e.id)) throw new DataError(label, undefined, undefined, `series id "${e.id}" appears twice`);
    ids.add(e.id);
  });
  const ownUniverses = (raw.universes ?? []).map(withDefaults);
  const uids = new Set<string>();
  for (const u of ownUniverses) {
    if (!u || typeof u.id !== 'string') continue;
    if (uids.has(u.id)) throw new DataError(label, undefined, undefined, `universe id "${u.id}" appears twice`);
    uids.add(u.id);
  }
  const shipped = resolve(shippedDataDir());
  if (raw.extends === SHIPPED_CATALOG) {
    if (abs === shipped) throw new DataError(label, undefined, undefined, 'the shipped catalog cannot extend itself');
    const base = collect(shipped, displayPath(join(shipped, 'catalog.json')));
    // shipped files stay where they are: their paths are rewritten relative to this folder
    const rebased = base.series.map((e) => ({ ...e, file: relative(abs, join(shipped, e.file)).split('\\').join('/') }));
    const missing = Object.fromEntries(Object.entries(base.missing).filter(([id]) => !ids.has(id)));
    return {
      series: mergeById(rebased, own),
      universes: mergeById(base.universes, ownUniverses),
      missing,
      own: { series: [...ids], universes: [...uids] },
      defaultUniverse: (raw.defaultUniverse as string | undefined) ?? base.defaultUniverse,
    };
  }
  const missing: Record<string, string> = {};
  const series =
    abs !== shipped
      ? own
      : own.filter((e) => {
          if (existsSync(join(abs, e.file))) return true;
          missing[e.id] =
            `${e.file} is left out of the npm package because its source's terms do not allow redistribution (${e.source.split(';')[0]}); ` +
            `download it yourself and run \`ratecycle data add FILE --id ${e.id}\` (docs/data.md: "Data licensing")`;
          return false;
        });
  return { series, universes: ownUniverses, missing, defaultUniverse: raw.defaultUniverse as string | undefined };
}

/**
 * Reads and validates `catalog.json` from a data folder (default: {@link defaultDataDir}).
 * A catalog with `"extends": "ratecycle"` builds on the shipped one: its series and universes
 * are added, or replace shipped ones with the same id, and its files are read from its own
 * folder. Shipped files that are absent (left out of the npm package for licensing) make their
 * series and the universes that need them unavailable, with the reason in `unavailable`.
 */
export function loadCatalog(dir: string = defaultDataDir()): Catalog {
  const abs = resolve(dir);
  const label = displayPath(join(abs, 'catalog.json'));
  const c = collect(abs, label);
  const known = new Map(c.series.map((e) => [e.id, e]));
  const universes: UniverseSpec[] = [];
  const gone: Record<string, string> = {};
  for (const u of c.universes) {
    const lacking = u && Array.isArray(u.assets) ? universeNeeds(u).filter((id) => !known.has(id) && id in c.missing) : [];
    if (lacking.length) {
      gone[u.id] = `it needs ${lacking.join(', ')}; ${lacking[0]}: ${c.missing[lacking[0]]}`;
      continue;
    }
    checkUniverse(label, u, known);
    universes.push(u);
  }
  const catalog: Catalog = { dir: abs, series: c.series, universes };
  if (Object.keys(c.missing).length) catalog.unavailable = { series: c.missing, universes: gone };
  if (c.own) catalog.own = c.own;
  if (c.defaultUniverse !== undefined) {
    if (!universes.some((u) => u.id === c.defaultUniverse) && !(c.defaultUniverse in gone)) {
      throw new DataError(label, undefined, undefined, `"defaultUniverse" "${c.defaultUniverse}" is not a universe of the catalog (${universes.map((u) => u.id).join(', ')})`);
    }
    catalog.defaultUniverse = c.defaultUniverse;
  }
  return catalog;
}

/** A catalog entry by id, or a UserError listing the known ids (or why a shipped one is unavailable). */
export function findEntry(catalog: Catalog, id: string): CatalogEntry {
  const e = catalog.series.find((s) => s.id === id);
  if (e) return e;
  const why = catalog.unavailable?.series[id];
  if (why) throw new UserError(`series "${id}" is not available: ${why}`);
  throw new UserError(`unknown series "${id}"${suggest(id, catalog.series.map((s) => s.id), catalog.unavailable?.series)}; known: ${catalog.series.map((s) => s.id).join(', ')}`);
}

/** " (did you mean x?)" for the closest id, noting when it exists but needs data this installation lacks; '' when none is close. */
function suggest(id: string, known: readonly string[], unavailable: Record<string, string> = {}): string {
  const near = didYouMean(id, [...known, ...Object.keys(unavailable)]);
  if (near === undefined) return '';
  return near in unavailable ? ` (did you mean ${near}? it exists but is not available here: ${unavailable[near]})` : ` (did you mean ${near}?)`;
}

/** A universe by id, or a UserError listing the known ones (or why a shipped one is unavailable). */
export function findUniverse(catalog: Catalog, id: string): UniverseSpec {
  const u = catalog.universes.find((x) => x.id === id);
  if (u) return u;
  const why = catalog.unavailable?.universes[id];
  if (why) throw new UserError(`universe "${id}" is not available: ${why}`);
  const known = catalog.universes.map((x) => x.id);
  throw new UserError(`unknown universe "${id}"${suggest(id, known, catalog.unavailable?.universes)}; known: ${known.join(', ') || 'none'}`);
}

/** One line about an asset series for reports: its description and units. */
export function describeAsset(catalog: Catalog, id: string): string {
  const e = catalog.series.find((s) => s.id === id);
  return e ? `${e.description ?? e.id} (${e.units})` : id;
}

/** What each asset of the market is (its catalog description and units, see describeAsset), for the run.json of a run folder. */
export function assetUnits(catalog: Catalog, market: Pick<Market, 'assets'>): Record<string, string> {
  return Object.fromEntries(market.assets.map((a) => [a, describeAsset(catalog, a)]));
}
