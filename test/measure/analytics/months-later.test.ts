import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, endOfMonth, isoDay, parseIsoDay } from '../../../engine/core/dates.js';
import { monthsLaterDays } from '../../../engine/measure/analytics/months-later.js';
import { barsMonthsAfter } from '../../../engine/measure/analytics/event-study.js';

/** The rule as the event study states it, one date at a time. */
const reference = (e: number, h: number) => (e === endOfMonth(e) ? endOfMonth(addMonths(e, h)) : addMonths(e, h));
const days = (...iso: string[]) => Int32Array.from(iso, parseIsoDay);

describe('monthsLaterDays', () => {
  it('maps month ends to month ends and clamps other days (hand-checked dates)', () => {
    const d = days('2024-01-30', '2024-01-31', '2023-02-28', '2024-02-29', '2024-03-15', '1999-12-31');
    expect(Array.from(monthsLaterDays(d, 1), isoDay)).toEqual(['2024-02-29', '2024-02-29', '2023-03-31', '2024-03-31', '2024-04-15', '2000-01-31']);
    expect(Array.from(monthsLaterDays(d, 12), isoDay)).toEqual(['2025-01-30', '2025-01-31', '2024-02-29', '2025-02-28', '2025-03-15', '2000-12-31']);
    expect(Array.from(monthsLaterDays(d, -12), isoDay)).toEqual(['2023-01-30', '2023-01-31', '2022-02-28', '2023-02-28', '2023-03-15', '1998-12-31']);
    expect(Array.from(monthsLaterDays(d, 0))).toEqual(Array.from(d));
    expect(monthsLaterDays(new Int32Array(0), 3)).toEqual(new Int32Array(0));
  });

  it('equals the one-date rule for any dates and any whole or fractional h, and leaves its input alone', () => {
    const day = fc.integer({ min: parseIsoDay('1900-01-01'), max: parseIsoDay('2100-12-31') });
    fc.assert(
      fc.property(
        fc.array(day, { maxLength: 60 }),
        fc.oneof(fc.integer({ min: -400, max: 400 }), fc.double({ min: -30, max: 30, noNaN: true })),
        fc.boolean(),
        (xs, h, sorted) => {
          const dates = Int32Array.from(sorted ? [...xs].sort((a, b) => a - b) : xs);
          const before = dates.slice();
          const got = monthsLaterDays(dates, h);
          expect(dates).toEqual(before);
          expect(Array.from(got)).toEqual(Array.from(dates, (e) => reference(e, h)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives barsMonthsAfter the same bars as before on a daily calendar', () => {
    const dates = Int32Array.from({ length: 3000 }, (_, i) => parseIsoDay('1990-01-01') + i + Math.floor(i / 5) * 2); // weekdays
    for (const h of [-3, -1, 1, 6, 24]) {
      const want = new Int32Array(dates.length).fill(-1);
      for (let i = 0, j = 0; i < dates.length; i++) {
        const target = reference(dates[i], h);
        if (target > dates[dates.length - 1] || target < dates[0]) continue;
        while (j + 1 < dates.length && dates[j + 1] <= target) j++;
        while (j > 0 && dates[j] > target) j--;
        want[i] = j;
      }
      expect(barsMonthsAfter(dates, h)).toEqual(want);
    }
  });
});
