import { describe, expect, it } from 'vitest';
import { parseCosts } from '../../engine/cli/run-setup.js';

describe('--cost-bps', () => {
  it('one number for all assets, or per asset; an asset given twice is refused, not the last one kept', () => {
    expect(parseCosts('5', ['rut', 'spx'])).toBe(0.0005);
    expect(Array.from(parseCosts('rut=5,spx=2', ['rut', 'spx']) as Float64Array)).toEqual([0.0005, 0.0002]);
    expect(() => parseCosts('rut=5,rut=50', ['rut', 'spx'])).toThrow(/^--cost-bps rut=5,rut=50: "rut" is given twice$/);
  });
});
