import type { Argv } from 'yargs';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { packageRoot } from '../../paths.js';

interface NewArgs {
  name: string;
  dir?: string;
}

/** `ratecycle new`. */
export function newCommand(y: Argv): Argv {
  return y
    .positional('name', { type: 'string', describe: 'strategy id (kebab-case), also the file name' })
    .option('dir', { type: 'string', default: 'strategies/examples', describe: 'folder to write <name>.ts and <name>.test.ts into' })
    .example('$0 new my-idea', 'writes strategies/examples/my-idea.ts and my-idea.test.ts')
    .example('$0 new curve-and-cuts --dir research', 'somewhere else') as Argv;
}

function importPath(fromDir: string, target: string): string {
  let rel = relative(fromDir, target).split('\\').join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** The scaffold of a strategy file that runs as is. */
export function strategyTemplate(id: string, strategiesImport: string): string {
  return `/**
 * ${id}: describe the idea here (what you expect and why).
 *
 * Run:    npx ratecycle run <this file> [--param k=v] [--universe russell|etf|ff]
 * Audit:  npx ratecycle audit <this file>      (checks the weights never read the future)
 */
import { defineStrategy } from '${strategiesImport}/define.js';
import { changeOverMonths } from '${strategiesImport}/signals.js';

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
  // Target weights decided at each bar's close (fractions of equity). Read only index t and earlier
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

/** The scaffold of the strategy's test: a hand-made market, expected weights and the audit. */
export function testTemplate(id: string, strategiesImport: string, helperImport: string): string {
  return `import { describe, expect, it } from 'vitest';
import strategy from './${id}.js';
import { evaluateStrategy } from '${strategiesImport}/evaluate.js';
import { auditStrategy } from '${strategiesImport}/audit.js';
import { parseParams } from '${strategiesImport}/params.js';
import { makeMarket, monthEnds } from '${helperImport}';

describe('${id}', () => {
  // 12 month ends; the Fed cuts from 2.5 % to 2.25 % on 2019-07-31
  const market = makeMarket({
    dates: monthEnds('2019-01', 12),
    small: [100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111],
    large: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100],
    startRate: 2.5,
    decisions: [['2019-07-31', 2.25]],
    frequency: 'monthly',
  });

  it('holds small caps while the rate is below its level of 3 months before', () => {
    const w = evaluateStrategy(strategy as never, market, parseParams(strategy.params, ['months=3'], strategy.id));
    const small = Array.from({ length: 12 }, (_, t) => w[t * 2]);
    expect(small).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
  });

  it('passes the look-ahead audit', () => {
    expect(auditStrategy(strategy as never, market, parseParams(strategy.params, [], strategy.id)).ok).toBe(true);
  });
});
`;
}

/** Writes the two files; refuses to overwrite. */
export function newHandler(args: NewArgs): void {
  if (!/^[a-z][a-z0-9-]*$/.test(args.name)) throw new UserError(`strategy name "${args.name}" must be kebab-case: lower-case letters, digits and dashes`);
  const dir = resolve(args.dir ?? 'strategies/examples');
  const file = join(dir, `${args.name}.ts`);
  const test = join(dir, `${args.name}.test.ts`);
  for (const f of [file, test]) if (existsSync(f)) throw new UserError(`${relative(process.cwd(), f)} already exists; choose another name`);
  mkdirSync(dir, { recursive: true });
  const root = packageRoot();
  const strategiesImport = importPath(dir, join(root, 'strategies'));
  const helperImport = importPath(dir, join(root, 'test', 'helpers', 'make-market.js'));
  writeFileSync(file, strategyTemplate(args.name, strategiesImport));
  writeFileSync(test, testTemplate(args.name, strategiesImport, helperImport));
  console.log(`wrote ${relative(process.cwd(), file)} and ${relative(process.cwd(), test)}`);
  console.log(`next: npx ratecycle run ${relative(process.cwd(), file)}   then   npx ratecycle audit ${relative(process.cwd(), file)}`);
}
