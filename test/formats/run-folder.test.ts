import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_FILES } from '../../engine/formats/run-folder.js';
import { loadMarket, simOptions } from '../../engine/index.js';
import { builtin } from '../../strategies/index.js';
import { runToFolder } from '../../engine/workflows/run/run-to-folder.js';
import { startStudiesThread } from '../../engine/workflows/run/studies-thread.js';
import { ROOT } from '../helpers/cli.js';

describe('the run folder format', () => {
  it('reports/run-folder.md documents every file of RUN_FILES, and nothing else', () => {
    const doc = readFileSync(join(ROOT, 'reports', 'run-folder.md'), 'utf8');
    const documented = [...doc.matchAll(/^\| (`[a-z.-]+`(?:, `[a-z.-]+`)*) \|/gm)].flatMap((m) => m[1].split(', ').map((f) => f.replace(/`/g, '')));
    expect([...documented].sort()).toEqual([...RUN_FILES].sort());
  });

  it('a script writes with runToFolder exactly the files RUN_FILES names, without the CLI', async () => {
    const market = loadMarket({ universe: 'ff', from: '1990-01-01' });
    const strategy = builtin('first-cut-rotation')!;
    const out = join(mkdtempSync(join(tmpdir(), 'ratecycle-format-')), 'run');
    const { dir, manifest } = await runToFolder({
      strategy,
      params: { months: 12, every_cut: false, otherwise: 'large' },
      market,
      options: { sim: simOptions(market) },
      out,
      dataDir: 'data',
      studiesThread: startStudiesThread({ inThread: true }),
    });
    expect(dir).toBe(out);
    expect(manifest.strategy.id).toBe('first-cut-rotation');
    expect(
      readdirSync(out)
        .filter((f) => !f.startsWith('.'))
        .sort(),
    ).toEqual([...RUN_FILES].sort());
  });
});
