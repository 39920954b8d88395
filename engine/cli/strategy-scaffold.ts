import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defaultUniverse } from '../market/data/default-universe.js';
import { loadCatalog } from '../market/data/catalog.js';
import { UserError } from '../core/errors.js';
import { packageRoot } from '../core/paths.js';

/**
 * The universe a new strategy should default to: none when the catalog's default is available
 * here, else the one commands fall back to (the npm package leaves out the index levels whose
 * terms forbid redistribution), so the new file says why in a comment.
 */
function fallbackUniverse(): string | undefined {
  try {
    const d = defaultUniverse(loadCatalog());
    return d.note ? d.id : undefined;
  } catch {
    return undefined;
  }
}

/** The scaffold of a strategy file that runs as is; it imports only from `ratecycle`. */
export function strategyTemplate(id: string, universe?: string): string {
  const defaults = universe
    ? `  // The default universe "russell" needs Russell 2000 and S&P 500 index levels, which the npm package\n  // leaves out (licensing); add your own with \`npx ratecycle data add\` or run on "${universe}".\n  defaults: { universe: '${universe}' },\n`
    : '';
  return `/**
 * ${id}: describe the idea here (what you expect and why).
 *
 * Run:    npx ratecycle run <this file> [--param k=v] [--universe russell|etf|ff]
 * Audit:  npx ratecycle audit <this file>      (checks the weights never read the future)
 */
import { defineStrategy, changeOverMonths } from 'ratecycle';

export default defineStrategy({
  id: '${id}',
  name: '${id}',
  description: 'Small caps while the policy rate fell over the last \`months\` months; large caps otherwise.',
  // Assets by role: "small" and "large" are the universe's small- and large-cap assets ("cash" is the rest).
  assets: ['small', 'large'],
  // Extra series to read, e.g. ['ism_pmi', 't10y2y'] (see \`npx ratecycle data list\`); each is as of its publication date.
  series: [],
  // Parameters: type, default, range and a description; they drive --param, --help and sweep grids.
  params: {
    months: { type: 'integer', default: 6, min: 1, max: 24, step: 1, description: 'lookback, calendar months' },
  },
${defaults}  // Target weights decided at each bar's close (fractions of equity). Read only index t and earlier
  // to decide at t: the engine applies the execution lag (--lag, default 1 bar).
  weights(view, p) {
    const fell = changeOverMonths(view.dates, view.fed.policyRate, p.months);
    const small = new Float64Array(view.length);
    const large = new Float64Array(view.length);
    for (let t = 0; t < view.length; t++) {
      const on = fell[t] < 0;
      small[t] = on ? 1 : 0;
      large[t] = on ? 0 : 1;
    }
    return { small, large };
  },
});
`;
}

/** The scaffold of the strategy's test: a hand-made market (`ratecycle/testing`), expected weights and the audit. */
export function testTemplate(id: string): string {
  return `import { describe, expect, it } from 'vitest';
import { auditOf, makeMarket, monthEnds, weightsOf } from 'ratecycle/testing';
import strategy from './${id}.js';

describe('${id}', () => {
  // 12 month ends; small caps (asset "s") rise, large caps ("l") are flat; the Fed cuts from 2.5 % to 2.25 % on 2019-07-31
  const market = makeMarket({
    dates: monthEnds('2019-01', 12),
    small: [100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111],
    large: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
    startRate: 2.5,
    decisions: [['2019-07-31', 2.25]],
    frequency: 'monthly',
  });

  it('holds small caps while the rate is below its level of 3 months before', () => {
    expect(weightsOf(strategy, market, ['months=3']).s).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
  });

  it('passes the look-ahead audit', () => {
    expect(auditOf(strategy, market).ok).toBe(true);
  });
});
`;
}

/** Default folder for new strategies: `strategies/examples` inside ratecycle's own repository, `strategies` in a project. */
export function defaultStrategyDir(): string {
  try {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    if (pkg.name === 'ratecycle' && resolve('.') === packageRoot()) return 'strategies/examples';
  } catch {
    // no package.json here: a plain folder
  }
  return 'strategies';
}

/** Writes `<name>.ts` and `<name>.test.ts` into `dir`; refuses to overwrite. Returns the paths written. */
export function writeStrategyScaffold(name: string, dir: string): { file: string; test: string } {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new UserError(`strategy name "${name}" must be kebab-case: lower-case letters, digits and dashes`);
  const abs = resolve(dir);
  const file = join(abs, `${name}.ts`);
  const test = join(abs, `${name}.test.ts`);
  for (const f of [file, test]) if (existsSync(f)) throw new UserError(`${relative(process.cwd(), f)} already exists; choose another name`);
  mkdirSync(abs, { recursive: true });
  writeFileSync(file, strategyTemplate(name, fallbackUniverse()));
  writeFileSync(test, testTemplate(name));
  return { file: relative(process.cwd(), file) || file, test: relative(process.cwd(), test) || test };
}
