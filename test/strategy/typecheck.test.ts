import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typecheckStrategyFile } from '../../engine/strategy/typecheck.js';

const dir = mkdtempSync(join(tmpdir(), 'ratecycle-typecheck-'));
const cache = join(dir, 'cache');
const saved = process.env.RATECYCLE_CACHE;
beforeAll(() => {
  process.env.RATECYCLE_CACHE = cache;
});
afterAll(() => {
  if (saved === undefined) delete process.env.RATECYCLE_CACHE;
  else process.env.RATECYCLE_CACHE = saved;
});

const strategy = `import { defineStrategy } from 'ratecycle';
import { months } from './lookback.js';
export default defineStrategy({
  id: 'typed', name: 'Typed', description: 'd', assets: ['small', 'large'],
  params: { months: { type: 'integer', default: months, min: 1, max: 24, description: 'lookback' } },
  weights(view, p) {
    const on = new Float64Array(view.length).fill(p.months > 3 ? 1 : 0);
    return { small: on, large: on.map((x) => 1 - x) };
  },
});
`;

describe('typecheckStrategyFile', () => {
  it('remembers a pass by the SHA-256 of every file it read; an edit to a local import checks afresh; a failure is not stored', async () => {
    const file = join(dir, 'typed.ts');
    writeFileSync(file, strategy);
    writeFileSync(join(dir, 'lookback.ts'), 'export const months = 6;\n');
    await typecheckStrategyFile(file);
    const entries = readdirSync(join(cache, 'typecheck'));
    expect(entries).toHaveLength(1);
    const deps = JSON.parse(readFileSync(join(cache, 'typecheck', entries[0]), 'utf8')) as [string, string][];
    expect(deps.map(([p]) => p)).toEqual(expect.arrayContaining([file, join(dir, 'lookback.ts')]));
    expect(deps.every(([, sum]) => /^[0-9a-f]{64}$/.test(sum))).toBe(true);

    // the strategy is unchanged, its import now exports a string: the stored pass no longer holds
    writeFileSync(join(dir, 'lookback.ts'), "export const months = 'six';\n");
    await expect(typecheckStrategyFile(file)).rejects.toThrow(/typed\.ts:5:13: type error: .*Type 'string' is not assignable to type 'number'/);
    await expect(typecheckStrategyFile(file)).rejects.toThrow(/type error/); // not stored as a pass
    writeFileSync(join(dir, 'lookback.ts'), 'export const months = 6;\n');
    await typecheckStrategyFile(file);
  }, 60_000);
});
