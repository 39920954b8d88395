/**
 * vitest's global setup: every test's temporary folder (`os.tmpdir()`) lives under one folder
 * made for this run, removed when the run ends, so no test leaves folders behind in the
 * system's temporary directory. The test processes inherit `TMPDIR` from this one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'ratecycle-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
