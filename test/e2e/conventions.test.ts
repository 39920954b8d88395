import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';
import { didYouMean, editDistance } from '../../engine/core/did-you-mean.js';
import { explainFailure } from '../../engine/cli/explain-failure.js';
import { count, num, pct } from '../../engine/cli/format.js';
import { textTable } from '../../engine/cli/table.js';
import { makeMarket, weekdays } from '../../engine/testing/make-market.js';
import { weightsOf } from '../../engine/testing/weights-of.js';
import weightsFile from '../../strategies/weights-file.js';
import rule from '../../strategies/rule.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ratecycle-conv-'));
const DL = join(ROOT, 'test', 'fixtures', 'downloads');

describe('did you mean', () => {
  it('edit distance counts insertions, deletions, substitutions and swaps (Damerau 1964)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('cost-bp', 'cost-bps')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
  it('suggests only likely typos', () => {
    expect(didYouMean('cost-bp', ['lag', 'cost-bps', 'slippage-bps'])).toBe('cost-bps');
    expect(didYouMean('first-cut-rotaton', ['buy-hold', 'first-cut-rotation'])).toBe('first-cut-rotation');
    expect(didYouMean('univ', ['universe', 'lag'])).toBe('universe'); // a prefix
    expect(didYouMean('zzz', ['lag', 'from'])).toBeUndefined();
  });
  it('rewrites yargs messages', () => {
    const usage = { getDescriptions: () => ({ lag: '', 'cost-bps': '', help: '' }), getUsage: (): [string, string][] => [['$0 run <strategy>', 'Backtest']] };
    expect(explainFailure('Unknown arguments: cost-bp, costBp', usage)).toBe('unknown option --cost-bp (did you mean --cost-bps?); see --help');
    expect(explainFailure('Not enough non-option arguments: got 0, need at least 1', usage)).toBe(
      'missing <strategy>; usage: ratecycle run <strategy> [options] (see --help)',
    );
    expect(explainFailure('Missing required argument: id', usage)).toBe('missing --id; usage: ratecycle run <strategy> [options] (see --help)');
    expect(explainFailure('something else', usage)).toBe('something else');
  });
});

describe('terminal numbers are formatted like the HTML report', () => {
  it('thousands separators, no negative zero, a dash for NaN', () => {
    expect(pct(12.345678)).toBe('1,234.57%');
    expect(pct(-0.00001)).toBe('0.00%');
    expect(num(-0.001)).toBe('0.00');
    expect(num(-1234567.891)).toBe('-1,234,567.89');
    expect(count(9672)).toBe('9,672');
    expect(pct(NaN)).toBe('–');
  });
  it('tables right-align numbers, dashes included', () => {
    expect(
      textTable(
        ['a', 'n'],
        [
          ['x', '1,234.00'],
          ['yy', '–'],
        ],
      )
        .split('\n')
        .slice(2),
    ).toEqual(['x   1,234.00', 'yy         –']);
  });
});

describe('CLI conventions', () => {
  it('a mistyped option, strategy id or command gets a suggestion; a missing positional the usage line', () => {
    const o = cli(['run', 'first-cut-rotation', '--cost-bp', '3']);
    expect([o.code, o.stderr.trim()]).toEqual([1, 'ratecycle: unknown option --cost-bp (did you mean --cost-bps?); see --help']);
    const s = cli(['run', 'first-cut-rotaton']);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/unknown strategy "first-cut-rotaton" \(did you mean first-cut-rotation\?\)/);
    const p = cli(['audit']);
    expect([p.code, p.stderr.trim()]).toEqual([1, 'ratecycle: missing <strategy>; usage: ratecycle audit <strategy> [options] (see --help)']);
    const c = cli(['runn', 'first-cut-rotation']);
    expect(c.stderr.trim()).toMatch(/^ratecycle: unknown command "runn" \(did you mean run\?\); commands: run, audit, list, new, sweep/);
    expect(cli(['run', 'strategies/exmples/small-after-cuts.ts']).stderr.trim()).toBe(
      'ratecycle: strategy file strategies/exmples/small-after-cuts.ts does not exist (did you mean strategies/examples/small-after-cuts.ts?)',
    );
    // a grid error is the only line: no data warning before it (the grid is checked before the data is read)
    const g = cli(['sweep', 'first-cut-rotation', '--grid', 'montsh=1:3:1']);
    expect(g.stderr.trim()).toBe(
      'ratecycle: strategy "first-cut-rotation": --grid montsh: unknown parameter (did you mean months?); known: months, every_cut, otherwise',
    );
    expect(cli(['sweeep']).stderr).toMatch(/unknown command "sweeep" \(did you mean sweep\?\)/);
    expect(cli(['--data', 'data', 'compre']).stderr).toMatch(/unknown command "compre" \(did you mean compare\?\)/);
  });

  it('list and audit print JSON with --json', () => {
    const l = JSON.parse(cli(['list', '--json']).stdout);
    expect(l.find((s: { id: string }) => s.id === 'first-cut-rotation').params.months).toMatchObject({ type: 'integer', default: 12, min: 1, max: 36 });
    const a = cli(['audit', 'fed-regime', '--universe', 'ff', '--from', '2000-01-01', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toMatchObject({ ok: true, strategy: 'fed-regime', universe: 'ff', params: { hold: 'large' } });
  });

  it("completion prints yargs' completion script", () => {
    const r = cli(['completion']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/###-begin-ratecycle-completions-###/);
  });

  it('data list and data check print JSON with --json', () => {
    const l = cli(['data', 'list', '--json']);
    expect(l.code).toBe(0);
    const list = JSON.parse(l.stdout);
    expect(list.series.find((s: { id: string }) => s.id === 'cash')).toMatchObject({ kind: 'return', frequency: 'daily' });
    expect(list.universes.map((u: { id: string }) => u.id)).toContain('ff');
    const c = cli(['data', 'check', '--json']);
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout).ok).toBe(true);
  });

  it('runs lists run folders newest first; open prints the newest report', () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const make = (name: string, strategy: string, when: number) => {
      const d = join(out, name);
      mkdirSync(d, { recursive: true });
      writeFileSync(
        join(d, 'run.json'),
        JSON.stringify({ strategy: { id: strategy }, universe: { id: 'ff' }, period: { from: '2000-01-31', to: '2020-12-31', bars: 252 } }),
      );
      writeFileSync(join(d, 'metrics.json'), JSON.stringify({ metrics: { strategy: { totalReturn: 1.2345, sharpe: 0.5 } } }));
      writeFileSync(join(d, 'report.html'), '<html></html>');
      utimesSync(join(d, 'run.json'), when, when);
    };
    make('old-run', 'buy-hold', 1_600_000_000);
    make('new-run', 'fed-regime', 1_700_000_000);
    mkdirSync(join(out, '.ratecycle-tmp-x'));
    const r = cli(['runs', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { dir: string; strategy: string }) => [x.dir, x.strategy])).toEqual([
      [join('out', 'new-run'), 'fed-regime'],
      [join('out', 'old-run'), 'buy-hold'],
    ]);
    const t = cli(['runs'], { cwd: dir });
    expect(t.stdout).toMatch(/out\/new-run\s+fed-regime\s+ff\s+2000-01-31\s+2020-12-31\s+252\s+123\.45%\s+0\.50/);
    const o = cli(['open'], { cwd: dir });
    expect([o.code, o.stdout.trim()]).toEqual([0, join('out', 'new-run', 'report.html')]);
    expect(cli(['open', 'old-run', '--json'], { cwd: dir }).stdout.trim()).toBe(
      JSON.stringify({ report: join('out', 'old-run', 'report.html'), folder: join('out', 'old-run') }),
    );
    expect(cli(['open', 'nope'], { cwd: dir }).stderr).toMatch(/nope is not a folder/);
    expect(cli(['runs'], { cwd: tmp() }).stderr).toMatch(/out does not exist/);
  });
});

