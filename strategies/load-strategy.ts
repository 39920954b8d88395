import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../engine/errors.js';
import type { Strategy } from './define.js';
import { BUILTINS, builtin } from './index.js';

/** Where a strategy came from: a built-in id or a file. */
export interface LoadedStrategy {
  strategy: Strategy;
  /** Absolute path of the user's file, or undefined for a built-in. */
  file?: string;
}

function looksLikePath(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.(m?[tj]s)$/.test(ref);
}

function checkShape(s: unknown, where: string): Strategy {
  const st = s as Strategy;
  if (!st || typeof st !== 'object') throw new UserError(`${where}: the default export is not a strategy (use export default defineStrategy({...}))`);
  for (const k of ['id', 'name', 'description'] as const) {
    if (typeof st[k] !== 'string' || !st[k]) throw new UserError(`${where}: the strategy needs a non-empty "${k}"`);
  }
  if (!Array.isArray(st.assets) || st.assets.length === 0) throw new UserError(`${where}: strategy "${st.id}" needs an "assets" list`);
  if (typeof st.weights !== 'function') throw new UserError(`${where}: strategy "${st.id}" needs a weights(view, params) function`);
  return { ...st, series: st.series ?? [], params: st.params ?? {} };
}

/** Loads a built-in strategy by id or a user's strategy file (TypeScript loaded directly via tsx). */
export async function loadStrategy(ref: string): Promise<LoadedStrategy> {
  const b = builtin(ref);
  if (b && !looksLikePath(ref)) return { strategy: b };
  if (!looksLikePath(ref)) {
    throw new UserError(`unknown strategy "${ref}"; built-ins: ${BUILTINS.map((s) => s.id).join(', ')} (or give a path to a .ts file)`);
  }
  const file = resolve(ref);
  if (!existsSync(file)) throw new UserError(`strategy file ${ref} does not exist`);
  let mod: { default?: unknown };
  try {
    if (/\.ts$|\.mts$/.test(file)) {
      const { tsImport } = await import('tsx/esm/api');
      mod = await tsImport(pathToFileURL(file).href, import.meta.url);
    } else {
      mod = await import(pathToFileURL(file).href);
    }
  } catch (e) {
    const err = e as Error;
    const loc = /(\S+\.m?[tj]s):(\d+):(\d+)/.exec(err.stack ?? '');
    const where = loc ? ` (at ${loc[1].replace(/^file:\/\//, '')}:${loc[2]}:${loc[3]})` : '';
    throw new UserError(`strategy file ${ref} failed to load: ${err.message.split('\n')[0]}${where}`, { cause: e });
  }
  const exported = (mod.default as { default?: unknown })?.default ?? mod.default;
  return { strategy: { ...checkShape(exported, `strategy file ${ref}`), file: ref }, file };
}
