import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

describe('ratecycle claims (CLI)', () => {
  it('writes claims.html, claims.csv and claims.json, prints the verdict table, refuses to overwrite', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-claims-')), 'c');
    const r = cli(['claims', '--universe', 'russell,ff-1926', '--draws', '200', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/first cut → 12 m/);
    expect(r.stdout).toMatch(/claims\.html/);
    for (const f of ['claims.html', 'claims.csv', 'claims.json', 'influence.csv']) expect(existsSync(join(dir, f))).toBe(true);
    const csv = readFileSync(join(dir, 'claims.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(
      /^claim,part,headline,label,universe,from,to,role,null,n,n_unit,groups,group_unit,estimate,unit,baseline,ci_low,ci_high,ci_method,p,p_method,p_holm,p_bh,p_verdict,mde,/,
    );
    // the answer comes first, before the table
    expect(r.stdout.indexOf('NOT ')).toBeLessThan(r.stdout.indexOf('daily samples'));
    const again = cli(['claims', '--universe', 'russell', '--draws', '200', '--out', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    const bad = cli(['claims', '--universe', 'mars']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a claims sample/);
  });
});
