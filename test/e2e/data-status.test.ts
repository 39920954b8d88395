import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('ratecycle data status', () => {
  it("prints each series' last value, age and next release, as of a given day", () => {
    const r = cli(['data', 'status', '--today', '2026-08-24', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { today: string; series: { id: string; last: string; ageDays: number; nextRelease: string; state: string }[] };
    expect(out.today).toBe('2026-08-24');
    const get = (id: string) => out.series.find((s) => s.id === id)!;
    // the shipped Russell 2000 ends on Thursday 2026-08-20: on Monday the 24th Friday's close is due
    expect(get('rut')).toMatchObject({ last: '2026-08-20', ageDays: 4, nextRelease: '2026-08-21', state: 'due' });
    expect(get('cpi')).toMatchObject({ last: '2023-11-01', state: 'stale' });
    const text = cli(['data', 'status', '--today', '2026-08-24']);
    expect(text.stdout).toMatch(/^id\s+last value\s+known from\s+age \(days\)\s+next release\s+state$/m);
    expect(text.stdout).toMatch(/on 2026-08-24: \d+ series; \d+ older than their staleness limit/);
    expect(cli(['data', 'status', '--today', 'soon']).stderr.trim()).toBe('ratecycle: --today "soon" is not a date (YYYY-MM-DD)');
  });
});
