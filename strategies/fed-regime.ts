import { Phase } from '../engine/core/types.js';
import { allocationWithBonds } from '../engine/strategy/allocation.js';
import { defineStrategy } from '../engine/strategy/define.js';

/** Small caps while the Fed is easing, large caps (or cash) while it tightens, a choice in holds. */
export default defineStrategy({
  id: 'fed-regime',
  name: 'Fed regime',
  description:
    "Idea: the policy cycle sets the tide for small caps (rate-sensitive balance sheets). Rule: in an easing phase hold small caps; in a tightening phase `tightening` (large caps or cash); in a hold phase (no move in the cycle's direction for 6 months, or before any cycle) `hold`. Phases are known point-in-time at each close. `bonds` (tightening or hold) needs a universe with bonds (ff-bonds, russell-bonds).",
  assets: ['small', 'large', 'bonds'],
  params: {
    tightening: {
      type: 'enum',
      values: ['large', 'cash', 'mix', 'bonds'],
      default: 'large',
      description: 'allocation in tightening phases (bonds: universes with bonds)',
    },
    hold: {
      type: 'enum',
      values: ['small', 'large', 'cash', 'mix', 'bonds'],
      default: 'large',
      description: 'allocation in hold phases (bonds: universes with bonds)',
    },
  },
  weights(view, p, out) {
    const T = view.length;
    const small = out?.small ?? new Float64Array(T);
    const large = out?.large ?? new Float64Array(T);
    const bonds = out?.bonds ?? new Float64Array(T);
    const phase = view.fed.phase;
    const easing = allocationWithBonds('small');
    const tight = allocationWithBonds(p.tightening);
    const hold = allocationWithBonds(p.hold);
    for (let t = 0; t < T; t++) {
      const ph = phase[t];
      const w = ph === Phase.Easing ? easing : ph === Phase.Tightening ? tight : hold;
      small[t] = w[0];
      large[t] = w[1];
      bonds[t] = w[2];
    }
    return { small, large, bonds };
  },
});
