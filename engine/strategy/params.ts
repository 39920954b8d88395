import { didYouMean } from '../core/did-you-mean.js';
import { UserError } from '../core/errors.js';

/** One strategy parameter: its type, default, bounds and a one-line description. */
export type ParamSpec =
  | { type: 'number'; default: number; min?: number; max?: number; step?: number; description: string }
  | { type: 'integer'; default: number; min?: number; max?: number; step?: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'enum'; default: string; values: readonly string[]; description: string }
  | { type: 'string'; default: string; description: string };

/** A strategy's parameter specs by name. */
export type ParamSpecs = Record<string, ParamSpec>;

/** The value type a spec describes. */
export type ParamValue<S extends ParamSpec> = S extends { type: 'number' | 'integer' }
  ? number
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;

/** Parameter values for a set of specs. */
export type ParamValues<P extends ParamSpecs> = { [K in keyof P]: ParamValue<P[K]> };

/**
 * Parameter values as a script passes them, by name (`{ hold: 'large' }`), every one optional:
 * typed from the strategy's own specs when its type names them (a strategy of `defineStrategy`, a
 * built-in from `builtin('id')`), so that `{ hold: 'lage' }` or an unknown name is a type error;
 * any names for an untyped `Strategy` (whose specs are only an index signature, which is left out
 * here). The values are checked at run time either way (parseParams).
 */
export type ParamInput<P extends ParamSpecs> = {
  [K in keyof P as string extends K ? never : number extends K ? never : K]?: ParamValue<P[K]>;
} extends infer Named
  ? keyof Named extends never
    ? { [name: string]: number | boolean | string | undefined }
    : Named
  : never;

/**
 * Checks and converts one raw parameter value; returns the value or throws a UserError naming
 * it as `‹flag› name=value` (`param` by default; the sweep's `--grid` passes its own).
 */
export function parseParam(name: string, spec: ParamSpec, raw: string | number | boolean, context: string, flag = 'param'): number | boolean | string {
  const fail = (why: string) => new UserError(`${context}: ‹${flag}› ${name}=${String(raw)}: ${why}`);
  switch (spec.type) {
    case 'number':
    case 'integer': {
      const text = String(raw).trim();
      const x = typeof raw === 'number' ? raw : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(x)) throw fail(`not a number`);
      if (spec.type === 'integer' && !Number.isInteger(x)) throw fail('must be a whole number');
      if (spec.min !== undefined && x < spec.min) throw fail(`below the minimum ${spec.min}`);
      if (spec.max !== undefined && x > spec.max) throw fail(`above the maximum ${spec.max}`);
      return x;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const t = String(raw).trim().toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(t)) return true;
      if (['false', '0', 'no', 'off'].includes(t)) return false;
      throw fail('must be true or false');
    }
    case 'enum': {
      const t = String(raw).trim();
      if (!spec.values.includes(t)) throw fail(`must be one of ${spec.values.join(', ')}`);
      return t;
    }
    case 'string':
      return String(raw);
  }
}

/**
 * Parses `k=v` pairs (the CLI's `--param` strings) or values by name (`{ hold: 'large' }`) against
 * the specs: unknown names and bad values (out of min/max, not a whole number, not one of the
 * choices) are errors naming the strategy; missing ones (and, by name, ones set to `undefined`)
 * take their default. Returns a new object (inputs untouched).
 *
 * @example parseParams(builtin('fed-regime').params, ['hold=large'], 'fed-regime') // { tightening: 'large', hold: 'large' }
 * @example parseParams(builtin('fed-regime').params, { hold: 'lage' }, 'fed-regime') // UserError: strategy "fed-regime": param hold=lage: must be one of small, large, cash, mix, bonds
 */
export function parseParams<P extends ParamSpecs>(
  specs: P,
  pairs: readonly string[] | Readonly<Record<string, string | number | boolean | undefined>>,
  strategyId: string,
): ParamValues<P> {
  const context = `strategy "${strategyId}"`;
  const given: Record<string, string | number | boolean> = Object.create(null); // a parameter named constructor is not inherited
  if (Array.isArray(pairs)) {
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UserError(`${context}: ‹param› "${pair}" must look like name=value`);
      const name = pair.slice(0, eq).trim();
      if (name in given) throw new UserError(`${context}: ‹param› ${name} is given twice`);
      given[name] = pair.slice(eq + 1);
    }
  } else {
    for (const [name, value] of Object.entries(pairs)) if (value !== undefined) given[name] = value;
  }
  const out: Record<string, number | boolean | string> = {};
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(specs, name)) {
      const known = Object.keys(specs);
      const near = didYouMean(name, known);
      throw new UserError(
        `${context}: unknown parameter "${name}"${near ? ` (did you mean ${near}?)` : ''}; ${known.length ? `known: ${known.join(', ')}` : 'it takes no parameters'}`,
      );
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (name in given) out[name] = parseParam(name, spec, given[name], context);
    else {
      // a default outside its own spec is the strategy's mistake: say so, rather than fail later as a weight error
      try {
        out[name] = parseParam(name, spec, spec.default as string | number | boolean, context);
      } catch (e) {
        throw new UserError(
          `${context}: the default of parameter ${name} (${String(spec.default)}) does not fit its own spec: ${(e as Error).message.replace(/^.*: /, '')}; fix the strategy's params`,
          { cause: e },
        );
      }
    }
  }
  return out as ParamValues<P>;
}

/** `k=v` text of parameter values, in spec order (for labels and file names). */
export function formatParams(values: Record<string, unknown>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}
