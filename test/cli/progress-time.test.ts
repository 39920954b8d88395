import { describe, expect, it } from 'vitest';
import cliProgress from 'cli-progress';
import { withUnknownEta } from '../../engine/cli/progress-time.js';

describe('the sweep progress bar ETA', () => {
  const options = { autopaddingChar: '0' } as cliProgress.Options;
  const format = withUnknownEta(cliProgress.Format.TimeFormat);

  it('shows – while cli-progress does not know it (its own formatter would print "NFs")', () => {
    expect(cliProgress.Format.TimeFormat('INF' as unknown as number, options, 5)).toBe('NFs');
    expect(format('INF' as unknown as number, options, 5)).toBe('–');
    expect(format('NULL' as unknown as number, options, 5)).toBe('–');
    expect(format(NaN, options, 5)).toBe('–');
  });

  it('formats a known ETA as cli-progress does', () => {
    expect(format(75, options, 5)).toBe('01m15s');
    expect(format(7, options, 5)).toBe('07s');
    expect(format(3 * 3600 + 600, options, 5)).toBe(cliProgress.Format.TimeFormat(3 * 3600 + 600, options, 5));
  });
});
