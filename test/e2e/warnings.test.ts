import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

describe('warnings go to stderr and into --json output', () => {
  it('audit --json: the stale ISM series is warned on stderr and listed in the JSON; stdout is only JSON', () => {
    const r = cli(['audit', 'ism-cycle', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: series "ism_pmi" is stale from /m);
    const j = JSON.parse(r.stdout);
    expect(j.warnings.some((w: string) => w.startsWith('series "ism_pmi" is stale'))).toBe(true);
  });
});
