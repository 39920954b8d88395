/**
 * The published package, as a user gets it: `npm pack`, install the tarball into a fresh
 * project, then follow the "Use it in your own project" section of docs/strategies.md line by line
 * (init, new, data add of a Yahoo, a FRED and a Stooq download, run, audit, tsc, vitest) and
 * its programmatic example. Dependencies come from the npm cache where it has them
 * (--prefer-offline). Needs the build (npm test builds first).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

/** The documentation page with the own-project walk-through and the programmatic example. */
const README = readFileSync(join(ROOT, 'docs', 'strategies.md'), 'utf8');
const DL = join(ROOT, 'test', 'fixtures', 'downloads');

/** The fenced block of `lang` that follows `marker` in docs/strategies.md. */
function readmeBlock(marker: string, lang: string): string {
  const at = README.indexOf(marker);
  expect(at, `docs/strategies.md has "${marker}"`).toBeGreaterThanOrEqual(0);
  const open = README.indexOf('```' + lang + '\n', at);
  const close = README.indexOf('\n```', open + 4);
  return README.slice(open + lang.length + 4, close);
}

function sh(command: string, cwd: string, timeout = 180_000) {
  const r = spawnSync('sh', ['-c', command], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
  });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

/** Vendor data that the package leaves out: sources whose terms forbid redistribution. */
const NOT_REDISTRIBUTABLE = /Yahoo Finance|EOD Historical Data|Institute for Supply Management/;

