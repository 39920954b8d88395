import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestPath } from '../../../engine/core/io/nearest-path.js';

describe('nearestPath', () => {
  const root = mkdtempSync(join(tmpdir(), 'ratecycle-near-'));
  mkdirSync(join(root, 'strategies', 'examples'), { recursive: true });
  writeFileSync(join(root, 'strategies', 'examples', 'small-after-cuts.ts'), '');

  it('replaces each mistyped part by the closest entry of its folder, keeping the path as given', () => {
    expect(nearestPath(join(root, 'strategis', 'exmples', 'small-after-cut.ts'))).toBe(join(root, 'strategies', 'examples', 'small-after-cuts.ts'));
    expect(nearestPath(join(root, 'strategies', 'examples', 'small-after-cuts.tss'))).toBe(join(root, 'strategies', 'examples', 'small-after-cuts.ts'));
  });

  it('is undefined for an existing path or one with no close entry', () => {
    expect(nearestPath(join(root, 'strategies'))).toBeUndefined();
    expect(nearestPath(join(root, 'nothing-like-it', 'x.ts'))).toBeUndefined();
  });
});
