import { defineStrategy } from '../engine/strategy/define.js';
import { constant } from '../engine/strategy/signals.js';

/** Buy and hold one asset: the benchmark every rotation must beat. */
export default defineStrategy({
  id: 'buy-hold',
  name: 'Buy and hold',
  description: 'Holds one asset (small or large caps) fully invested from the first bar; no trades after the first. The benchmark for every rotation.',
  assets: ['small', 'large'],
  params: {
    asset: { type: 'enum', values: ['small', 'large'], default: 'small', description: 'which asset to hold' },
  },
  weights(view, p) {
    const T = view.length;
    const small = p.asset === 'small' ? 1 : 0;
    return { small: constant(T, small), large: constant(T, 1 - small) };
  },
});
