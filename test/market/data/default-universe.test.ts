import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntry, findUniverse, loadCatalog } from '../../../engine/market/data/catalog.js';
import { defaultUniverse } from '../../../engine/market/data/default-universe.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { installedCatalog } from '../../helpers/installed-catalog.js';

describe('defaultUniverse', () => {
  it("is the shipped catalog's default, russell, with no note when its data is here", () => {
    const c = loadCatalog();
    expect(c.defaultUniverse).toBe('russell');
    expect(defaultUniverse(c)).toEqual({ id: 'russell' });
    expect(buildMarket(c, { from: '2024-01-01' }).universe).toBe('russell');
  });

  it('falls back to the first available universe in an installed project and says what is missing and how to add it', () => {
    const c = installedCatalog();
    const d = defaultUniverse(c);
    expect(d.id).toBe('ff');
    expect(d.note).toMatch(/^the default universe "russell" is not available \(it needs rut, spx; rut: .*data add FILE --id rut.*\); using "ff"; also not available here: etf, r1000, sp600/);
    expect(buildMarket(c).universe).toBe('ff');
  });

  it("is a project's own defaultUniverse, which must name a universe of the catalog", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-default-'));
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ extends: 'ratecycle', defaultUniverse: 'ff-bonds' }));
    expect(defaultUniverse(loadCatalog(dir))).toEqual({ id: 'ff-bonds' });
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ extends: 'ratecycle', defaultUniverse: 'rusell' }));
    expect(() => loadCatalog(dir)).toThrow(/"defaultUniverse" "rusell" is not a universe of the catalog \(russell, etf, ff/);
    writeFileSync(join(dir, 'catalog.json'), JSON.stringify({ extends: 'ratecycle', defaultUniverse: 3 }));
    expect(() => loadCatalog(dir)).toThrow(/"defaultUniverse" must be a universe id/);
  });

  it('a mistyped universe or series id gets the closest one, saying when it exists but needs data this installation lacks', () => {
    expect(() => findUniverse(loadCatalog(), 'rusell')).toThrow(/^unknown universe "rusell" \(did you mean russell\?\); known: russell, etf/);
    expect(() => findUniverse(installedCatalog(), 'rusell')).toThrow(/^unknown universe "rusell" \(did you mean russell\? it exists but is not available here: it needs rut, spx/);
    expect(() => findEntry(loadCatalog(), 'ism_pm')).toThrow(/^unknown series "ism_pm" \(did you mean ism_pmi\?\)/);
    expect(() => findEntry(installedCatalog(), 'ism_pm')).toThrow(/^unknown series "ism_pm" \(did you mean ism_pmi\? it exists but is not available here/);
    expect(() => findUniverse(loadCatalog(), 'zzz')).toThrow(/^unknown universe "zzz"; known:/);
  });
});
