import { UserError } from '../../core/errors.js';
import type { ParamSpec, ParamSpecs } from '../../strategy/params.js';
import { parseParam } from '../../strategy/params.js';
import { didYouMean } from '../../core/did-you-mean.js';

/** One swept parameter and its candidate values. */
export interface GridAxis {
  name: string;
  values: (number | boolean | string)[];
}

/** A parameter grid: axes enumerated in mixed radix (the last axis varies fastest). */
export interface Grid {
  axes: GridAxis[];
  /** Number of parameter sets (product of axis lengths). */
  size: number;
}

const RANGE = /^([^:]+):([^:]+):([^:]+)$/;

/** Decimal places of a number's shortest text form (to round range steps cleanly). */
function decimals(x: number): number {
  const s = String(x);
  const e = s.indexOf('e-');
  if (e >= 0) return Number(s.slice(e + 2)) + (s.split('.')[1]?.split('e')[0].length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

/**
 * Parses one `--grid` argument: `name=a:b:step` (inclusive numeric range) or
 * `name=v1,v2,…` (a list), checked against the strategy's parameter spec.
 */
export function parseAxis(text: string, specs: ParamSpecs, strategyId: string): GridAxis {
  const context = `strategy "${strategyId}"`;
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UserError(`${context}: ‹grid› "${text}" must look like name=a:b:step or name=v1,v2`);
  const name = text.slice(0, eq).trim();
  const spec: ParamSpec | undefined = specs[name];
  if (!spec) {
    const near = didYouMean(name, Object.keys(specs));
    throw new UserError(
      `${context}: ‹grid› ${name}: unknown parameter${near ? ` (did you mean ${near}?)` : ''}; known: ${Object.keys(specs).join(', ') || 'none'}`,
    );
  }
  const body = text.slice(eq + 1).trim();
  const range = RANGE.exec(body);
  let raw: (string | number)[];
  if (range && (spec.type === 'number' || spec.type === 'integer')) {
    const [a, b, step] = range.slice(1).map((s) => Number(s.trim()));
    if (![a, b, step].every(Number.isFinite)) throw new UserError(`${context}: ‹grid› ${text}: a, b and step must be numbers`);
    if (step <= 0) throw new UserError(`${context}: ‹grid› ${text}: step must be positive`);
    if (b < a) throw new UserError(`${context}: ‹grid› ${text}: the range end ${b} is below its start ${a}`);
    const n = Math.floor((b - a) / step + 1e-9) + 1;
    if (n > 1_000_000) throw new UserError(`${context}: ‹grid› ${text}: ${n} values is too many for one axis`);
    const places = Math.max(decimals(a), decimals(step));
    raw = Array.from({ length: n }, (_, k) => Number((a + k * step).toFixed(places)));
  } else {
    raw = body
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (raw.length === 0) throw new UserError(`${context}: ‹grid› ${text}: no values`);
  }
  const numeric = spec.type === 'number' || spec.type === 'integer';
  const values = raw.map((v) => {
    try {
      return parseParam(name, spec, v, context, 'grid');
    } catch (e) {
      // a value that is not a number: say how ranges and lists are written
      if (numeric && e instanceof UserError && /not a number/.test(e.message))
        throw new UserError(`${context}: ‹grid› ${text}: "${v}" is not a number; write a range as name=a:b:step (e.g. ${name}=1:12:1) or a list as name=v1,v2`);
      throw e;
    }
  });
  if (new Set(values.map(String)).size !== values.length) throw new UserError(`${context}: ‹grid› ${name}: values repeat`);
  return { name, values };
}

/** Builds a grid from `--grid` arguments (each parameter at most once). */
export function parseGrid(args: readonly string[], specs: ParamSpecs, strategyId: string): Grid {
  const axes = args.map((a) => parseAxis(a, specs, strategyId));
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.name)) throw new UserError(`strategy "${strategyId}": ‹grid› ${a.name} is given twice`);
    seen.add(a.name);
  }
  return { axes, size: axes.reduce((n, a) => n * a.values.length, 1) };
}

/** The parameter values of grid set `index` (0 ≤ index < size), on top of `base`. */
export function gridPoint(grid: Grid, index: number, base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  let rest = index;
  for (let k = grid.axes.length - 1; k >= 0; k--) {
    const axis = grid.axes[k];
    out[axis.name] = axis.values[rest % axis.values.length];
    rest = Math.floor(rest / axis.values.length);
  }
  return out;
}

/** Parses a shard spec `i/n` (1-based i) into zero-based index and count. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 1 || i < 1 || i > n) throw new UserError(`‹shard› ${text}: expected i/n with 1 ≤ i ≤ n, e.g. ‹shard› 2/8`);
  return { index: i - 1, count: n };
}

/** Set indexes of a shard: every n-th set starting at the shard's index (deterministic, balanced). */
export function* shardIndexes(size: number, shard: { index: number; count: number } = { index: 0, count: 1 }): Generator<number> {
  for (let i = shard.index; i < size; i += shard.count) yield i;
}
