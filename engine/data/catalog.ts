import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataError, UserError } from '../errors.js';
import { shippedDataDir } from '../paths.js';
import type { Catalog, CatalogEntry, UniverseSpec } from '../types.js';
import { displayPath } from './load-series.js';

const KINDS = ['price', 'return', 'rate', 'indicator', 'event'];
const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular'];
const RULES: Record<string, boolean> = {
  close: false,
  'business-days': true,
  'calendar-days': true,
  'next-month-business-day': true,
  'next-month-day': true,
  months: true,
};

function checkEntry(file: string, e: CatalogEntry, i: number): void {
  const where = `series[${i}]${e && typeof e.id === 'string' ? ` ("${e.id}")` : ''}`;
  const bad = (what: string) => new DataError(file, undefined, undefined, `${where}: ${what}`);
  if (!e || typeof e !== 'object') throw bad('is not an object');
  for (const k of ['id', 'file', 'column', 'units', 'source'] as const) {
    if (typeof e[k] !== 'string' || e[k] === '') throw bad(`"${k}" must be a non-empty string`);
  }
  if (!/^[a-z][a-z0-9_]*$/.test(e.id)) throw bad(`id "${e.id}" must be lower-case letters, digits and _`);
  if (!KINDS.includes(e.kind)) throw bad(`kind "${e.kind}" must be one of ${KINDS.join(', ')}`);
  if (!FREQUENCIES.includes(e.frequency)) throw bad(`frequency "${e.frequency}" must be one of ${FREQUENCIES.join(', ')}`);
  const p = e.publication as { rule?: string; n?: number } | undefined;
  if (!p || typeof p.rule !== 'string' || !(p.rule in RULES)) {
    throw bad(`publication.rule must be one of ${Object.keys(RULES).join(', ')}`);
  }
  if (RULES[p.rule] && !(Number.isInteger(p.n) && (p.n as number) >= 0)) throw bad(`publication.n must be a whole number ≥ 0 for rule "${p.rule}"`);
  if (e.maxStaleDays !== undefined && !(typeof e.maxStaleDays === 'number' && e.maxStaleDays > 0)) throw bad('maxStaleDays must be a positive number');
}

function checkUniverse(file: string, u: UniverseSpec, ids: Map<string, CatalogEntry>): void {
  const bad = (what: string) => new DataError(file, undefined, undefined, `universe "${u?.id}": ${what}`);
  if (!u || typeof u.id !== 'string') throw bad('needs an id');
  if (!Array.isArray(u.assets) || u.assets.length === 0) throw bad('needs a non-empty "assets" list');
  for (const a of u.assets) {
    const e = ids.get(a);
    if (!e) throw bad(`asset "${a}" is not a series of the catalog`);
    if (e.kind !== 'price' && e.kind !== 'return') throw bad(`asset "${a}" has kind ${e.kind}; assets must be price or return series`);
  }
  if (!u.assets.includes(u.small) || !u.assets.includes(u.large)) throw bad('"small" and "large" must be among its assets');
  const cash = ids.get(u.cash);
  if (!cash || cash.kind !== 'return') throw bad(`cash series "${u.cash}" must be a return series of the catalog`);
  if (u.frequency !== 'daily' && u.frequency !== 'monthly') throw bad('frequency must be daily or monthly');
}

/** Reads and validates `catalog.json` from a data folder (default: the shipped `data/`). */
export function loadCatalog(dir: string = shippedDataDir()): Catalog {
  const abs = resolve(dir);
  const file = join(abs, 'catalog.json');
  const label = displayPath(file);
  let raw: { series?: CatalogEntry[]; universes?: UniverseSpec[] };
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${label}: not found; a data folder needs a catalog.json (see data/README.md)`);
    throw new DataError(label, undefined, undefined, `is not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(raw.series)) throw new DataError(label, undefined, undefined, 'needs a "series" array');
  const ids = new Map<string, CatalogEntry>();
  raw.series.forEach((e, i) => {
    checkEntry(label, e, i);
    if (ids.has(e.id)) throw new DataError(label, undefined, undefined, `series id "${e.id}" appears twice`);
    ids.set(e.id, e);
  });
  const universes = raw.universes ?? [];
  for (const u of universes) checkUniverse(label, u, ids);
  return { dir: abs, series: raw.series, universes };
}

/** A catalog entry by id, or a UserError listing the known ids. */
export function findEntry(catalog: Catalog, id: string): CatalogEntry {
  const e = catalog.series.find((s) => s.id === id);
  if (!e) throw new UserError(`unknown series "${id}"; known: ${catalog.series.map((s) => s.id).join(', ')}`);
  return e;
}

/** A universe by id, or a UserError listing the known ones. */
export function findUniverse(catalog: Catalog, id: string): UniverseSpec {
  const u = catalog.universes.find((x) => x.id === id);
  if (!u) throw new UserError(`unknown universe "${id}"; known: ${catalog.universes.map((x) => x.id).join(', ') || 'none'}`);
  return u;
}

/** One line about an asset series for reports: its description and units. */
export function describeAsset(catalog: Catalog, id: string): string {
  const e = catalog.series.find((s) => s.id === id);
  return e ? `${e.description ?? e.id} (${e.units})` : id;
}
