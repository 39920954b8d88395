import { UserError } from '../../core/errors.js';
import { loadCatalog } from '../../market/data/catalog.js';
import { updateSeries, type Fetched, type UpdateResult } from '../../market/data/update/update-series.js';

/** Arguments of `ratecycle data update`. */
export interface UpdateArgs {
  ids?: string[];
  data?: string;
  into?: string;
  timeout?: number;
  json?: boolean;
}

/**
 * `ratecycle data update [ids…]`: fetches newer values of the named series (default: every
 * series of the catalog with an update source) one after another, prints one line per series
 * and exits 1 when any failed. When no source could be reached at all, one line says so.
 */
export async function updateData(args: UpdateArgs): Promise<void> {
  const catalog = loadCatalog(args.data);
  if (args.timeout !== undefined && !(args.timeout > 0))
    throw new UserError(`‹timeout› must be a number of seconds > 0 (got ${args.timeout})`, { value: args.timeout });
  const ids = args.ids?.length ? args.ids : catalog.series.filter((e) => e.update).map((e) => e.id);
  if (!ids.length)
    throw new UserError('no series of this catalog has an update source ("update" in catalog.json); name one, or add newer files with `ratecycle data add`');
  const results: UpdateResult[] = [];
  // one download per file: the columns of a French zip share it
  const downloads = new Map<string, Promise<Fetched>>();
  for (const id of ids) {
    const r = await updateSeries(catalog, id, { into: args.into ?? args.data, timeoutSeconds: args.timeout, downloads });
    results.push(r);
    if (!args.json && !(r.unreachable && results.every((x) => x.unreachable))) console.log(r.message);
  }
  if (results.every((r) => r.unreachable)) {
    throw new UserError(
      `${results[0].message.replace(/^[^:]+: /, '').replace(/; kept as it was$/, '')}: data update needs network access to its sources; nothing was changed`,
    );
  }
  if (args.json) console.log(JSON.stringify(results, null, 2));
  const failed = results.filter((r) => r.outcome === 'failed');
  const updated = results.filter((r) => r.outcome === 'updated').length;
  if (!args.json) console.log(`\ndata update: ${updated} updated, ${results.length - updated - failed.length} up to date, ${failed.length} failed`);
  if (failed.length) process.exitCode = 1;
}
