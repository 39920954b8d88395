/**
 * `data update` against a local HTTP server that plays FRED: a newer vintage (rows added, one
 * value revised), a truncated body, a partial body, a 404, an HTML error page, a timeout and an
 * unreachable host. Nothing here touches the internet.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIsoDay } from '../../../../engine/core/dates.js';
import { loadCatalog } from '../../../../engine/market/data/catalog.js';
import { loadSeries } from '../../../../engine/market/data/load-series.js';
import { updateSeries } from '../../../../engine/market/data/update/update-series.js';
import { vintageDiff } from '../../../../engine/market/data/update/vintage-diff.js';

const CURRENT = ['date,rate', '2024-01-02,4.33', '2024-01-03,4.33', '2024-01-04,4.32'];
const fred = (rows: string[]) => `observation_date,DGS\n${rows.join('\n')}\n`;
const RESPONSES: Record<string, (res: import('node:http').ServerResponse) => void> = {
  NEWER: (res) => res.end(fred(['2024-01-01,.', '2024-01-02,4.33', '2024-01-03,4.31', '2024-01-04,4.32', '2024-01-05,4.40', '2024-01-08,4.41'])),
  SAME: (res) => res.end(fred(['2024-01-02,4.33', '2024-01-03,4.33', '2024-01-04,4.32'])),
  CUT: (res) => res.end('observation_date,DGS\n2024-01-02,4.33\n2024-01-03,4.3'.slice(0, -1) + '\n2024-01-0'),
  PARTIAL: (res) => res.end(fred(['2024-01-02,4.33'])),
  MISSING: (res) => {
    res.statusCode = 404;
    res.end('not found');
  },
  HTML: (res) => res.end('<!DOCTYPE html><html><body>Service unavailable</body></html>'),
  SLOW: () => undefined, // never answers
};

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((req, res) => RESPONSES[new URL(req.url!, 'http://x').searchParams.get('id') ?? '']?.(res));
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

/** A data folder with one daily rate series whose update source is FRED id `fredId`. */
function folder(fredId: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-update-'));
  writeFileSync(join(dir, 'x.csv'), `${CURRENT.join('\n')}\n`);
  const entry = {
    id: 'dgs',
    file: 'x.csv',
    column: 'rate',
    kind: 'rate',
    frequency: 'daily',
    units: 'percent per year',
    publication: { rule: 'business-days', n: 1 },
    source: 'FRED DGS (test)',
    update: { source: 'fred', id: fredId },
  };
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ series: [entry], universes: [] }));
  return dir;
}

describe('data update', () => {
  it('writes a newer vintage and reports rows added and values revised', async () => {
    const dir = folder('NEWER');
    const r = await updateSeries(loadCatalog(dir), 'dgs', { into: dir, base, today: parseIsoDay('2024-01-09') });
    expect(r.outcome).toBe('updated');
    expect(r.message).toBe('dgs: 2 new values to 2024-01-08, 1 earlier value revised (largest -0.02 on 2024-01-03)');
    const s = loadSeries(loadCatalog(dir).series[0], dir);
    expect(Array.from(s.values)).toEqual([4.33, 4.31, 4.32, 4.4, 4.41]);
    const entry = loadCatalog(dir).series[0];
    expect(entry.update).toEqual({ source: 'fred', id: 'NEWER' }); // kept for the next update
    expect(entry.publication).toEqual({ rule: 'business-days', n: 1 });
    expect(entry.source).toMatch(/^FRED DGS \(test\); updated from http:\/\/127\.0\.0\.1:\d+\/graph\/fredgraph\.csv\?id=NEWER on 2024-01-09$/);
    // a second run finds nothing new and writes nothing
    const again = await updateSeries(loadCatalog(dir), 'dgs', { into: dir, base });
    expect([again.outcome, again.message]).toEqual(['current', 'dgs: up to date (last value 2024-01-08)']);
  });

  const kept = async (id: string, message: RegExp, opts: { timeoutSeconds?: number; base?: string } = {}) => {
    const dir = folder(id);
    const before = readFileSync(join(dir, 'x.csv'), 'utf8');
    const r = await updateSeries(loadCatalog(dir), 'dgs', { into: dir, base, ...opts });
    expect(r.outcome).toBe('failed');
    expect(r.message).toMatch(message);
    expect(r.message).toMatch(/; kept as it was$/);
    expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(['catalog.json', 'x.csv']); // no temporary file left
    return r;
  };

  it('never replaces a good file with a failed, partial or wrong download', async () => {
    await kept('CUT', /^dgs: the download from .* is not a valid fred CSV \(.*line \d+\)/);
    await kept('PARTIAL', /^dgs: the download covers 2024-01-02 to 2024-01-02, less than the current 2024-01-02 to 2024-01-04 \(a partial download\?\)/);
    await kept('MISSING', /^dgs: 127\.0\.0\.1:\d+ answered HTTP 404 for /);
    await kept('HTML', /^dgs: 127\.0\.0\.1:\d+ sent an HTML page, not a CSV/);
    expect((await kept('SLOW', /^dgs: cannot reach 127\.0\.0\.1:\d+ \(no answer in time \(timeout\)\)/, { timeoutSeconds: 1 })).unreachable).toBe(true);
    // a port nobody listens on: connection refused, as without network
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const refused = await kept('NEWER', /^dgs: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/, { base: `http://127.0.0.1:${port}` });
    expect(refused.unreachable).toBe(true);
  }, 20_000);

  it('a series without an update source says how to update it by hand', async () => {
    const catalog = loadCatalog();
    await expect(updateSeries(catalog, 'ism_pmi')).rejects.toThrow(/series "ism_pmi" has no update source .*ratecycle data add FILE --id ism_pmi --force/);
  });
});

describe('vintageDiff', () => {
  it('counts rows added after the last date, values revised beyond the tolerance, and dates dropped', () => {
    const d = (...x: string[]) => Int32Array.from(x.map(parseIsoDay));
    const v = (...x: number[]) => Float64Array.from(x);
    const diff = vintageDiff(d('2024-01-01', '2024-01-02', '2024-01-03'), v(1, 2, 3), d('2024-01-01', '2024-01-03', '2024-01-04'), v(1 + 1e-12, 3.5, 4));
    expect(diff).toEqual({ added: 1, revised: 1, maxRevision: 0.5, maxRevisionDate: parseIsoDay('2024-01-03'), removed: 1 });
  });
});
