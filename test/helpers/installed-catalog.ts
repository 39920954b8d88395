/**
 * The shipped catalog as an npm-installed project sees it: the series whose source's terms
 * forbid redistribution (left out of the package) and the universes that need them are moved
 * to `unavailable`, with reasons shaped like loadCatalog's. test/e2e/pack.test.ts checks the
 * real package; this lets unit tests exercise the same catalog without packing.
 */
import type { Catalog } from '../../engine/core/types.js';
import { loadCatalog } from '../../engine/market/data/catalog.js';

/** Vendor data that the package leaves out (the same rule as test/e2e/pack.test.ts). */
export const NOT_REDISTRIBUTABLE = /Yahoo Finance|EOD Historical Data|Institute for Supply Management/;

export function installedCatalog(base: Catalog = loadCatalog()): Catalog {
  const gone = new Set(base.series.filter((e) => NOT_REDISTRIBUTABLE.test(e.source)).map((e) => e.id));
  const series = Object.fromEntries([...gone].map((id) => [id, `${id}.csv is left out of the npm package; run \`ratecycle data add FILE --id ${id}\``]));
  const universes: Record<string, string> = {};
  for (const u of base.universes) {
    const needs = [...u.assets, u.cash].filter((id) => gone.has(id));
    if (needs.length) universes[u.id] = `it needs ${needs.join(', ')}; ${needs[0]}: ${series[needs[0]]}`;
  }
  return {
    ...base,
    series: base.series.filter((e) => !gone.has(e.id)),
    universes: base.universes.filter((u) => !(u.id in universes)),
    unavailable: { series, universes },
  };
}
