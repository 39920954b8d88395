import { describe, expect, it } from 'vitest';
import { median } from '../../bench/median.js';

describe('median (bench timings)', () => {
  it('is the middle value, or the mean of the two middle values, and leaves its input alone', () => {
    const xs = [4, 1, 3, 2];
    expect(median(xs)).toBe(2.5);
    expect(xs).toEqual([4, 1, 3, 2]);
    expect(median([30, 10, 20])).toBe(20);
    expect(median([7])).toBe(7);
  });
});
