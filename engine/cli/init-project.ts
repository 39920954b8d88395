import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { SHIPPED_CATALOG } from '../market/data/catalog.js';
import { UserError } from '../core/errors.js';
import { packageVersion } from '../core/paths.js';
import { writeStrategyScaffold } from './strategy-scaffold.js';

/** The vitest major the scaffolded tests are written for (vitest 4 runs on Node 20). */
const VITEST = '^4.1.12';

/** tsconfig of a research project: strict, ES modules resolved like Node, nothing emitted (tsx and vitest run the sources). */
export const PROJECT_TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  // data/series-ids.d.ts (written by `ratecycle data add`) declares the project's own series ids
  include: ['strategies/**/*.ts', 'data/*.d.ts'],
};

const DATA_README = `# Data of this project

\`catalog.json\` extends the catalog shipped with ratecycle (\`"extends": "ratecycle"\`): the series
and universes listed here are added to the shipped ones, or replace them by id.

Add a download (Yahoo Finance, FRED, Stooq or a tidy \`date,<column>\` CSV) with

    npx ratecycle data add ~/Downloads/IWM.csv --id iwm_yahoo

and declare a universe of your own in \`catalog.json\`:

    "universes": [{ "id": "mine", "description": "IWM vs SPY", "assets": ["iwm_yahoo", "spy_yahoo"],
                    "small": "iwm_yahoo", "large": "spy_yahoo", "frequency": "daily" }]

(\`cash\` defaults to the shipped T-bill series). \`npx ratecycle data check\` validates everything.
`;

/** Adds scripts, dependencies and `"type": "module"` to a package.json without replacing what is there. */
function mergePackageJson(path: string, strategyFile: string): { created: boolean; added: string[] } {
  const created = !existsSync(path);
  let pkg: Record<string, unknown> = {};
  if (!created) {
    try {
      pkg = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      throw new UserError(`${relative(process.cwd(), path) || path} is not valid JSON (${(e as Error).message}); fix it and run init again`);
    }
    // an array, a number or null is valid JSON but not a package.json: adding scripts to it would lose them
    if (pkg === null || typeof pkg !== 'object' || Array.isArray(pkg))
      throw new UserError(
        `${relative(process.cwd(), path) || path} holds ${Array.isArray(pkg) ? 'an array' : pkg === null ? 'null' : `a ${typeof pkg}`}, not an object; fix it and run init again`,
      );
  }
  const added: string[] = [];
  if (created) {
    pkg.name =
      basename(resolve(path, '..'))
        .toLowerCase()
        .replace(/[^a-z0-9-._~]/g, '-') || 'research';
    pkg.version = '0.1.0';
    pkg.private = true;
  }
  if (pkg.type !== 'module') {
    // strategy files and their tests are ES modules (import … from 'ratecycle')
    added.push(pkg.type === undefined ? '"type": "module"' : `"type": "module" (was "${String(pkg.type)}")`);
    pkg.type = 'module';
  }
  const scripts = (pkg.scripts ??= {}) as Record<string, string>;
  const want: Record<string, string> = {
    backtest: `ratecycle run ${strategyFile}`,
    audit: `ratecycle audit ${strategyFile}`,
    test: 'vitest run',
    typecheck: 'tsc --noEmit',
    data: 'ratecycle data list',
  };
  for (const [k, v] of Object.entries(want)) {
    if (scripts[k] === undefined || (k === 'test' && /no test specified/.test(scripts[k]))) {
      scripts[k] = v;
      added.push(`scripts.${k}`);
    }
  }
  const deps = (pkg.dependencies ??= {}) as Record<string, string>;
  const dev = (pkg.devDependencies ??= {}) as Record<string, string>;
  if (!deps.ratecycle && !dev.ratecycle) {
    deps.ratecycle = `^${packageVersion()}`;
    added.push('dependencies.ratecycle');
  }
  for (const [name, version] of [
    ['vitest', VITEST],
    ['typescript', '5.9'],
  ] as const) {
    if (!deps[name] && !dev[name]) {
      dev[name] = version;
      added.push(`devDependencies.${name}`);
    }
  }
  writeFileSync(path, `${JSON.stringify(pkg, null, 2)}\n`);
  return { created, added };
}

/** Writes a file unless it exists; returns whether it wrote. */
function writeNew(path: string, text: string): boolean {
  if (existsSync(path)) return false;
  writeFileSync(path, text);
  return true;
}

/** What {@link initProject} did: the files written (as shown), what package.json gained, and whether ratecycle and vitest are installed. */
export interface InitResult {
  written: string[];
  packageJson: { created: boolean; added: string[] };
  installed: boolean;
}

/**
 * Sets up a research project in `dir` (created when missing): package.json scripts and
 * dependencies (merged into an existing one), tsconfig.json, the strategy `strategy` and its
 * test, `data/catalog.json` extending the shipped catalog with a README, and a .gitignore for
 * `node_modules/` and `out/`. Existing files are never replaced. Works inside `dir` and
 * returns to the current folder, even on an error.
 */
export function initProject(dir: string, strategy: string): InitResult {
  mkdirSync(dir, { recursive: true });
  const cwd = process.cwd();
  process.chdir(dir);
  const written: string[] = [];
  let pkg: { created: boolean; added: string[] };
  let scaffold: { file: string; test: string } | undefined;
  try {
    const strategyFile = `strategies/${strategy}.ts`;
    // package.json first: one that cannot be merged stops init before anything is written
    pkg = mergePackageJson(join(dir, 'package.json'), strategyFile);
    if (!existsSync(strategyFile)) {
      scaffold = writeStrategyScaffold(strategy, 'strategies');
      written.push(scaffold.file, scaffold.test);
    }
    if (pkg.created) written.push('package.json');
    if (writeNew(join(dir, 'tsconfig.json'), `${JSON.stringify(PROJECT_TSCONFIG, null, 2)}\n`)) written.push('tsconfig.json');
    mkdirSync(join(dir, 'data'), { recursive: true });
    if (writeNew(join(dir, 'data', 'catalog.json'), `${JSON.stringify({ extends: SHIPPED_CATALOG, series: [], universes: [] }, null, 2)}\n`))
      written.push('data/catalog.json');
    if (writeNew(join(dir, 'data', 'README.md'), DATA_README)) written.push('data/README.md');
    const ignore = join(dir, '.gitignore');
    const have = existsSync(ignore) ? readFileSync(ignore, 'utf8') : '';
    const lines = have.split(/\r?\n/).map((l) => l.trim());
    const missing = ['node_modules/', 'out/'].filter((l) => !lines.includes(l) && !lines.includes(l.slice(0, -1)) && !lines.includes(`/${l}`));
    if (missing.length) {
      writeFileSync(ignore, `${have}${have && !have.endsWith('\n') ? '\n' : ''}${missing.join('\n')}\n`);
      written.push(have ? `.gitignore (+ ${missing.join(' ')})` : '.gitignore');
    }
  } finally {
    process.chdir(cwd);
  }
  const installed = existsSync(join(dir, 'node_modules', 'ratecycle', 'package.json')) && existsSync(join(dir, 'node_modules', 'vitest', 'package.json'));
  return { written, packageJson: pkg, installed };
}
