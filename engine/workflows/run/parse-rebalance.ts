import { UserError } from '../../core/errors.js';
import type { Rebalance } from '../../core/types.js';

/**
 * Parses a rebalance schedule: `on-change` (trade when the target changes; default),
 * `daily` (every bar), `weekly|monthly|quarterly|yearly[:last|:first]` (last bar of each
 * period by default), or `drift:B` (trade when a weight strays more than B from target,
 * B a fraction, e.g. drift:0.05).
 */
export function parseRebalance(text: string): Rebalance {
  const t = text.trim().toLowerCase();
  if (t === 'on-change' || t === 'change') return { kind: 'on-change' };
  if (t === 'daily' || t === 'every-bar') return { kind: 'every-bar' };
  const period = /^(weekly|monthly|quarterly|yearly)(?::(first|last))?$/.exec(t);
  if (period) return { kind: 'period', period: period[1] as 'weekly', at: (period[2] ?? 'last') as 'last' };
  const drift = /^drift:(\d*\.?\d+)$/.exec(t);
  if (drift) {
    const band = Number(drift[1]);
    if (band > 0 && band < 1) return { kind: 'drift', band };
    throw new UserError(`‹rebalance› ${text}: the drift band must be a fraction between 0 and 1 (e.g. drift:0.05)`);
  }
  throw new UserError(`‹rebalance› ${text}: expected on-change, daily, weekly, monthly, quarterly, yearly (optionally :first or :last) or drift:0.05`);
}

/** Text form of a schedule (inverse of {@link parseRebalance}). */
export function formatRebalance(r: Rebalance): string {
  switch (r.kind) {
    case 'on-change':
      return 'on-change';
    case 'every-bar':
      return 'daily';
    case 'period':
      return `${r.period}:${r.at}`;
    case 'drift':
      return `drift:${r.band}`;
  }
}
