import { nearestPath } from './nearest-path.js';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DataError, UserError } from '../errors.js';
import { readJsonFile } from './read-json.js';

type Shape = 'string' | 'number' | 'object' | 'boolean';

/** Fields of `run.json` that readers rely on, with their JSON types. */
const FIELDS: [string, Shape][] = [
  ['id', 'string'],
  ['strategy', 'object'],
  ['strategy.id', 'string'],
  ['strategy.name', 'string'],
  ['strategy.params', 'object'],
  ['universe', 'object'],
  ['universe.id', 'string'],
  ['period', 'object'],
  ['period.from', 'string'],
  ['period.to', 'string'],
  ['period.bars', 'number'],
  ['options', 'object'],
  ['options.lag', 'number'],
];

function typeOf(x: unknown): string {
  return x === null ? 'null' : Array.isArray(x) ? 'array' : typeof x;
}

/**
 * Checks that `dir` is a readable run folder: it exists, is a folder and has a `run.json`
 * that parses (errors name line:column) and has the fields readers rely on with the right
 * types. Throws a one-line UserError or DataError otherwise.
 */
export function checkRunFolder(dir: string): void {
  if (!existsSync(dir)) {
    const near = nearestPath(dir);
    throw new UserError(`${dir}: no such run folder${near ? ` (did you mean ${near}?)` : ''}`);
  }
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir}: is a file, not a run folder`);
  const file = join(dir, 'run.json');
  if (!existsSync(file)) throw new UserError(`${file}: missing; is ${dir} a ratecycle run folder?`);
  const manifest = readJsonFile(file, file);
  if (typeOf(manifest) !== 'object') throw new DataError(file, undefined, undefined, `must be a JSON object (found ${typeOf(manifest)})`);
  for (const [path, shape] of FIELDS) {
    const value = path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), manifest);
    const found = typeOf(value);
    if (found !== shape)
      throw new DataError(
        file,
        undefined,
        undefined,
        `"${path}" must be ${shape === 'object' ? 'an object' : `a ${shape}`} (found ${value === undefined ? 'nothing' : found})`,
      );
  }
}
