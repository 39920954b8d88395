import { addMonths, endOfMonth } from '../../core/dates.js';
import type { CatalogEntry } from '../../core/types.js';
import { addFedBusinessDays } from '../holidays.js';
import { publicationDay } from '../publication.js';

/** Where a series stands on a given day: its last observation, how old it is, and when the next one is due. */
export interface SeriesStatus {
  id: string;
  /** Last observation's date and the day it became known. */
  last: number;
  lastKnown: number;
  /** Calendar days from the last observation to `today`. */
  ageDays: number;
  /** The next observation's date and the day it should be published (NaN for irregular series). */
  nextObservation: number;
  nextRelease: number;
  /** `current` (the next value is not due yet), `due` (it should be out), or `stale` (older than the catalog's maxStaleDays: runs treat it as unknown). */
  state: 'current' | 'due' | 'stale';
}

/** The observation date after `last` for a frequency (month ends stay month ends); NaN for irregular series. */
function nextObservation(last: number, frequency: CatalogEntry['frequency']): number {
  switch (frequency) {
    case 'daily':
      return addFedBusinessDays(last, 1);
    case 'weekly':
      return last + 7;
    case 'monthly':
    case 'quarterly':
    case 'annual': {
      const months = frequency === 'monthly' ? 1 : frequency === 'quarterly' ? 3 : 12;
      return last === endOfMonth(last) ? endOfMonth(addMonths(last, months)) : addMonths(last, months);
    }
    default:
      return NaN;
  }
}

/**
 * A series' status on `today`: its last observation and when it became known (`lastKnown`,
 * from the file's publication column for rule `column`), its age, the next observation's date
 * and expected release (the catalog's publication rule; for rule `column`, the last
 * observation's own delay repeated), and whether that release is past (`due`) or the value is
 * older than the catalog's staleness limit (`stale`).
 *
 * @example seriesStatus(entry, dates, published, parseIsoDay('2026-12-06')).state // 'stale'
 */
export function seriesStatus(entry: CatalogEntry, dates: Int32Array, published: Int32Array | undefined, today: number): SeriesStatus {
  const last = dates[dates.length - 1];
  const rule = entry.publication;
  const lastKnown = rule.rule === 'column' ? (published?.[published.length - 1] ?? last) : publicationDay(last, rule);
  const next = nextObservation(last, entry.frequency);
  const nextRelease = !Number.isFinite(next) ? NaN : rule.rule === 'column' ? next + (lastKnown - last) : publicationDay(next, rule);
  const ageDays = today - last;
  const state = entry.maxStaleDays !== undefined && ageDays > entry.maxStaleDays ? 'stale' : nextRelease <= today ? 'due' : 'current';
  return { id: entry.id, last, lastKnown, ageDays, nextObservation: next, nextRelease, state };
}
