import { UserError } from '../../../core/errors.js';
import type { CatalogEntry } from '../../../core/types.js';

/** Where `ratecycle data update` fetches a series: a FRED series id or a Stooq symbol (catalog field `update`). */
export interface UpdateSource {
  source: 'fred' | 'stooq';
  /** FRED series id (`DGS10`) or Stooq symbol (`^spx`). */
  id: string;
}

/** The public hosts of each source; `RATECYCLE_SOURCE_BASE` replaces them (a test's local server). */
const HOSTS: Record<UpdateSource['source'], string> = { fred: 'https://fred.stlouisfed.org', stooq: 'https://stooq.com' };

/** The CSV download address of a source: FRED's graph CSV, Stooq's daily CSV. */
export function updateUrl(u: UpdateSource, base: string | undefined = process.env.RATECYCLE_SOURCE_BASE): string {
  const host = (base || HOSTS[u.source]).replace(/\/+$/, '');
  return u.source === 'fred' ? `${host}/graph/fredgraph.csv?id=${encodeURIComponent(u.id)}` : `${host}/q/d/l/?s=${encodeURIComponent(u.id)}&i=d`;
}

/** A catalog entry's update source, or a UserError saying the series cannot be updated and what to do instead. */
export function updateSourceOf(entry: CatalogEntry): UpdateSource {
  const u = entry.update;
  if (!u) {
    throw new UserError(
      `series "${entry.id}" has no update source in its catalog (its data come from ${entry.source.split(';')[0]}); download a newer file yourself and run \`ratecycle data add FILE --id ${entry.id} --force\``,
    );
  }
  return u;
}