describe('npm package', () => {
  const work = mkdtempSync(join(tmpdir(), 'ratecycle-pack-'));
  let tarball = '';
  let files: string[] = [];

  it('packs lean: the public entry points, no tests, bench, maps, fixtures or vendor data', () => {
    const r = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout)[0];
    tarball = join(work, info.filename);
    files = info.files.map((f: { path: string }) => f.path);
    for (const f of [
      'dist/engine/index.js',
      'dist/engine/index.d.ts',
      'dist/engine/testing/index.d.ts',
      'dist/engine/strategy/signals.d.ts',
      'dist/engine/measure/stats/index.d.ts',
      'dist/engine/workflows/index.d.ts',
      'dist/engine/workflows/index.js',
      'dist/engine/cli/main.js',
      'data/catalog.json',
      'reports/assets/report-client.js',
      'README.md',
    ]) {
      expect(files, f).toContain(f);
    }
    expect(files.filter((f) => /^dist\/(test|bench)\/|\.map$|\.test\.|^test\/|fixtures|\.ts$/.test(f) && !f.endsWith('.d.ts'))).toEqual([]);
    // every shipped data file is in the package unless its source forbids redistribution
    const catalog = JSON.parse(readFileSync(join(ROOT, 'data', 'catalog.json'), 'utf8')) as { series: { id: string; file: string; source: string }[] };
    for (const e of catalog.series) {
      expect(files.includes(`data/${e.file}`), `${e.id} (${e.source})`).toBe(!NOT_REDISTRIBUTABLE.test(e.source));
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.exports)).toEqual(['.', './signals', './stats', './testing', './workflows', './package.json']);
  });

  it('installs into a fresh project and works exactly as the README says', () => {
    expect(tarball).not.toBe('');
    const block = readmeBlock('<!-- own-project -->', 'sh');
    const lines = block
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(lines[0]).toBe('mkdir my-research && cd my-research');
    const project = join(work, 'my-research');
    mkdirSync(project);
    // the downloads the README adds (real-shaped Yahoo, FRED and Stooq files)
    copyFileSync(join(DL, 'yahoo-IWM.csv'), join(project, 'IWM.csv'));
    copyFileSync(join(DL, 'fred-DGS2.csv'), join(project, 'DGS2.csv'));
    copyFileSync(join(DL, 'stooq-spx.csv'), join(project, 'spx_d.csv'));
    const outputs: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      // the registry's ratecycle is this tarball; the other packages come from the npm cache when it has them
      const command = line.startsWith('npm install ratecycle') ? line.replace('npm install ratecycle', `npm install --prefer-offline ${tarball}`) : line;
      const r = sh(command, project);
      expect(r.code, `${command}\n${r.out}`).toBe(0);
      outputs[line] = r.out;
    }
    expect(readFileSync(join(project, 'strategies', 'my-idea.ts'), 'utf8')).toMatch(/from 'ratecycle'/);
    // data add declares the project's own series ids for tsc and the editor
    expect(readFileSync(join(project, 'data', 'series-ids.d.ts'), 'utf8')).toMatch(
      /interface RatecycleSeriesIds \{\n {2}iwm_yahoo: true;\n {2}ust_2y_fred: true;\n {2}spx_stooq: true;\n\}/,
    );
    expect(outputs['npx ratecycle data list']).toMatch(/iwm_yahoo\s+price\s+daily\s+2020-01-02\s+2020-03-31\s+61\s/);
    expect(outputs['npx ratecycle data list']).toMatch(/ust_2y_fred\s+rate\s+daily\s+2020-01-02\s+2020-03-31\s+62\s/);
    expect(outputs['npx ratecycle data list']).toMatch(/spx_stooq\s+price\s+daily\s+2020-01-02\s+2020-03-31\s+62\s/);
    expect(outputs['npx ratecycle run strategies/my-idea.ts']).toMatch(/my-idea on ff \(/);
    expect(outputs['npx ratecycle audit strategies/my-idea.ts']).toMatch(/audit passed/);
    expect(outputs['npx tsc --noEmit && npx vitest run']).toMatch(/Tests\s+4 passed/);
    expect(readdirSync(join(project, 'out')).some((d) => existsSync(join(project, 'out', d, 'report.html')))).toBe(true);

    // a strategy reading the project's own series passes tsc and run's type check; a misspelt id fails both
    const own = (id: string) =>
      `import { defineStrategy } from 'ratecycle';\nexport default defineStrategy({ id: 'own', name: 'Own', description: 'd', assets: ['small', 'large'], series: ['${id}'],\n  weights(view) { const x = view.series('${id}'); return { small: x.map((v) => (v > 1 ? 1 : 0)), large: x.map((v) => (v > 1 ? 0 : 1)) }; } });\n`;
    writeFileSync(join(project, 'strategies', 'own.ts'), own('ust_2y_fred'));
    const good = sh('npx tsc --noEmit && npx ratecycle run strategies/own.ts --universe ff --no-report --out out/own', project);
    expect(good.code, good.out).toBe(0);
    writeFileSync(join(project, 'strategies', 'own.ts'), own('ust_2y_frde'));
    const typo = sh('npx ratecycle run strategies/own.ts --universe ff --no-report --out out/own2', project);
    expect(typo.out).toMatch(/^ratecycle: strategy file strategies\/own\.ts:2:\d+: type error: Type '"ust_2y_frde"' is not assignable/m);
    expect(sh('npx tsc --noEmit', project).code).not.toBe(0);
    rmSync(join(project, 'strategies', 'own.ts'));

    // the programmatic example
    writeFileSync(join(project, 'backtest.mjs'), readmeBlock('<!-- programmatic -->', 'js'));
    const api = sh('node backtest.mjs', project);
    expect(api.code, api.out).toBe(0);
    expect(api.out).toMatch(/^fed-regime on ff, 1954-07-31 to \d{4}-\d\d-\d\d \(\d{3} months\): CAGR \d+\.\d\d %, Sharpe \d\.\d\d$/m);

    // nothing but the documented entry points is importable
    const deep = sh(
      `node --input-type=module -e "import('ratecycle/dist/engine/dates.js').then(() => console.log('imported'), (e) => console.log(e.code))"`,
      project,
    );
    expect(deep.out).toMatch(/ERR_PACKAGE_PATH_NOT_EXPORTED/);
    // with no --universe, commands use what is available and say what is not and how to add it
    const fallback = sh('npx ratecycle run first-cut-rotation --out out/fcr', project);
    expect(fallback.code, fallback.out).toBe(0);
    expect(fallback.out).toMatch(/First-cut rotation on ff \(/);
    expect(fallback.out).toMatch(
      /the default universe "russell" is not available \(it needs rut, spx; rut: rut\.csv is left out of the npm package .*ratecycle data add FILE --id rut/,
    );
    const claims = sh('npx ratecycle claims --draws 200 --out out/claims', project);
    expect(claims.code, claims.out).toBe(0);
    expect(claims.out).toMatch(/^4\. “[^”]*” — not tested on ff-1954: series ism_pmi is not available/m);
    expect(claims.out).toMatch(/not tested here \(their data is not in this installation\): russell, etf, r1000, sp600/);
    // a universe named explicitly that needs vendor data says how to add it
    const russell = sh('npx ratecycle run first-cut-rotation --universe russell', project);
    expect(russell.code).toBe(1);
    expect(russell.out).toMatch(
      /universe "russell" is not available: it needs rut, spx; rut: rut\.csv is left out of the npm package .*ratecycle data add FILE --id rut/,
    );
  }, 300_000);
});
