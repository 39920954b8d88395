import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, ROOT } from '../../helpers/cli.js';

interface Container {
  command: string[];
  args: string[];
  env: { name: string; value: string }[];
  workingDir: string;
  volumeMounts: { mountPath: string }[];
}
const manifest = parse(readFileSync(join(ROOT, 'engine', 'workflows', 'sweep', 'cluster', 'sweep-job.yaml'), 'utf8'));

describe('Kubernetes Indexed Job for sweep shards (engine/workflows/sweep/cluster/sweep-job.yaml)', () => {
  const spec = manifest.spec;
  const container: Container = spec.template.spec.containers[0];
  const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));

  it('is an Indexed Job with one pod per shard', () => {
    expect(manifest.apiVersion).toBe('batch/v1');
    expect(manifest.kind).toBe('Job');
    expect(spec.completionMode).toBe('Indexed');
    expect(spec.completions).toBe(Number(env.SHARDS));
    expect(spec.parallelism).toBe(Number(env.SHARDS));
    expect(spec.template.spec.restartPolicy).toBe('OnFailure');
    expect(container.volumeMounts[0].mountPath).toBe(container.workingDir);
  });

  it("its pods' script, run for every completion index, gives shards that merge into the unsharded sweep", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-k8s-'));
    // the pod's script in this checkout (workingDir = the repository), restricted to a short period to stay quick
    const script = container.args[0].replace('--top 0', '--top 0 --from 2015-01-01');
    for (let k = 0; k < Number(env.SHARDS); k++) {
      const r = spawnSync(container.command[0], [...container.command.slice(1), script], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env, OUT: dir, JOB_COMPLETION_INDEX: String(k) },
        timeout: 120_000,
      });
      expect(r.stderr).not.toMatch(/ratecycle:/);
      expect(r.status).toBe(0);
    }
    const grid = script.match(/--grid \S+/g)!.flatMap((g) => g.split(' '));
    expect(cli(['sweep', 'first-cut-rotation', ...grid, '--top', '0', '--from', '2015-01-01', '--workers', '1', '--out', join(dir, 'full')]).code).toBe(0);
    const m = cli(['merge', ...Array.from({ length: Number(env.SHARDS) }, (_, k) => join(dir, `shard-${k + 1}`)), '--out', join(dir, 'all')]);
    expect(m.stderr).toBe('');
    expect(m.code).toBe(0);
    expect(readFileSync(join(dir, 'all', 'results.csv'))).toEqual(readFileSync(join(dir, 'full', 'results.csv')));
  });
});
