import { UserError } from '../core/errors.js';

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Refuses an option given more than once when it takes a single value (yargs collects
 * repeats into an array): `--lag 1 --lag 2` is an error, not "the last one wins".
 * `repeatable` lists the options that may repeat (e.g. `param`, `grid`) and positionals.
 */
export function refuseRepeated(argv: Record<string, unknown>, repeatable: readonly string[]): void {
  const allowed = new Set([...repeatable, ...repeatable.map(kebab), '_', '$0']);
  for (const [key, value] of Object.entries(argv)) {
    if (allowed.has(key) || allowed.has(kebab(key)) || !Array.isArray(value)) continue;
    throw new UserError(`--${kebab(key)} was given ${value.length} times (${value.map(String).join(', ')}); give it once`);
  }
}

/** Options of {@link wholeNumber}. */
export interface WholeNumberOptions {
  /** Smallest value allowed (default 0). */
  min?: number;
  /** Largest value allowed (default Number.MAX_SAFE_INTEGER). */
  max?: number;
}

/**
 * A whole-number option, or a UserError naming it: `undefined` passes (the default
 * applies); NaN (a non-numeric value such as `--top abc`), fractions and values outside
 * [min, max] are refused.
 *
 * @example wholeNumber('workers', 2) // 2
 */
export function wholeNumber(name: string, value: unknown, options: WholeNumberOptions = {}): number | undefined {
  if (value === undefined) return undefined;
  const min = options.min ?? 0;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const x = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
  if (!Number.isInteger(x) || x < min || x > max) throw new UserError(`--${name} must be a whole number ${range} (got ${String(value)})`);
  return x;
}

/**
 * A number option that must be finite and at least `min` (default 0; `exclusive` for
 * a strict bound), or a UserError naming it; `undefined` passes.
 *
 * @example boundedNumber('task-timeout', 30, { min: 0, exclusive: true }) // 30
 */
export function boundedNumber(name: string, value: unknown, options: { min?: number; exclusive?: boolean } = {}): number | undefined {
  if (value === undefined) return undefined;
  const min = options.min ?? 0;
  const x = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  const ok = Number.isFinite(x) && (options.exclusive ? x > min : x >= min);
  if (!ok) throw new UserError(`--${name} must be a number ${options.exclusive ? '>' : '≥'} ${min} (got ${String(value)})`);
  return x;
}
