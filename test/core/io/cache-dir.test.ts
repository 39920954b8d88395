/**
 * What the caches share (engine/core/io/cache-dir.ts): the code stamp of a module reads the
 * modules it imports, however deep, and the WebAssembly they name (so a change anywhere below
 * misses), and a cache folder
 * can be bounded to fewer entries than the default.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeStamp, writeCacheEntry } from '../../../engine/core/io/cache-dir.js';

/** A folder of modules: a imports b (and a package), b re-exports c and imports d lazily; `c` is c's body. */
function modules(ext: '.js' | '.ts', c: string, d = 'export const d = 4;'): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-stamp-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, `a${ext}`), `import { b } from './sub/b.js';\nimport { createHash } from 'node:crypto';\nexport const a = b + 1;\n`);
  writeFileSync(join(dir, 'sub', `b${ext}`), `export { c } from '../c.js';\nexport const b = 2;\nexport const later = () => import('./d.js');\n`);
  writeFileSync(join(dir, `c${ext}`), c);
  writeFileSync(join(dir, 'sub', `d${ext}`), d);
  return pathToFileURL(join(dir, `a${ext}`)).href;
}

describe('codeStamp', () => {
  it('is the same for the same code in another folder, and differs when any module below changes', () => {
    const base = codeStamp(modules('.js', 'export const c = 3;\n'));
    expect(codeStamp(modules('.js', 'export const c = 3;\n'))).toBe(base);
    expect(codeStamp(modules('.js', 'export const c = 30;\n'))).not.toBe(base);
    expect(codeStamp(modules('.js', 'export const c = 3;\n', 'export const d = 5;'))).not.toBe(base);
    expect(codeStamp(modules('.js', 'export const c = 3;\n'), 'version 2')).not.toBe(base);
  });

  it('reads the WebAssembly modules a module names by a relative path', () => {
    const withWasm = (bytes: number[]) => {
      const url = modules('.js', "export const c = 3;\nconst wasm = new URL('./k.wasm', import.meta.url);\n");
      writeFileSync(join(dirname(fileURLToPath(url)), 'k.wasm'), Uint8Array.from(bytes));
      return codeStamp(url);
    };
    expect(withWasm([0, 97, 115, 109])).toBe(withWasm([0, 97, 115, 109]));
    expect(withWasm([0, 97, 115, 109, 1])).not.toBe(withWasm([0, 97, 115, 109]));
  });

  it('running from the sources, an import of ./x.js reads ./x.ts', () => {
    const base = codeStamp(modules('.ts', 'export const c = 3;\n'));
    expect(codeStamp(modules('.ts', 'export const c = 3;\n'))).toBe(base);
    expect(codeStamp(modules('.ts', 'export const c: number = 3;\n'))).not.toBe(base);
  });
});

describe('writeCacheEntry', () => {
  it('keeps a folder within the limit it is given: past max entries, the newest `keep`', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-limit-')), 'run');
    for (let i = 0; i < 4; i++) expect(writeCacheEntry(dir, `e${i}.bin`, 'x', { max: 4, keep: 2 })).toBe(true);
    expect(readdirSync(dir)).toHaveLength(4);
    for (let i = 0; i < 4; i++) utimesSync(join(dir, `e${i}.bin`), 1000 + i, 1000 + i); // written long ago, in this order
    writeCacheEntry(dir, 'newest.bin', 'x', { max: 4, keep: 2 });
    expect(readdirSync(dir)).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(['e3.bin', 'newest.bin']);
  });
});
