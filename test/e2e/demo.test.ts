import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

describe('ratecycle demo (what npm start runs)', () => {
  it('prints the answer to the article’s claims first and again last, and writes the claims, the runs and the comparison', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-demo-')), 'd');
    const r = cli(['demo', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    // first: the header, then claim 1's sentence; last: the five sentences again, the pooled ones over other central banks, and the page's path
    expect(lines[0]).toMatch(/^== the article's claims, tested/);
    expect(lines[1]).toMatch(/^1\. “Small caps beat large caps/);
    const again = lines.findIndex((l) => l.startsWith('== the answer again'));
    expect(again).toBeGreaterThan(lines.length - 80);
    const tail = lines.slice(again).join('\n');
    for (let c = 1; c <= 5; c++) expect(tail).toMatch(new RegExp(`^${c}\\. “`, 'm'));
    expect(tail).toMatch(/Of 10 primary tests/);
    expect(tail).toMatch(/^Other central banks .*\n1\. Pooled outside the US/m);
    expect(lines[lines.length - 1]).toMatch(/claims\.html$/);
    // each data warning once per command, not once per run
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings.length).toBe(new Set(warnings).size);
    for (const f of ['claims/claims.html', 'compare/compare.html', 'runs/first-cut-rotation/report.html']) expect(existsSync(join(dir, f)), f).toBe(true);
  }, 300_000);
});
