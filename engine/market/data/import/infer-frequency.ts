import type { Frequency } from '../../../core/types.js';

/**
 * The observation frequency of ascending dates, from the median gap between them in
 * calendar days: ≤ 5 daily, ≤ 10 weekly, 26–35 monthly, 85–95 quarterly, 360–370 annual,
 * otherwise irregular (fewer than 2 dates: irregular).
 */
export function inferFrequency(dates: Int32Array): Frequency {
  if (dates.length < 2) return 'irregular';
  const gaps = Float64Array.from({ length: dates.length - 1 }, (_, i) => dates[i + 1] - dates[i]).sort();
  const m = gaps.length % 2 ? gaps[(gaps.length - 1) / 2] : (gaps[gaps.length / 2 - 1] + gaps[gaps.length / 2]) / 2;
  if (m <= 5) return 'daily';
  if (m <= 10) return 'weekly';
  if (m >= 26 && m <= 35) return 'monthly';
  if (m >= 85 && m <= 95) return 'quarterly';
  if (m >= 360 && m <= 370) return 'annual';
  return 'irregular';
}

/** Days a value may be carried forward before it is stale: about one and a half periods (as the shipped catalog). */
export const STALE_DAYS: Record<Frequency, number> = { daily: 10, weekly: 21, monthly: 70, quarterly: 200, annual: 550, irregular: 400 };
