import { describe, expect, it } from 'vitest';
import { verdictCall } from '../../reports/html/run-verdict.js';

describe('verdictCall: the run report states its rule (small ahead or not)', () => {
  it('calls a side only when the 95 % interval excludes zero', () => {
    expect(verdictCall(8, 0.01, 0.09)).toBe('small caps ahead');
    expect(verdictCall(8, -0.09, -0.01)).toBe('large caps ahead');
    // the shipped Russell answer: mean −0.21 %, interval −7.9 % to +7.7 % over 8 cycles
    expect(verdictCall(8, -0.0792, 0.0772)).toBe('no evidence either way');
    expect(verdictCall(8, 0, 0.05)).toBe('no evidence either way');
  });
  it('does not test under 5 cycles or without an interval', () => {
    expect(verdictCall(4, 0.01, 0.09)).toBe('too few cycles to test');
    expect(verdictCall(6, NaN, NaN)).toBe('too few cycles to test');
    expect(verdictCall(0, NaN, NaN)).toBe('no complete first-cut cycle in this period');
  });
});
