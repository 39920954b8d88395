import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../core/errors.js';
import { nearestPath } from '../core/io/nearest-path.js';
import type { Strategy } from './define.js';
import { registerSelfReference } from './self-reference.js';
import { locateInFile } from './locate-in-file.js';

/** Where a strategy came from: a built-in id or a file. */
export interface LoadedStrategy {
  strategy: Strategy;
  /** Absolute path of the user's file, or undefined for a built-in. */
  file?: string;
}

/** Whether a strategy reference names a file (a path separator or a .ts/.js ending) rather than a built-in id. */
export function looksLikePath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.(m?[tj]s)$/.test(ref);
}

function checkShape(s: unknown, where: string): Strategy {
  const st = s as Strategy;
  if (!st || typeof st !== 'object') throw new UserError(`${where}: the default export is not a strategy (use export default defineStrategy({...}))`);
  for (const k of ['id', 'name', 'description'] as const) {
    if (typeof st[k] !== 'string' || !st[k]) throw new UserError(`${where}: the strategy needs a non-empty "${k}"`);
  }
  // the id names run folders (out/<id>-<time>): only kebab-case, so it can never leave out/
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(st.id) || st.id.length > 64) {
    throw new UserError(
      `${where}: strategy id ${JSON.stringify(st.id)} must be kebab-case (lower-case letters and digits joined by single hyphens, at most 64 characters), e.g. "my-idea"`,
    );
  }
  // terminal escape codes in a name or description would recolour, retitle or clear the user's terminal
  const isControl = (c: number) => c < 0x20 || (c >= 0x7f && c <= 0x9f);
  const control = (text: string, allowed: RegExp) => [...text].find((ch) => isControl(ch.charCodeAt(0)) && !allowed.test(ch));
  for (const [k, allowed] of [
    ['name', /$^/],
    ['description', /[\n\t]/],
  ] as const) {
    const ch = control(st[k], allowed);
    if (ch !== undefined)
      throw new UserError(
        `${where}: the strategy's "${k}" holds a control character (U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}, e.g. a terminal escape code); use plain text`,
      );
  }
  if (!Array.isArray(st.assets) || st.assets.length === 0) throw new UserError(`${where}: strategy "${st.id}" needs an "assets" list`);
  if (typeof st.weights !== 'function') throw new UserError(`${where}: strategy "${st.id}" needs a weights(view, params) function`);
  return { ...st, series: st.series ?? [], params: st.params ?? {} };
}

/**
 * Loads a user's strategy file (TypeScript loaded directly via tsx) and checks its shape. Built-in
 * strategies by id: `loadStrategy` of `strategies/index.ts`.
 */
export async function loadStrategyFile(ref: string): Promise<LoadedStrategy> {
  const file = resolve(ref);
  if (!existsSync(file)) {
    const near = nearestPath(ref);
    throw new UserError(`strategy file ${ref} does not exist${near ? ` (did you mean ${near}?)` : ''}`);
  }
  let mod: { default?: unknown };
  registerSelfReference();
  try {
    if (/\.ts$|\.mts$/.test(file)) {
      const { tsImport } = await import('tsx/esm/api');
      mod = await tsImport(pathToFileURL(file).href, import.meta.url);
    } else {
      mod = await import(pathToFileURL(file).href);
    }
  } catch (e) {
    const err = e as Error;
    const loc = locateInFile(err, file);
    const shown = relative(process.cwd(), file) || file;
    // a file outside a "type": "module" package is compiled to CommonJS without a source map: say how to get lines
    const cjs = /data:text\/javascript/.test(err.stack ?? '');
    const where = loc
      ? ` (at ${shown}:${loc.line}${loc.column ? `:${loc.column}` : ''})`
      : cjs
        ? ' (for its line, set "type": "module" in the package.json of its project, as `ratecycle init` does)'
        : '';
    throw new UserError(`strategy file ${ref} failed to load: ${reason(err)}${where}`, { cause: e });
  }
  const exported = (mod.default as { default?: unknown })?.default ?? mod.default;
  return { strategy: { ...checkShape(exported, `strategy file ${ref}`), file: ref }, file };
}

/** The first line of a load error, without the bundler's preamble and the user's path. */
function reason(err: Error): string {
  const m = /^\S+?:\d+:\d+: ERROR: (.*)$/m.exec(err.message);
  if (m) return m[1];
  return err.message.split('\n')[0];
}
