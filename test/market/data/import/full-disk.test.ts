/** `data add` on a full disk: one line naming the file, no temporary or orphaned file left behind. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// the disk fills up for the files named here (the rest of the file system works)
const full = { match: /$^/ };
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeFileSync = ((path: unknown, ...rest: unknown[]) => {
    if (full.match.test(String(path))) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    return (fs.writeFileSync as (...a: unknown[]) => void)(path, ...rest);
  }) as typeof fs.writeFileSync;
  return { ...fs, writeFileSync, default: { ...fs, writeFileSync } };
});

const { addSeries } = await import('../../../../engine/market/data/import/add-series.js');
const fixture = (name: string) => join(import.meta.dirname, '..', '..', '..', 'fixtures', 'downloads', name);

afterEach(() => {
  full.match = /$^/;
});

describe('data add on a full disk', () => {
  it('names the file it could not write and leaves no temporary file', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-full-')), 'data');
    full.match = /ratecycle-check/;
    expect(() => addSeries({ file: fixture('yahoo-IWM.csv'), id: 'iwm_y', into: dir })).toThrow(/^cannot write .*iwm_y\.csv: the disk is full \(ENOSPC\)$/);
    full.match = /iwm_y\.csv\.tmp-/;
    expect(() => addSeries({ file: fixture('yahoo-IWM.csv'), id: 'iwm_y', into: dir })).toThrow(/^cannot write .*iwm_y\.csv: the disk is full \(ENOSPC\)$/);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.catalog.lock'))).toEqual([]);
  });

  it('removes the new CSV when the catalog cannot be written, so the same add can run again', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-full-')), 'data');
    full.match = /catalog\.json\.tmp-/;
    expect(() => addSeries({ file: fixture('yahoo-IWM.csv'), id: 'iwm_y', into: dir })).toThrow(/^cannot write .*catalog\.json: the disk is full \(ENOSPC\)$/);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.catalog.lock'))).toEqual([]);
    full.match = /$^/;
    expect(addSeries({ file: fixture('yahoo-IWM.csv'), id: 'iwm_y', into: dir }).entry.id).toBe('iwm_y');
  });
});
