import { UserError } from '../../../core/errors.js';
import type { CatalogEntry, FrenchUpdate } from '../../../core/types.js';

/** Where `ratecycle data update` fetches a series (catalog field `update`): a FRED series id, a Stooq symbol, or a column of a Kenneth French file. */
export type UpdateSource = { source: 'fred' | 'stooq'; id: string } | FrenchUpdate;

/** The public hosts of each source; `RATECYCLE_SOURCE_BASE` replaces them (a test's local server). */
const HOSTS: Record<UpdateSource['source'], string> = {
  fred: 'https://fred.stlouisfed.org',
  stooq: 'https://stooq.com',
  french: 'https://mba.tuck.dartmouth.edu',
};

/** The download address of a source: FRED's graph CSV, Stooq's daily CSV, the zip of a French file. */
export function updateUrl(u: UpdateSource, base: string | undefined = process.env.RATECYCLE_SOURCE_BASE): string {
  const host = (base || HOSTS[u.source]).replace(/\/+$/, '');
  if (u.source === 'french') return `${host}/pages/faculty/ken.french/ftp/${encodeURIComponent(u.id)}_CSV.zip`;
  return u.source === 'fred' ? `${host}/graph/fredgraph.csv?id=${encodeURIComponent(u.id)}` : `${host}/q/d/l/?s=${encodeURIComponent(u.id)}&i=d`;
}

/** Digits of the row keys of French's tables for each frequency of a series: YYYYMMDD, YYYYMM, YYYY. */
export const FRENCH_KEY_DIGITS: Readonly<Record<string, number>> = { daily: 8, weekly: 8, monthly: 6, annual: 4 };

const SHAPES =
  'update must be { "source": "fred" | "stooq", "id": "<series id or symbol>" } or { "source": "french", "id": "<zip base name>", "column": "<column>" | "sum": { "<column>": <weight>, … }, "table"?: "<title>", "convert"?: "percent" | "none" }';

/**
 * What is wrong with a catalog entry's `update` field, or undefined when it is a valid source:
 * FRED and Stooq need an id; French needs a daily, weekly, monthly or annual series (when
 * `frequency` is given), the zip's base name (letters, digits, `_`, `-`, `.`),
 * exactly one of `column` (a name) and `sum` (column → finite weight, at least one), and
 * optionally `table` (a title) and `convert` (`percent` or `none`).
 */
export function updateProblem(u: unknown, frequency?: string): string | undefined {
  const x = u as Record<string, unknown> | null;
  if (!x || typeof x !== 'object' || Array.isArray(x) || typeof x.id !== 'string' || x.id === '') return SHAPES;
  if (x.source === 'fred' || x.source === 'stooq') return undefined;
  if (x.source !== 'french') return SHAPES;
  if (frequency !== undefined && !(frequency in FRENCH_KEY_DIGITS)) return `a French update needs a daily, weekly, monthly or annual series (French's rows are keyed YYYYMMDD, YYYYMM or YYYY), not ${frequency}`;
  const known = ['source', 'id', 'table', 'column', 'sum', 'convert'];
  const extra = Object.keys(x).filter((k) => !known.includes(k));
  if (extra.length) return `update has unknown field${extra.length > 1 ? 's' : ''} ${extra.map((k) => `"${k}"`).join(', ')} (a French source has ${known.map((k) => `"${k}"`).join(', ')})`;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(x.id)) return `update.id "${x.id}" must be the base name of a zip of French's library (e.g. "F-F_Research_Data_5_Factors_2x3" for F-F_Research_Data_5_Factors_2x3_CSV.zip)`;
  if (x.table !== undefined && !(typeof x.table === 'string' && x.table.trim() !== '')) return 'update.table must be the title of one of the file\'s tables (e.g. "Average Value Weighted Returns -- Monthly")';
  if ((x.column === undefined) === (x.sum === undefined)) return 'a French update names exactly one of "column" (a column of the table) and "sum" (column → weight)';
  if (x.column !== undefined && !(typeof x.column === 'string' && x.column.trim() !== '')) return 'update.column must be the name of a column of the table (e.g. "SMB" or "Lo 30")';
  if (x.sum !== undefined) {
    const s = x.sum as Record<string, unknown> | null;
    if (!s || typeof s !== 'object' || Array.isArray(s) || Object.keys(s).length === 0) return 'update.sum must map column names to weights, e.g. { "RF": 1, "Mkt-RF": 1, "SMB": 0.5 }';
    for (const [k, w] of Object.entries(s)) {
      if (k.trim() === '') return 'update.sum has an empty column name';
      if (typeof w !== 'number' || !Number.isFinite(w)) return `update.sum's weight of "${k}" must be a finite number`;
    }
  }
  if (x.convert !== undefined && x.convert !== 'percent' && x.convert !== 'none') return 'update.convert must be "percent" (percent → fraction, the default) or "none"';
  return undefined;
}

/** A catalog entry's update source, or a UserError saying the series cannot be updated and what to do instead. */
export function updateSourceOf(entry: CatalogEntry): UpdateSource {
  const u = entry.update;
  if (!u) {
    const from = entry.source.split(';')[0];
    if (/Kenneth R\. French/i.test(from)) {
      throw new UserError(
        `series "${entry.id}" has no update source in its catalog (its data come from ${from}): data update takes one column, or a weighted sum of columns, of one table of French's file ("update": { "source": "french", … }, see docs/data.md), and a series computed otherwise (from several tables, as bm_small, bm_large and bm_spread are) cannot be updated that way; rebuild it from a newer file (data/build.ts) and add it with \`ratecycle data add FILE --id ${entry.id} --force\``,
      );
    }
    throw new UserError(
      `series "${entry.id}" has no update source in its catalog (its data come from ${from}); download a newer file yourself and run \`ratecycle data add FILE --id ${entry.id} --force\``,
    );
  }
  return u;
}
