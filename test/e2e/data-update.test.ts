import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli.js';
import { factorsCsv, makeZip } from '../market/data/update/french-fixtures.js';

/** Runs the built CLI without blocking this process (so that a local server here can answer it). */
function cliAsync(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'engine', 'cli', 'main.js'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

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

  it("French series: one download for the file's columns, a line per series, a failure kept with its reason", async () => {
    const rows: [string, number[]][] = [
      ['202401', [0.07, -5.09, -2.38, 0.47]],
      ['202402', [5.06, -0.68, -3.49, 0.42]],
    ];
    const zip = makeZip({ 'Test_3_Factors.csv': factorsCsv('202402', rows) });
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url!);
      res.end(zip);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const dir = mkdtempSync(join(tmpdir(), 'ratecycle-update-cli-'));
      const series = [
        ['smb', { column: 'SMB' }, '2024-01-31,-0.0509\n'],
        ['hml', { column: 'HML' }, '2024-01-31,-0.0238\n2024-02-29,-0.0359\n'],
        ['mom', { column: 'Mom' }, '2024-01-31,0.01\n'],
      ] as const;
      const entries = series.map(([id, u, rows]) => {
        writeFileSync(join(dir, `${id}.csv`), `date,return\n${rows}`);
        const update = { source: 'french', id: 'Test_3_Factors', ...u };
        return {
          id,
          file: `${id}.csv`,
          column: 'return',
          kind: 'return',
          frequency: 'monthly',
          units: 'fraction per month',
          publication: { rule: 'months', n: 1 },
          source: 'French',
          update,
        };
      });
      writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ series: entries, universes: [] }));
      const r = await cliAsync(['data', 'update', '--data', dir], { RATECYCLE_SOURCE_BASE: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
      expect(r.code).toBe(1);
      expect(r.stdout.trim().split('\n')).toEqual([
        "smb: 1 new value to 2024-02-29 (French's 202402 vintage)",
        "hml: no new values after 2024-02-29, 1 earlier value revised (largest +0.001 on 2024-02-29) (French's 202402 vintage)",
        'mom: Test_3_Factors.csv in Test_3_Factors_CSV.zip, line 4: "Mom" is not a column of the first table (line 4) (its columns: Mkt-RF, SMB, HML, RF); kept as it was',
        '',
        'data update: 2 updated, 0 up to date, 1 failed',
      ]);
      expect(seen).toEqual(['/pages/faculty/ken.french/ftp/Test_3_Factors_CSV.zip']);
      expect(readFileSync(join(dir, 'hml.csv'), 'utf8')).toBe('date,return\n2024-01-31,-0.0238\n2024-02-29,-0.0349\n');
      expect(readFileSync(join(dir, 'mom.csv'), 'utf8')).toBe('date,return\n2024-01-31,0.01\n');
    } finally {
      server.close();
    }
  });
});
