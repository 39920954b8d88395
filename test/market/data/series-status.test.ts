import { describe, expect, it } from 'vitest';
import { isoDay, parseIsoDay } from '../../../engine/core/dates.js';
import type { CatalogEntry } from '../../../engine/core/types.js';
import { seriesStatus } from '../../../engine/market/data/series-status.js';

const entry = (over: Partial<CatalogEntry>): CatalogEntry =>
  ({ id: 'x', file: 'x.csv', column: 'value', kind: 'rate', frequency: 'daily', units: 'u', source: 's', publication: { rule: 'business-days', n: 1 }, ...over }) as CatalogEntry;
const days = (...d: string[]) => Int32Array.from(d.map(parseIsoDay));
const show = (s: ReturnType<typeof seriesStatus>) => ({ last: isoDay(s.last), known: isoDay(s.lastKnown), age: s.ageDays, next: isoDay(s.nextRelease), state: s.state });

describe('seriesStatus', () => {
  it('a daily H.15 series: known the next business day, the next value due the business day after (Fed holidays skipped)', () => {
    // 2025-11-26 (Wed) → known Thu 27th? Thanksgiving 2025-11-27 is a Fed holiday: known Fri 28th; next observation Fri 28th, known Mon Dec 1st
    const s = seriesStatus(entry({ maxStaleDays: 10 }), days('2025-11-25', '2025-11-26'), undefined, parseIsoDay('2025-11-30'));
    expect(show(s)).toEqual({ last: '2025-11-26', known: '2025-11-28', age: 4, next: '2025-12-01', state: 'current' });
    expect(seriesStatus(entry({ maxStaleDays: 10 }), days('2025-11-26'), undefined, parseIsoDay('2025-12-01')).state).toBe('due');
    expect(seriesStatus(entry({ maxStaleDays: 10 }), days('2025-11-26'), undefined, parseIsoDay('2025-12-07')).state).toBe('stale');
  });

  it('a month-end series stays on month ends; a column rule repeats the last delay', () => {
    const monthly = entry({ frequency: 'monthly', kind: 'return', publication: { rule: 'close' } });
    expect(show(seriesStatus(monthly, days('2026-01-31', '2026-02-28'), undefined, parseIsoDay('2026-03-15')))).toMatchObject({ next: '2026-03-31', state: 'current' });
    const ism = entry({ frequency: 'monthly', kind: 'indicator', publication: { rule: 'column', column: 'published' } as never });
    // the November 2025 reading (dated 11-01) was published 12-01: the next, dated 12-01, is expected 30 days later
    const s = seriesStatus(ism, days('2025-10-01', '2025-11-01'), days('2025-11-03', '2025-12-01'), parseIsoDay('2026-01-05'));
    expect(show(s)).toMatchObject({ known: '2025-12-01', next: '2025-12-31', state: 'due' });
  });
});
