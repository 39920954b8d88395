import { isoDay, parseIsoDay } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import { loadCatalog } from '../../market/data/catalog.js';
import { loadFomc } from '../../market/data/load-fomc.js';
import { displayPath, loadSeries } from '../../market/data/load-series.js';
import { seriesStatus, type SeriesStatus } from '../../market/data/series-status.js';
import { count } from '../format.js';
import { textTable } from '../table.js';

/** Arguments of `ratecycle data status`. */
export interface StatusArgs {
  data?: string;
  json?: boolean;
  /** The day to measure ages against (default: today, UTC). */
  today?: string;
}

/** Today as a day number (UTC), or `--today`. */
function todayOf(text: string | undefined): number {
  if (text === undefined) return Math.floor(Date.now() / 86_400_000);
  const d = parseIsoDay(text);
  if (Number.isNaN(d)) throw new UserError(`‹today› "${text}" is not a date (YYYY-MM-DD)`);
  return d;
}

/** Every series' status on one day (see seriesStatus), in catalog order. */
export function catalogStatus(dataDir: string | undefined, today: number): { dir: string; status: SeriesStatus[] } {
  const catalog = loadCatalog(dataDir);
  const status = catalog.series.map((e) => {
    if (e.kind === 'event') {
      const dates = Int32Array.from(loadFomc(e, catalog.dir).decisions.map((d) => d.date));
      return seriesStatus({ ...e, frequency: 'irregular' }, dates, undefined, today);
    }
    const s = loadSeries(e, catalog.dir);
    return seriesStatus(e, s.dates, s.published, today);
  });
  return { dir: displayPath(catalog.dir), status };
}

/** `ratecycle data status`: each series' last date, its age, its next expected release and whether it is due or stale. */
export function statusData(args: StatusArgs): void {
  const today = todayOf(args.today);
  const { dir, status } = catalogStatus(args.data, today);
  const day = (d: number) => (Number.isFinite(d) ? isoDay(d) : '–');
  if (args.json) {
    const rows = status.map((s) => ({
      ...s,
      last: day(s.last),
      lastKnown: day(s.lastKnown),
      nextObservation: day(s.nextObservation),
      nextRelease: day(s.nextRelease),
    }));
    console.log(JSON.stringify({ dir, today: isoDay(today), series: rows }, null, 2));
    return;
  }
  console.log(
    textTable(
      ['id', 'last value', 'known from', 'age (days)', 'next release', 'state'],
      status.map((s) => [s.id, day(s.last), day(s.lastKnown), count(s.ageDays), day(s.nextRelease), s.state]),
    ),
  );
  const stale = status.filter((s) => s.state === 'stale').map((s) => s.id);
  const due = status.filter((s) => s.state === 'due').map((s) => s.id);
  console.log(
    `\n${dir} on ${isoDay(today)}: ${status.length} series; ${stale.length} older than their staleness limit (a run ending today would treat them as unknown)${stale.length ? `: ${stale.join(', ')}` : ''}; ${due.length} with a newer value due${due.length ? `: ${due.join(', ')}` : ''}. Refresh the series with an update source with \`ratecycle data update\`, others with \`ratecycle data add\`.`,
  );
}
