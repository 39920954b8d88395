import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/** A folder whose catalog has one FRED series with an update source. */
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-update-cli-'));
  writeFileSync(join(dir, 'x.csv'), 'date,rate\n2024-01-02,4.33\n2024-01-03,4.33\n');
  const entry = {
    id: 'dgs',
    file: 'x.csv',
    column: 'rate',
    kind: 'rate',
    frequency: 'daily',
    units: '%',
    publication: { rule: 'business-days', n: 1 },
    source: 'FRED',
    update: { source: 'fred', id: 'DGS' },
  };
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ series: [entry], universes: [] }));
  return dir;
}

describe('ratecycle data update (CLI)', () => {
  it('without network: one line, exit 1, nothing changed', async () => {
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const saved = process.env.RATECYCLE_SOURCE_BASE;
    process.env.RATECYCLE_SOURCE_BASE = `http://127.0.0.1:${port}`;
    try {
      const dir = folder();
      const r = cli(['data', 'update', '--data', dir]);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toMatch(
        /^ratecycle: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\): data update needs network access to its sources; nothing was changed$/,
      );
    } finally {
      if (saved === undefined) delete process.env.RATECYCLE_SOURCE_BASE;
      else process.env.RATECYCLE_SOURCE_BASE = saved;
    }
  });

  it('a series without a source is named with what to do instead', () => {
    const r = cli(['data', 'update', 'ism_pmi']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^ratecycle: series "ism_pmi" has no update source/);
  });
});
