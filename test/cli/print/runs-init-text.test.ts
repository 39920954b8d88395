import { describe, expect, it } from 'vitest';
import { runsJson, runsText } from '../../../engine/cli/print/runs-text.js';
import { initLines } from '../../../engine/cli/print/init-text.js';
import type { RunFolder } from '../../../engine/cli/find-runs.js';

describe('runs and init as text', () => {
  const run: RunFolder = {
    dir: 'out/a',
    mtime: Date.UTC(2025, 8, 18, 14, 30, 59),
    strategy: 'vote',
    universe: 'ff',
    from: '1954-07-30',
    to: '2025-06-30',
    bars: 852,
    totalReturn: 12.5,
    sharpe: 0.5,
  };

  it('lists run folders with the time each was written, or says there are none', () => {
    expect(runsText([run], 'out')).toBe(
      [
        'written (UTC)     folder  strategy  universe  from        to          bars  total return  Sharpe',
        '----------------  ------  --------  --------  ----------  ----------  ----  ------------  ------',
        '2025-09-18 14:30  out/a   vote      ff        1954-07-30  2025-06-30   852     1,250.00%    0.50',
      ].join('\n'),
    );
    expect(runsText([{ ...run, totalReturn: null, sharpe: null }], 'out').split('\n')[2]).toBe(
      '2025-09-18 14:30  out/a   vote      ff        1954-07-30  2025-06-30   852  –             –',
    );
    expect(runsText([], 'results')).toBe('no run folders under results');
    expect(runsJson([run])).toEqual([{ ...run, written: '2025-09-18T14:30:59.000Z' }]);
  });

  it('says what init wrote and what to run next', () => {
    const r = { written: ['strategies/x.ts', 'tsconfig.json'], packageJson: { created: false, added: ['scripts.test'] }, installed: false };
    expect(initLines('proj', r)).toEqual([
      'set up proj: strategies/x.ts, tsconfig.json; package.json gained scripts.test',
      'next:\n  cd proj\n  npm install\n  npm run backtest      # npx ratecycle run strategies/…\n  npm run audit\n  npm test',
    ]);
    expect(initLines('.', { written: [], packageJson: { created: false, added: [] }, installed: true })).toEqual([
      'set up .: nothing new to write',
      'next:\n  npm run backtest      # npx ratecycle run strategies/…\n  npm run audit\n  npm test',
    ]);
  });
});
