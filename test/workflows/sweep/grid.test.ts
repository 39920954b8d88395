import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gridPoint, parseAxis, parseGrid, parseShard, shardIndexes } from '../../../engine/workflows/sweep/grid.js';
import { permuteIndex, randomSearch, randomSetAt } from '../../../engine/workflows/sweep/random-search.js';
import { UserError } from '../../../engine/core/errors.js';

const specs = {
  months: { type: 'integer', default: 12, min: 1, max: 36, step: 1, description: 'm' },
  level: { type: 'number', default: 50, min: 40, max: 60, step: 0.5, description: 'l' },
  otherwise: { type: 'enum', values: ['large', 'cash'], default: 'large', description: 'o' },
  every: { type: 'boolean', default: false, description: 'e' },
} as const;

describe('grid parsing', () => {
  it('expands inclusive ranges without float noise', () => {
    expect(parseAxis('level=45:46:0.1', specs, 's').values).toEqual([45, 45.1, 45.2, 45.3, 45.4, 45.5, 45.6, 45.7, 45.8, 45.9, 46]);
    expect(parseAxis('months=3:12:3', specs, 's').values).toEqual([3, 6, 9, 12]);
  });
  it('takes lists of any type', () => {
    expect(parseAxis('otherwise=large,cash', specs, 's').values).toEqual(['large', 'cash']);
    expect(parseAxis('every=true,false', specs, 's').values).toEqual([true, false]);
  });
  it('validates against the spec and names strategy and parameter', () => {
    expect(() => parseAxis('months=0:5:1', specs, 'fcr')).toThrow(/strategy "fcr": grid months=0: below the minimum 1/);
    expect(() => parseAxis('nope=1,2', specs, 'fcr')).toThrow(/unknown parameter/);
    // a typo gets the closest parameter; a value that is not a number says how ranges and lists are written
    expect(() => parseAxis('montsh=1:3:1', specs, 'fcr')).toThrow(/^strategy "fcr": grid montsh: unknown parameter \(did you mean months\?\)/);
    expect(() => parseAxis('months=1-3', specs, 'fcr')).toThrow(
      /^strategy "fcr": grid months=1-3: "1-3" is not a number; write a range as name=a:b:step \(e\.g\. months=1:12:1\) or a list as name=v1,v2$/,
    );
    expect(() => parseAxis('months=5:1:1', specs, 'fcr')).toThrow(/below its start/);
    expect(() => parseAxis('months=1:5:0', specs, 'fcr')).toThrow(/step must be positive/);
    expect(() => parseAxis('months', specs, 'fcr')).toThrow(/must look like/);
    expect(() => parseAxis('months=1,1', specs, 'fcr')).toThrow(/repeat/);
    expect(() => parseGrid(['months=1,2', 'months=3'], specs, 'fcr')).toThrow(/given twice/);
    expect(() => parseAxis('otherwise=gold', specs, 'fcr')).toThrow(UserError);
  });
  it('enumerates every combination exactly once (last axis fastest)', () => {
    const grid = parseGrid(['months=1,2,3', 'otherwise=large,cash'], specs, 's');
    expect(grid.size).toBe(6);
    const pts = Array.from({ length: 6 }, (_, i) => gridPoint(grid, i, { level: 50 }));
    expect(pts[0]).toEqual({ level: 50, months: 1, otherwise: 'large' });
    expect(pts[1]).toEqual({ level: 50, months: 1, otherwise: 'cash' });
    expect(pts[5]).toEqual({ level: 50, months: 3, otherwise: 'cash' });
    expect(new Set(pts.map((p) => JSON.stringify(p))).size).toBe(6);
  });
});

describe('shards', () => {
  it('parses i/n and refuses nonsense', () => {
    expect(parseShard('2/8')).toEqual({ index: 1, count: 8 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1']) expect(() => parseShard(bad)).toThrow(/^shard /);
  });
  it('property: shards partition the grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 9 }), (size, n) => {
        const all: number[] = [];
        for (let i = 0; i < n; i++) all.push(...shardIndexes(size, { index: i, count: n }));
        expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: size }, (_, k) => k));
      }),
    );
  });
});

describe('random search', () => {
  const at = (names: string[], seed: number, i: number, samples = 100) => randomSetAt(randomSearch(specs, names, samples, seed, 's'), i, {});
  it('is deterministic per (seed, index) and stays on the spec grid', () => {
    expect(at(['months', 'level', 'otherwise'], 7, 3)).toEqual(at(['months', 'level', 'otherwise'], 7, 3));
    for (let i = 0; i < 200; i++) {
      const p = at(['months', 'level'], 7, i, 200) as { months: number; level: number };
      expect(Number.isInteger(p.months) && p.months >= 1 && p.months <= 36).toBe(true);
      expect(p.level >= 40 && p.level <= 60 && Number.isInteger(p.level * 2)).toBe(true);
    }
    expect(at(['months'], 7, 4)).not.toEqual(at(['months'], 8, 4));
  });

  it('draws without replacement: every set distinct, and a request above the space runs each set once', () => {
    const s = randomSearch(specs, ['months', 'otherwise'], 20_000, 3, 's');
    const space = 36 * specs.otherwise.values.length;
    expect(s.space).toBe(space);
    expect(s.samples).toBe(space); // capped
    expect(s.requested).toBe(20_000);
    const keys = new Set(Array.from({ length: s.samples }, (_, i) => JSON.stringify(randomSetAt(s, i, {}))));
    expect(keys.size).toBe(space);
    const part = randomSearch(specs, ['months', 'level'], 500, 9, 's');
    expect(new Set(Array.from({ length: 500 }, (_, i) => JSON.stringify(randomSetAt(part, i, {})))).size).toBe(500);
  });

  it('permuteIndex is a bijection of [0, n) for any n and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 2 ** 31 }), (n, seed) => {
        const seen = new Uint8Array(n);
        for (let i = 0; i < n; i++) seen[permuteIndex(i, n, seed)]++;
        expect(seen.every((c) => c === 1)).toBe(true);
      }),
      { numRuns: 40 },
    );
    // a large space: distinct images, no table
    const n = 2 ** 40 + 12345;
    const img = new Set(Array.from({ length: 5000 }, (_, i) => permuteIndex(i, n, 1)));
    expect(img.size).toBe(5000);
    for (const x of img) expect(x >= 0 && x < n).toBe(true);
  });

  it('a continuous parameter is drawn with 53 random bits', () => {
    const cont = { x: { type: 'number' as const, default: 0, min: 0, max: 1, description: 'x' } };
    const s = randomSearch(cont, ['x'], 10, 1, 's');
    expect(s.space).toBe(Infinity);
    const x = randomSetAt(s, 0, {}).x as number;
    expect(x >= 0 && x < 1 && x * 2 ** 32 !== Math.floor(x * 2 ** 32)).toBe(true);
  });
});