describe('your series everywhere: rule, data list, weights-file', () => {
  it('rule reads a series of the user catalog; an unknown name is refused with a suggestion', () => {
    const dir = tmp();
    const add = cli(['data', 'add', join(DL, 'fred-CPIAUCSL-old.csv'), '--id', 'my_cpi', '--publication', 'next-month-day:15'], { cwd: dir });
    expect(add.code, add.stderr).toBe(0);
    const list = JSON.parse(cli(['data', 'list', '--json'], { cwd: dir }).stdout);
    expect(list.series.find((s: { id: string }) => s.id === 'my_cpi')).toMatchObject({ origin: 'data', publication: 'next-month-day:15' });
    const ok = cli(
      [
        'run',
        'rule',
        '--param',
        'when=my_cpi > 250',
        '--universe',
        'ff',
        '--from',
        '2015-01-01',
        '--to',
        '2023-12-31',
        '--out',
        'out/r',
        '--no-report',
        '--json',
      ],
      { cwd: dir },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).run).toMatch(/\w/);
    // CPI for April 2018 (250.227, the first above 250) is published 2018-05-15: decided at the May close, traded at the June close
    const weights = readFileSync(join(dir, 'out', 'r', 'weights.csv'), 'utf8').split('\n');
    expect(weights.find((l) => l.startsWith('2018-05-31'))).toMatch(/^2018-05-31,0,1,/);
    expect(weights.find((l) => l.startsWith('2018-06-30'))).toMatch(/^2018-06-30,1,0,/);
    const bad = cli(['run', 'rule', '--param', 'when=my_cpj > 250', '--universe', 'ff'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/unknown name my_cpj \(did you mean my_cpi\?\); known names: fed_phase, .*my_cpi/);
  });

  it('rule without a catalog takes other names as series ids', () => {
    expect(rule.seriesFor!({ when: 'fed_phase == easing and my_x > 1', then: 'small', else: 'large' } as never)).toEqual(['my_x']);
    expect(() => rule.seriesFor!({ when: 'my_x > 1', then: 'small', else: 'large' } as never, { series: ['cpi'] })).toThrow(/unknown name my_x/);
  });

  it("weights-file takes pandas' Date column and day-first or month-first dates settled by the column", () => {
    const dir = tmp();
    const market = makeMarket({ dates: weekdays('2020-01-13', 5), small: [1, 1, 1, 1, 1], large: [1, 1, 1, 1, 1] });
    const files: Record<string, string> = {
      'iso.csv': 'Date,small,large\n2020-01-14,1,0\n2020-01-16,0,1\n',
      'pandas.csv': 'Date,small,large\n2020-01-14 00:00:00,1,0\n2020-01-16 00:00:00,0,1\n',
      'dmy.csv': 'date,small,large\n14/01/2020,1,0\n16/01/2020,0,1\n',
      'mdy.csv': 'date,small,large\n1/14/2020,1,0\n1/16/2020,0,1\n',
    };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(dir, name), text);
      expect(weightsOf(weightsFile, market, [`file=${join(dir, name)}`]).s, name).toEqual([NaN, 1, NaN, 0, NaN]);
    }
    writeFileSync(join(dir, 'ambiguous.csv'), 'date,small\n1/2/2020,1\n2/3/2020,0\n');
    expect(() => weightsOf(weightsFile, market, [`file=${join(dir, 'ambiguous.csv')}`])).toThrow(/both as month\/day\/year and as day\/month\/year/);
    writeFileSync(join(dir, 'order.csv'), 'Date,small\n2020-01-15,1\n2020-01-14,0\n');
    expect(() => weightsOf(weightsFile, market, [`file=${join(dir, 'order.csv')}`])).toThrow(
      /order\.csv:3: column "Date": 2020-01-14 comes before 2020-01-15 on line 2/,
    );
  });
});

