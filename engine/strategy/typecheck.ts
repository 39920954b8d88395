import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { cacheDir, fileSha256, writeCacheEntry } from '../core/io/cache-dir.js';
import { packageVersion } from '../core/paths.js';
import { selfExports } from './self-reference.js';

/** The files a passing check depended on, with their SHA-256: the strategy file and every non-library file it reached. */
type Passed = [path: string, sha256: string][];

/** The cache entry name of a check: its root files, the ratecycle and TypeScript versions. */
function entryName(roots: readonly string[], tsVersion: string): string {
  return (
    createHash('sha256')
      .update(JSON.stringify([1, packageVersion(), tsVersion, roots]))
      .digest('hex') + '.json'
  );
}

/** The TypeScript version the check would use, read from its package.json (importing the compiler costs ≈ 0.3 s). */
function typescriptVersion(): string {
  const req = createRequire(import.meta.url);
  return (JSON.parse(readFileSync(req.resolve('typescript/package.json'), 'utf8')) as { version: string }).version;
}

/** True when a stored pass still holds: every file it depended on has the same bytes. */
function stillPasses(dir: string, name: string): boolean {
  try {
    const deps = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Passed;
    return Array.isArray(deps) && deps.length > 0 && deps.every(([path, sum]) => fileSha256(path) === sum);
  } catch {
    return false;
  }
}

/**
 * Type-checks a user's strategy file with the TypeScript compiler (strict), so a wrong asset,
 * series or parameter name is reported before the run: throws a UserError naming the first
 * error's file, line and column. `declarations` are .d.ts files checked with it (a data
 * folder's series-ids.d.ts, declaring the project's own series ids). The compiler costs about a second, so a pass is remembered in
 * the `typecheck` cache (see cacheDir) with the SHA-256 of every file the check read outside
 * node_modules and TypeScript's own libraries (the strategy, its local imports, ratecycle's
 * types when run from a clone): the same files check again in a few milliseconds, an edit to
 * any of them checks afresh. Failures are not stored.
 */
export async function typecheckStrategyFile(file: string, options: { declarations?: readonly string[] } = {}): Promise<void> {
  const abs = resolve(file);
  const roots = [abs, ...(options.declarations ?? []).map((d) => resolve(d))];
  const dir = cacheDir('typecheck');
  const name = dir === null ? '' : entryName(roots, typescriptVersion());
  if (dir !== null && stillPasses(dir, name)) return;
  const ts = (await import('typescript')).default;
  const program = ts.createProgram(roots, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: ['node'],
    // `ratecycle` is the copy running this command, as at run time (see registerSelfReference)
    paths: Object.fromEntries(Object.entries(selfExports()).map(([k, v]) => [k, [v.types]])),
  });
  const own = program.getSourceFile(abs)?.fileName;
  const diags = ts.getPreEmitDiagnostics(program).filter((d) => d.file && d.start !== undefined && d.file.fileName === own);
  if (diags.length === 0) {
    if (dir !== null) {
      const deps: Passed = program
        .getSourceFiles()
        .filter((f) => !program.isSourceFileDefaultLibrary(f) && !f.fileName.split(/[\\/]/).includes('node_modules'))
        .map((f) => [resolve(f.fileName), fileSha256(f.fileName)]);
      writeCacheEntry(dir, name, JSON.stringify(deps));
    }
    return;
  }
  const d = diags[0];
  const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start!);
  const more = diags.length > 1 ? ` (and ${diags.length - 1} more)` : '';
  const shown = relative(process.cwd(), file) || file;
  throw new UserError(`strategy file ${shown}:${line + 1}:${character + 1}: type error: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}${more}`);
}
