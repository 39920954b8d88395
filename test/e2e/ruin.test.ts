/** Ruin and absurd costs through the CLI: one readable line, the date of ruin in the summary and metrics. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'ratecycle-trust-'));
writeFileSync(
  join(dir, 'ten-x.ts'),
  `import { defineStrategy } from 'ratecycle';\nexport default defineStrategy({ id: 'ten-x', name: 'Ten x', description: 'ten times small caps', assets: ['small'], weights: (v) => ({ small: new Float64Array(v.length).fill(10) }) });\n`,
);

describe('ruin through the CLI', () => {
  it('10x small caps is ruined on 1987-10-16; the summary and metrics.csv say so', () => {
    const out = join(dir, 'run');
    const r = cli(['run', join(dir, 'ten-x.ts'), '--allow-leverage', '--out', out]);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('ratecycle:'))).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ruined on 1987-10-16: equity fell to 0 or below/);
    expect(r.stdout).toMatch(/Total return\s+-100\.00%/);
    const metrics = readFileSync(join(out, 'metrics.csv'), 'utf8');
    expect(metrics).toMatch(/^strategy,ruinDate,date,,1987-10-16$/m);
    expect(metrics).toMatch(/^strategy,maxDrawdown,fraction,-1,$/m);
    const equity = readFileSync(join(out, 'equity.csv'), 'utf8').trim().split('\n');
    expect(equity.at(-1)!.split(',')[1]).toBe('0');
  });

  it('refuses --cost-bps 1e6 with one line and exit 1', () => {
    const r = cli(['run', 'first-cut-rotation', '--cost-bps', '1e6', '--out', join(dir, 'absurd')]);
    expect(r.code).toBe(1);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('warning:')),
    ).toHaveLength(1);
    expect(r.stderr).toMatch(/^ratecycle: cost \+ slippage of \w+ is 1000000 bp of traded value; more than 1000 bp is not a trading cost/m);
  });
});
