import { UserError } from '../engine/core/errors.js';
import { defineStrategy } from '../engine/strategy/define.js';
import { constant } from '../engine/strategy/signals.js';

/** Constant mix of small and large caps, rebalanced on a schedule (default: every month end). */
export default defineStrategy({
  id: 'fixed-mix',
  name: 'Fixed mix',
  description:
    'Holds constant weights in small and large caps (default 60/40), the rest in cash, rebalanced at every month end by default (see --rebalance). The neutral blend a rotation should beat after costs.',
  assets: ['small', 'large'],
  params: {
    small: { type: 'number', default: 0.6, min: 0, max: 1, step: 0.1, description: 'weight of small caps (fraction of equity)' },
    large: { type: 'number', default: 0.4, min: 0, max: 1, step: 0.1, description: 'weight of large caps (fraction of equity)' },
  },
  defaults: { rebalance: { kind: 'period', period: 'monthly', at: 'last' } },
  weights(view, p) {
    if (p.small + p.large > 1 + 1e-12) throw new UserError(`small + large = ${p.small + p.large} exceeds 1`);
    return { small: constant(view.length, p.small), large: constant(view.length, p.large) };
  },
});
