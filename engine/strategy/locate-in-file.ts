import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Where in the user's own file an error happened: the transform error's position, the first
 * stack frame in the file (tsx maps it to the TypeScript source), or, for an import that
 * cannot be resolved, the line that imports it. `file` is absolute.
 */
export function locateInFile(err: Error, file: string): { line: number; column?: number } | undefined {
  const text = `${err.message}\n${err.stack ?? ''}`;
  const paths = [file, pathToFileURL(file).href];
  for (const p of paths) {
    const esc = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`${esc}(?:\\?[^:\\s]*)?:(\\d+)(?::(\\d+))?`).exec(text);
    if (m) return { line: Number(m[1]), column: m[2] ? Number(m[2]) : undefined };
  }
  const missing = /Cannot find (?:module|package) '([^']+)'/.exec(err.message) ?? /does not provide an export named '([^']+)'/.exec(err.message);
  if (missing) {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const target = missing[1].startsWith('file:') ? fileURLToPath(missing[1]) : missing[1];
    const lines = source.split('\n');
    const base = target
      .split('/')
      .pop()!
      .replace(/\.[cm]?[jt]s$/, '');
    const i = lines.findIndex(
      (l) =>
        /\bimport\b|\bfrom\b|require\(/.test(l) &&
        (l.includes(`'${missing[1]}'`) || l.includes(`"${missing[1]}"`) || l.includes(missing[1]) || (base.length > 1 && l.includes(base))),
    );
    if (i >= 0) return { line: i + 1, column: lines[i].search(/\S/) + 1 };
  }
  return undefined;
}
