import { dayFromYmd, parseIsoDay } from '../../../core/dates.js';

/** A date layout found in downloads and other tools' files. */
export type DateLayout = 'iso' | 'ymd-slash' | 'compact' | 'dmy-dot' | 'mdy-slash' | 'dmy-slash';

// YYYY-MM-DD, optionally followed by a time ("2020-01-02 00:00:00", "2020-01-02T00:00:00-05:00")
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DMY_DOT = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASH = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function real(y: number, m: number, d: number): number {
  const day = dayFromYmd(y, m, d);
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return parseIsoDay(iso) === day ? day : NaN;
}

/** Day number of `text` in a layout (the date part of an ISO date-time, as written); NaN when it does not fit. */
export function parseDateAs(text: string, layout: DateLayout): number {
  const t = text.trim();
  let m: RegExpExecArray | null;
  switch (layout) {
    case 'iso':
      return (m = ISO.exec(t)) !== null ? real(+m[1], +m[2], +m[3]) : NaN;
    case 'ymd-slash':
      return (m = YMD_SLASH.exec(t)) !== null ? real(+m[1], +m[2], +m[3]) : NaN;
    case 'compact':
      return (m = COMPACT.exec(t)) !== null ? real(+m[1], +m[2], +m[3]) : NaN;
    case 'dmy-dot':
      return (m = DMY_DOT.exec(t)) !== null ? real(+m[3], +m[2], +m[1]) : NaN;
    case 'mdy-slash':
      return (m = SLASH.exec(t)) !== null ? real(+m[3], +m[1], +m[2]) : NaN;
    case 'dmy-slash':
      return (m = SLASH.exec(t)) !== null ? real(+m[3], +m[2], +m[1]) : NaN;
  }
}

/** What {@link detectDateLayout} found: a layout, or why none fits. */
export type LayoutResult = { layout: DateLayout } | { problem: string; index?: number };

/**
 * The one layout that reads every date of a column: ISO `YYYY-MM-DD` (with or without a
 * time), `YYYY/MM/DD`, `YYYYMMDD`, `DD.MM.YYYY`, or `M/D/YYYY` vs `D/M/YYYY` — the last two
 * only when some date settles it (a first field above 12 means day first, a second field
 * above 12 means month first); a column where both readings work is ambiguous and refused.
 * Blank cells are skipped. `index` points at the first cell that fits no layout.
 */
export function detectDateLayout(texts: readonly string[]): LayoutResult {
  const first = texts.findIndex((t) => t.trim() !== '');
  if (first < 0) return { problem: 'has no dates' };
  const sample = texts[first].trim();
  const candidates: DateLayout[] = ISO.test(sample)
    ? ['iso']
    : YMD_SLASH.test(sample)
      ? ['ymd-slash']
      : COMPACT.test(sample)
        ? ['compact']
        : DMY_DOT.test(sample)
          ? ['dmy-dot']
          : SLASH.test(sample)
            ? ['mdy-slash', 'dmy-slash']
            : [];
  if (candidates.length === 0) return { problem: `"${sample}" is not a date in a known layout (YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, DD.MM.YYYY, M/D/YYYY or D/M/YYYY)`, index: first };
  const fits = candidates.filter((layout) => texts.every((t) => t.trim() === '' || !Number.isNaN(parseDateAs(t, layout))));
  if (fits.length === 1) return { layout: fits[0] };
  if (fits.length > 1) {
    return { problem: `dates like "${sample}" read both as month/day/year and as day/month/year (no day above 12 settles it); write them as YYYY-MM-DD` };
  }
  const layout = candidates[0];
  const bad = texts.findIndex((t) => t.trim() !== '' && Number.isNaN(parseDateAs(t, layout)));
  return { problem: `"${texts[bad]}" is not a real date in the layout of "${sample}"`, index: bad };
}