describe('init and new in a plain folder', () => {
  it('init refuses a package.json that is JSON but not an object, before writing anything', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'package.json'), '[1,2]');
    const r = cli(['init'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('ratecycle: package.json holds an array, not an object; fix it and run init again');
    expect(readdirSync(dir)).toEqual(['package.json']);
  });

  it('init writes a project, never replaces files, and reports what it added', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'mine', scripts: { test: 'echo "Error: no test specified" && exit 1', build: 'x' } }));
    const r = cli(['init', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.written).toEqual(['strategies/my-idea.ts', 'strategies/my-idea.test.ts', 'tsconfig.json', 'data/catalog.json', 'data/README.md', '.gitignore']);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      name: 'mine',
      type: 'module',
      scripts: { build: 'x', test: 'vitest run', backtest: 'ratecycle run strategies/my-idea.ts', audit: 'ratecycle audit strategies/my-idea.ts' },
    });
    expect(pkg.dependencies.ratecycle).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies).toMatchObject({ vitest: expect.stringMatching(/^\^4\./) });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\nout/\n');
    expect(JSON.parse(readFileSync(join(dir, 'data', 'catalog.json'), 'utf8'))).toEqual({ extends: 'ratecycle', series: [], universes: [] });
    expect(readFileSync(join(dir, 'strategies', 'my-idea.ts'), 'utf8')).toMatch(/from 'ratecycle';/);
    expect(readFileSync(join(dir, 'strategies', 'my-idea.test.ts'), 'utf8')).toMatch(/from 'ratecycle\/testing';/);
    const again = JSON.parse(cli(['init', '--json'], { cwd: dir }).stdout);
    expect([again.written, again.packageJson]).toEqual([[], []]);
    // the scaffold runs and audits as it is, even where ratecycle is not installed
    const run = cli(['run', 'strategies/my-idea.ts', '--universe', 'ff', '--from', '1990-01-01', '--out', 'out/a', '--no-report'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const audit = cli(['audit', 'strategies/my-idea.ts', '--universe', 'ff', '--from', '1990-01-01'], { cwd: dir });
    expect(audit.code, audit.stderr).toBe(0);
    expect(existsSync(join(dir, 'out', 'a', 'run.json'))).toBe(true);
  });

  it('a strategy file that fails to load is named with its own line', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    writeFileSync(
      join(dir, 'boom.ts'),
      "import { defineStrategy } from 'ratecycle';\n\nconst limit = 3;\nthrow new Error('not ready: ' + limit);\nexport default defineStrategy({ id: 'boom', name: 'b', description: 'b', assets: ['small'], weights: (v) => ({ small: new Float64Array(v.length) }) });\n",
    );
    const r = cli(['run', 'boom.ts'], { cwd: dir });
    expect([r.code, r.stderr.trim()]).toEqual([1, 'ratecycle: strategy file boom.ts failed to load: not ready: 3 (at boom.ts:4:7)']);
    writeFileSync(join(dir, 'syntax.ts'), "import { defineStrategy } from 'ratecycle';\nexport default defineStrategy({\n  id: 'syntax'\n  name: 'x',\n});\n");
    expect(cli(['run', 'syntax.ts'], { cwd: dir }).stderr.trim()).toBe(
      'ratecycle: strategy file syntax.ts failed to load: Expected "}" but found "name" (at syntax.ts:4:2)',
    );
    writeFileSync(
      join(dir, 'missing.ts'),
      "import { defineStrategy } from 'ratecycle';\nimport { helper } from '../cli-conventions/helpers.js';\nexport default defineStrategy({ id: 'm', name: 'm', description: 'm', assets: ['small'], weights: (v) => ({ small: helper(v.length) }) });\n",
    );
    expect(cli(['run', 'missing.ts'], { cwd: dir }).stderr).toMatch(/strategy file missing\.ts failed to load: .*helpers\.js.* \(at missing\.ts:2:1\)/);
  });
});

