import { UserError } from '../errors.js';
import { mulberry32 } from '../random.js';
import type { ParamSpec, ParamSpecs } from '../../strategies/params.js';

function draw(spec: ParamSpec, rnd: () => number, name: string, strategyId: string): number | boolean | string {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (spec.min === undefined || spec.max === undefined) {
        throw new UserError(`strategy "${strategyId}": parameter ${name} has no min/max, so it cannot be sampled; give it with --grid or --param`);
      }
      const step = spec.step ?? (spec.type === 'integer' ? 1 : 0);
      if (step > 0) {
        const n = Math.floor((spec.max - spec.min) / step + 1e-9) + 1;
        return Number((spec.min + Math.floor(rnd() * n) * step).toPrecision(12));
      }
      return spec.min + rnd() * (spec.max - spec.min);
    }
    case 'boolean':
      return rnd() < 0.5;
    case 'enum':
      return spec.values[Math.floor(rnd() * spec.values.length)];
    case 'string':
      throw new UserError(`strategy "${strategyId}": parameter ${name} is text and cannot be sampled`);
  }
}

/**
 * Random search: parameter set `index` of a seeded sequence, drawing each named
 * parameter uniformly from its spec (numbers on their step grid). Set i depends only on
 * (seed, i), so shards and resumed runs draw identical sets.
 */
export function randomPoint(specs: ParamSpecs, names: readonly string[], seed: number, index: number, base: Record<string, unknown>, strategyId: string): Record<string, unknown> {
  const rnd = mulberry32((Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const out: Record<string, unknown> = { ...base };
  for (const name of names) out[name] = draw(specs[name], rnd, name, strategyId);
  return out;
}
