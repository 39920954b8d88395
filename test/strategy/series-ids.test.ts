import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { projectSeriesIdsDts, shippedSeriesIdsModule } from '../../engine/market/data/series-ids-source.js';
import { typecheckStrategyFile } from '../../engine/strategy/typecheck.js';

const catalog = JSON.parse(readFileSync(join(ROOT, 'data', 'catalog.json'), 'utf8')) as { series: { id: string }[] };

const strategy = (series: string) => `import { defineStrategy } from 'ratecycle';
export default defineStrategy({
  id: 's', name: 'S', description: 'd', assets: ['small', 'large'], series: [${series}],
  weights(view) {
    const on = new Float64Array(view.length).fill(1);
    return { small: on, large: on.map((x) => 1 - x) };
  },
});
`;

describe('series ids are type-checked', () => {
  it('engine/strategy/series-ids.ts declares exactly the shipped catalog ids (data/build.ts writes it)', () => {
    expect(readFileSync(join(ROOT, 'engine', 'strategy', 'series-ids.ts'), 'utf8')).toBe(shippedSeriesIdsModule(catalog.series.map((s) => s.id)));
  });

  it("a misspelt id fails tsc; a project's own id passes once its data folder's series-ids.d.ts declares it", async () => {
    const prev = process.env.RATECYCLE_CACHE;
    process.env.RATECYCLE_CACHE = 'off';
    try {
      const dir = mkdtempSync(join(tmpdir(), 'ratecycle-ids-'));
      const typo = join(dir, 'typo.ts');
      writeFileSync(typo, strategy("'ism_pm'"));
      await expect(typecheckStrategyFile(typo)).rejects.toThrow(
        /typo\.ts:3:.*type error: Type '"ism_pm"' is not assignable to type 'keyof RatecycleSeriesIds'/,
      );
      const own = join(dir, 'own.ts');
      writeFileSync(own, strategy("'ism_pmi', 'iwm_yahoo'"));
      await expect(typecheckStrategyFile(own)).rejects.toThrow(/"iwm_yahoo"/);
      const dts = join(dir, 'series-ids.d.ts');
      writeFileSync(dts, projectSeriesIdsDts(['iwm_yahoo']));
      await typecheckStrategyFile(own, { declarations: [dts] });
    } finally {
      if (prev === undefined) delete process.env.RATECYCLE_CACHE;
      else process.env.RATECYCLE_CACHE = prev;
    }
  }, 60_000);
});
