import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../core/paths.js';

/** The package's public entry points (package.json `exports`) as built files: JavaScript and declarations. */
export function selfExports(): Record<string, { js: string; types: string }> {
  const dist = join(packageRoot(), 'dist');
  return {
    ratecycle: { js: join(dist, 'engine', 'index.js'), types: join(dist, 'engine', 'index.d.ts') },
    'ratecycle/signals': { js: join(dist, 'engine', 'strategy', 'signals.js'), types: join(dist, 'engine', 'strategy', 'signals.d.ts') },
    'ratecycle/stats': { js: join(dist, 'engine', 'measure', 'stats', 'index.js'), types: join(dist, 'engine', 'measure', 'stats', 'index.d.ts') },
    'ratecycle/testing': { js: join(dist, 'engine', 'testing', 'index.js'), types: join(dist, 'engine', 'testing', 'index.d.ts') },
  };
}

let registered = false;

/**
 * Makes `import … from 'ratecycle'` in a user's strategy file load this very copy of
 * ratecycle (the one running the command), wherever the file lives and whether or not its
 * project installed ratecycle: one engine, one set of error classes, one version.
 */
export function registerSelfReference(): void {
  if (registered) return;
  registered = true;
  const files = selfExports();
  const map = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, pathToFileURL(v.js).href]));
  // ES modules: a resolve hook
  register(new URL('./self-reference-hooks.js', import.meta.url), { data: map });
  // a strategy file outside a `"type": "module"` package is compiled to CommonJS: map require() too
  // (Node ≥ 20.19 requires ES modules synchronously, sharing the instances the command uses)
  const Module = createRequire(import.meta.url)('node:module') as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = Module._resolveFilename;
  Module._resolveFilename = function (request: string, ...rest: unknown[]) {
    const own = files[request as keyof typeof files];
    return own ? own.js : original.call(this, request, ...rest);
  };
}
