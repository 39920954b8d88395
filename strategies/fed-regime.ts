import { Phase } from '../engine/types.js';
import { allocation } from './allocation.js';
import { defineStrategy } from './define.js';

/** Small caps while the Fed is easing, large caps (or cash) while it tightens, a choice in holds. */
export default defineStrategy({
  id: 'fed-regime',
  name: 'Fed regime',
  description:
    'Idea: the policy cycle sets the tide for small caps (rate-sensitive balance sheets). Rule: in an easing phase hold small caps; in a tightening phase `tightening` (large caps or cash); in a hold phase (no move in the cycle\'s direction for 6 months, or before any cycle) `hold`. Phases are known point-in-time at each close.',
  assets: ['small', 'large'],
  params: {
    tightening: { type: 'enum', values: ['large', 'cash', 'mix'], default: 'large', description: 'allocation in tightening phases' },
    hold: { type: 'enum', values: ['small', 'large', 'cash', 'mix'], default: 'large', description: 'allocation in hold phases' },
  },
  weights(view, p) {
    const T = view.length;
    const small = new Float64Array(T);
    const large = new Float64Array(T);
    const easing = allocation('small');
    const tight = allocation(p.tightening);
    const hold = allocation(p.hold);
    for (let t = 0; t < T; t++) {
      const ph = view.fed.phase[t];
      const w = ph === Phase.Easing ? easing : ph === Phase.Tightening ? tight : hold;
      small[t] = w[0];
      large[t] = w[1];
    }
    return { small, large };
  },
});
