import { describe, expect, it } from 'vitest';
import { benchmarkKind } from '../../engine/market/benchmark-series.js';
import { loadCatalog } from '../../engine/market/data/catalog.js';
import { cliMessage, UserError } from '../../engine/core/errors.js';

describe('benchmarkKind', () => {
  const catalog = loadCatalog();
  it('accepts price and return series', () => {
    expect(benchmarkKind(catalog, 'spy')).toBe('price');
  });
  it('refuses an indicator with an error that names the option: as the API names it, and as a flag on the command line', () => {
    let error: unknown;
    try {
      benchmarkKind(catalog, 'ism_pmi');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const u = error as UserError;
    expect(u.option).toBe('benchmark');
    expect(u.message).toMatch(/^benchmark ism_pmi: "ism_pmi" is an indicator series/);
    expect(cliMessage(u)).toMatch(/^--benchmark ism_pmi: "ism_pmi" is an indicator series/);
  });
});
