import { existsSync, readdirSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { didYouMean } from '../did-you-mean.js';

/**
 * An existing path close to a mistyped one, spelled as it was given (relative stays
 * relative): each missing part is replaced by the closest entry of its folder (see
 * didYouMean). Undefined when the path exists or a part has no close entry.
 *
 * @example nearestPath('strategies/exmples/small-after-cuts.ts') // 'strategies/examples/small-after-cuts.ts'
 */
export function nearestPath(path: string): string | undefined {
  if (existsSync(path)) return undefined;
  const parts = path.split(/[\\/]/);
  let at = isAbsolute(path) ? sep : '.';
  const out: string[] = [];
  let changed = false;
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..') {
      out.push(part);
      if (part) at = resolve(at, part);
      continue;
    }
    let next = part;
    if (!existsSync(join(at, part))) {
      let entries: string[];
      try {
        entries = statSync(at).isDirectory() ? readdirSync(at) : [];
      } catch {
        return undefined;
      }
      const near = didYouMean(part, entries);
      if (near === undefined) return undefined;
      next = near;
      changed = true;
    }
    out.push(next);
    at = join(at, next);
  }
  return changed && existsSync(at) ? out.join('/') : undefined;
}
