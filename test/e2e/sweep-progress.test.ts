import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';

// util-linux `script` runs the CLI on a pseudo-terminal, so stderr is a TTY as in a user's shell
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
const MAIN = join(ROOT, 'dist', 'engine', 'cli', 'main.js');
const args = (out: string) => ['sweep', 'first-cut-rotation', '--grid', 'months=1:12:1', '--from', '2015-01-01', '--workers', '1', '--top', '0', '--out', out];

describe('sweep progress', () => {
  it.skipIf(!hasScript)('shows a progress bar with ETA on a terminal', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ratecycle-tty-')), 'sw');
    const command = [process.execPath, MAIN, ...args(out)].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    // eslint-disable-next-line no-control-regex -- the escape codes of a terminal are what this test looks for
    const text = r.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '');
    expect(text).toMatch(/sweep \[[^\]]+\] 0% \| 0\/12 sets \| ETA/);
    expect(text).toMatch(/sweep \[[^\]]+\] 100% \| 12\/12 sets \| ETA \d+s \| \d+ sets\/s/);
    expect(text).toMatch(/sweep: 12 sets in/);
  });
  if (!hasScript) it.skip('progress bar on a terminal: util-linux `script` is not installed', () => {});

  it('prints no bar and no escape codes when stderr is not a terminal', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ratecycle-tty-')), 'sw');
    const r = cli(args(out));
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- as above
    expect(r.stderr).not.toMatch(/\x1b\[|sweep \[/);
    expect(r.stderr).not.toMatch(/0\/12 sets/); // no line before any set finished
    expect(r.stderr).toMatch(/sweep: 12\/12 sets \(100%\)/);
  });
});
