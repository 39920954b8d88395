/**
 * The order in which `npm test` starts its files when vitest has no timings of an earlier run
 * (a clean checkout, as in CI): the end-to-end files first, the npm package's first of them
 * (the longest, ≈ 100 s), then every other file; larger files first within each group. With two
 * files running at once, the long ones then overlap with the many short ones instead of
 * running alone at the end. With timings from an earlier run, vitest's own order (failed,
 * then longest first) is kept.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const rank = (file: string) => (file.endsWith('test/e2e/pack.test.ts') ? 0 : file.includes('test/e2e/') ? 1 : 2);

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const known = files.every((f) => this.ctx.cache.getFileTestResults(`${f.project.name}:${relative(this.ctx.config.root, f.moduleId)}`));
    if (known) return super.sort(files);
    const size = (f: TestSpecification) => statSync(f.moduleId).size;
    return [...files].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || size(b) - size(a));
  }
}