describe("a catalog of one's own without Fed data", () => {
  it('runs strategies that ignore the Fed, refuses those that read it, and data check validates its universe', () => {
    const dir = tmp();
    const data = join(dir, 'data');
    mkdirSync(data);
    const days = weekdays('2020-01-01', 40);
    writeFileSync(join(data, 'a.csv'), `date,close\n${days.map((d, i) => `${d},${100 + i}`).join('\n')}\n`);
    writeFileSync(join(data, 'b.csv'), `date,close\n${days.map((d, i) => `${d},${200 - i}`).join('\n')}\n`);
    writeFileSync(join(data, 'cash.csv'), `date,return\n${days.map((d) => `${d},0.0001`).join('\n')}\n`);
    const entry = (id: string, kind: string, column: string) => ({
      id,
      file: `${id}.csv`,
      column,
      kind,
      frequency: 'daily',
      units: 'u',
      publication: { rule: 'close' },
      source: 'made here',
    });
    writeFileSync(
      join(data, 'catalog.json'),
      JSON.stringify({
        series: [entry('a', 'price', 'close'), entry('b', 'price', 'close'), entry('cash', 'return', 'return')],
        universes: [{ id: 'mine', assets: ['a', 'b'], small: 'a', large: 'b', frequency: 'daily' }],
      }),
    );
    const check = cli(['data', 'check'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/ok {2}universe mine\s+2020-01-01 to 2020-02-25 {2}40 common bars/);
    expect(cli(['run', 'buy-hold', '--universe', 'mine', '--out', 'out/bh', '--no-report'], { cwd: dir }).code).toBe(0);
    const fed = cli(['run', 'fed-regime', '--universe', 'mine', '--out', 'out/fr', '--no-report'], { cwd: dir });
    expect(fed.code).toBe(1);
    expect(fed.stderr).toMatch(/universe "mine" has no Fed data .* this strategy reads view\.fed; add "extends": "ratecycle"/);
    // a universe whose assets share no dates is refused by data check
    writeFileSync(join(data, 'c.csv'), 'date,close\n2010-01-04,1\n2010-01-05,2\n');
    const raw = JSON.parse(readFileSync(join(data, 'catalog.json'), 'utf8'));
    raw.series.push(entry('c', 'price', 'close'));
    raw.universes.push({ id: 'apart', assets: ['a', 'c'], small: 'a', large: 'c', frequency: 'daily' });
    writeFileSync(join(data, 'catalog.json'), JSON.stringify(raw));
    const bad = cli(['data', 'check'], { cwd: dir });
    expect([bad.code, bad.stderr.trim()]).toEqual([1, 'ratecycle: universe "apart": its assets a, c share 0 dates; a universe needs at least 2 common bars']);
  });
});
