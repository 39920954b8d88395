import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../../helpers/cli.js';

// Needs a running Slurm cluster: .ci/run starts a one-node one on localhost with
// `.ci/slurm-local start DIR` and exports SLURM_CONF before `npm test`.
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 });
const hasSbatch = run('sbatch', ['--version']).status === 0;
const clusterUp = hasSbatch && run('sinfo', ['-h', '-o', '%T']).status === 0;
const why = !hasSbatch
  ? 'Slurm is not installed (sbatch missing; .ci/run installs slurm-wlm and munge)'
  : 'no Slurm controller answers (start one with `.ci/slurm-local start DIR` and export SLURM_CONF)';
const MAIN = join(ROOT, 'dist', 'engine', 'cli', 'main.js');

describe('scale-out on Slurm (engine/workflows/sweep/cluster/sweep.sbatch)', () => {
  if (!clusterUp) it.skip(`skipped: ${why}`, () => {});

  it.runIf(clusterUp)(
    'a 4-task job array of shards merges into a results.csv byte-identical to the unsharded sweep',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'ratecycle-slurm-'));
      const sweep = ['first-cut-rotation', '--grid', 'months=1:24:1', '--grid', 'otherwise=large,cash', '--from', '2000-01-01', '--top', '0'];
      const job = spawnSync(
        'sbatch',
        [
          '--wait',
          '--array=1-4',
          `--chdir=${ROOT}`,
          `--output=${join(dir, 'task-%a.out')}`,
          join(ROOT, 'engine', 'workflows', 'sweep', 'cluster', 'sweep.sbatch'),
          ...sweep,
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, OUT: dir, RATECYCLE: `${process.execPath} ${MAIN}` },
          timeout: 170_000,
        },
      );
      const logs = () =>
        [1, 2, 3, 4]
          .map((i) => {
            try {
              return readFileSync(join(dir, `task-${i}.out`), 'utf8');
            } catch {
              return `(no task-${i}.out)`;
            }
          })
          .join('\n');
      expect(job.status, `sbatch: ${job.stderr}\n${logs()}`).toBe(0);
      expect(job.stdout).toMatch(/Submitted batch job \d+/);
      for (let i = 1; i <= 4; i++) expect(readFileSync(join(dir, `task-${i}.out`), 'utf8')).toMatch(new RegExp(`wrote .*shard-${i} `));
      const m = cli(['merge', ...[1, 2, 3, 4].map((i) => join(dir, `shard-${i}`)), '--out', join(dir, 'all')]);
      expect(m.code, m.stderr).toBe(0);
      expect(cli(['sweep', ...sweep, '--workers', '1', '--out', join(dir, 'full')]).code).toBe(0);
      expect(readFileSync(join(dir, 'all', 'results.csv'))).toEqual(readFileSync(join(dir, 'full', 'results.csv')));
      expect(readFileSync(join(dir, 'all', 'monthly.f32'))).toEqual(readFileSync(join(dir, 'full', 'monthly.f32')));
      // each shard ran as its own array task: four different task ids in the manifests
      const shards = [1, 2, 3, 4].map((i) => JSON.parse(readFileSync(join(dir, `shard-${i}`, 'sweep.json'), 'utf8')).shard);
      expect(shards).toEqual(['1/4', '2/4', '3/4', '4/4']);
    },
    180_000,
  );
});
