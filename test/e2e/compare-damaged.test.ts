/** compare recomputes metrics from run folders: a damaged or repeated folder gets one line, never empty metrics. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

describe('compare --common-period on damaged run folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-compare-damaged-'));
  const a = join(dir, 'a'),
    b = join(dir, 'b');
  it('names the file, line and column of a cell that is not a number, refuses a cut file and a folder given twice', () => {
    expect(cli(['run', 'buy-hold', '--from', '2010-01-01', '--no-report', '--out', a]).code).toBe(0);
    expect(cli(['run', 'fixed-mix', '--from', '2012-01-01', '--no-report', '--out', b]).code).toBe(0);
    const file = join(b, 'returns.csv');
    const good = readFileSync(file, 'utf8');
    const lines = good.split('\n');
    lines[10] = lines[10].replace(/^([^,]+),[^,]+,/, '$1,oops,');
    writeFileSync(file, lines.join('\n'));
    const bad = cli(['compare', a, b, '--common-period', '--out', join(dir, 'c1')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^ratecycle: .*b\/returns\.csv:11: column "strategy": "oops" is not a number$/);
    writeFileSync(file, lines.slice(0, 200).join('\n') + '\n');
    const cut = cli(['compare', a, b, '--common-period', '--out', join(dir, 'c2')]);
    expect(cut.code).toBe(1);
    expect(cut.stderr.trim()).toMatch(/^ratecycle: .*b\/returns\.csv: 199 rows where run\.json says [\d]+ bars: the file is cut or from another run$/);
    writeFileSync(file, good);
    const twice = cli(['compare', a, a, '--out', join(dir, 'c3')]);
    expect(twice.code).toBe(1);
    expect(twice.stderr.trim()).toMatch(/is given twice; give each run folder once$/);
    expect(cli(['compare', a, b, '--common-period', '--out', join(dir, 'c4')]).code).toBe(0);
  });
});
