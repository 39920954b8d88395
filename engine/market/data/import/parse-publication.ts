import { UserError } from '../../../core/errors.js';
import type { Frequency, Publication, SeriesKind } from '../../../core/types.js';

const WITH_N = ['business-days', 'calendar-days', 'next-month-business-day', 'next-month-day', 'months'] as const;

/**
 * Parses `--publication`: `close`, or `RULE:N` with RULE one of business-days,
 * calendar-days, next-month-business-day, next-month-day, months (see Publication).
 *
 * @example parsePublication('next-month-day:15') // { rule: 'next-month-day', n: 15 }
 */
export function parsePublication(text: string): Publication {
  const t = text.trim();
  if (t === 'close') return { rule: 'close' };
  const [rule, n, extra] = t.split(':');
  const k = Number(n);
  if (extra !== undefined || !(WITH_N as readonly string[]).includes(rule) || n === undefined || !Number.isInteger(k) || k < 0) {
    throw new UserError(`‹publication› "${text}": use close or RULE:N with RULE one of ${WITH_N.join(', ')} and N a whole number ≥ 0 (e.g. business-days:1, next-month-day:15)`);
  }
  return { rule, n: k } as Publication;
}

/** Text of a publication rule, as `--publication` takes it. */
export function formatPublication(p: Publication): string {
  return 'n' in p ? `${p.rule}:${p.n}` : p.rule;
}

/**
 * A conservative publication rule when none is given: prices and returns at the close of
 * their date; other series one business day later (daily), a week later (weekly), and for
 * monthly, quarterly and annual values dated the start of their period (FRED's convention)
 * one, three or twelve months after the end of the date's month — later than most releases,
 * never earlier. Set `--publication` to the real release schedule for a sharper test.
 */
export function defaultPublication(kind: SeriesKind, frequency: Frequency): Publication {
  if (kind === 'price' || kind === 'return') return { rule: 'close' };
  switch (frequency) {
    case 'daily':
    case 'irregular':
      return { rule: 'business-days', n: 1 };
    case 'weekly':
      return { rule: 'calendar-days', n: 7 };
    case 'monthly':
      return { rule: 'months', n: 1 };
    case 'quarterly':
      return { rule: 'months', n: 3 };
    case 'annual':
      return { rule: 'months', n: 12 };
  }
}
