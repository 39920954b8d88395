import { describe, expect, it } from 'vitest';
import { leaveOneGroupOut } from '../../../engine/measure/stats/leave-one-group-out.js';

describe('leaveOneGroupOut', () => {
  it('is the mean of the other groups’ members, each value counted once (hand-computed)', () => {
    // values 1, 2 (group 0), 9 (group 1), 4, NaN (group 2): all = (1 + 2 + 9 + 4) / 4 = 4
    const out = leaveOneGroupOut([1, 2, 9, 4, NaN], [0, 0, 1, 2, 2]);
    expect(out).toEqual([
      { group: 0, dropped: 2, n: 2, mean: 6.5 }, // (9 + 4) / 2
      { group: 1, dropped: 1, n: 3, mean: 7 / 3 }, // (1 + 2 + 4) / 3
      { group: 2, dropped: 1, n: 3, mean: 4 }, // (1 + 2 + 9) / 3
    ]);
  });
  it('is NaN when nothing remains', () => {
    expect(leaveOneGroupOut([1, 2], [0, 0])).toEqual([{ group: 0, dropped: 2, n: 0, mean: NaN }]);
  });
});
