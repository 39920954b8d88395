import { defineStrategy } from '../engine/strategy/define.js';
import { RunWriter, allocation } from '../engine/strategy/allocation.js';
import { derivedOf, sharedMonthsBack } from '../engine/strategy/calendar-memo.js';

/** Rules by code: the signal is on when the PMI is above the level (0), rising (1), both (2) or either (3). */
const RULES = ['level', 'rising', 'both', 'either'];

/** Bars per block of {@link Blocks}. */
const BLOCK = 32;

/**
 * Set-independent facts about the PMI column per block of 32 bars, so that most blocks of a
 * set are decided without reading their bars: whether a block has an unknown (NaN) PMI, its
 * least and greatest PMI, and per `months` (checked against the calendar's index array in use)
 * whether the PMI rose over `months` on every bar of the block or on none.
 */
interface Blocks {
  nan: Uint8Array;
  lo: Float64Array;
  hi: Float64Array;
  rising: Map<number, { back: Int32Array; r: Uint8Array; all: Uint8Array; none: Uint8Array }>;
}

function blocksOf(pmi: Float64Array): Blocks {
  const nb = Math.ceil(pmi.length / BLOCK);
  const nan = new Uint8Array(nb);
  const lo = new Float64Array(nb).fill(Infinity);
  const hi = new Float64Array(nb).fill(-Infinity);
  for (let t = 0; t < pmi.length; t++) {
    const b = (t / BLOCK) | 0;
    const x = pmi[t];
    if (x !== x) nan[b] = 1;
    else {
      if (x < lo[b]) lo[b] = x;
      if (x > hi[b]) hi[b] = x;
    }
  }
  return { nan, lo, hi, rising: new Map() };
}

/** Per bar, 1 when the PMI rose over the bar `back` points to (as in the bar-by-bar rule), and per block whether all or none did. */
function risingOf(pmi: Float64Array, back: Int32Array, blocks: Blocks, months: number) {
  let e = blocks.rising.get(months);
  if (e?.back === back) return e;
  const nb = blocks.nan.length;
  const r = new Uint8Array(pmi.length);
  const all = new Uint8Array(nb).fill(1);
  const none = new Uint8Array(nb).fill(1);
  for (let t = 0; t < pmi.length; t++) {
    const b = back[t];
    r[t] = b >= 0 && pmi[t] - pmi[b] > 0 ? 1 : 0;
    if (r[t]) none[(t / BLOCK) | 0] = 0;
    else all[(t / BLOCK) | 0] = 0;
  }
  blocks.rising.set(months, (e = { back, r, all, none }));
  return e;
}

/** Small caps when the ISM manufacturing PMI is above a level and/or rising (as published). */
export default defineStrategy({
  id: 'ism-cycle',
  name: 'ISM cycle',
  description:
    "Idea: small caps are more cyclical; analysts point to the ISM manufacturing PMI crossing 50. Rule: small caps when the PMI known at the close (each month's first release from its release date since 2007, the revised history before) is above `level` (rule level), rising over `months` (rising), both, or either; otherwise `otherwise`. Where the PMI is unknown (before 1948, or stale once the data end: the last value, November 2025, was released 2025-12-02) the strategy holds `otherwise`.",
  assets: ['small', 'large'],
  series: ['ism_pmi'],
  params: {
    level: { type: 'number', default: 50, min: 40, max: 60, step: 1, description: 'PMI threshold (50 = no change)' },
    rule: { type: 'enum', values: ['level', 'rising', 'both', 'either'], default: 'both', description: 'which condition makes the signal' },
    months: { type: 'integer', default: 3, min: 1, max: 12, step: 1, description: 'calendar months over which "rising" is measured' },
    otherwise: { type: 'enum', values: ['large', 'cash', 'mix'], default: 'large', description: 'allocation when the signal is off' },
  },
  weights(view, p, out) {
    const pmi = view.series('ism_pmi');
    const T = view.length;
    const o = out ?? { small: new Float64Array(T), large: new Float64Array(T) }; // zero-filled either way
    const back = sharedMonthsBack(view.dates, p.months); // bar `months` calendar months back (read-only)
    const level = p.level;
    const rule = RULES.indexOf(p.rule);
    const otherwise = allocation(p.otherwise);
    const w = new RunWriter(allocation('small'), otherwise, otherwise, o.small, o.large, undefined, true);
    const blocks = derivedOf(pmi, () => blocksOf(pmi));
    const { r, all, none } = risingOf(pmi, back, blocks, p.months);
    // the signal per bar (2 = PMI unknown), written run by run; a block whose bounds decide it is not read bar by bar
    for (let k = 0; k * BLOCK < T; k++) {
      const start = k * BLOCK;
      if (!blocks.nan[k]) {
        const aboveAll = blocks.lo[k] > level;
        const aboveNone = blocks.hi[k] <= level;
        const on = rule === 0 ? aboveAll : rule === 1 ? all[k] === 1 : rule === 2 ? aboveAll && all[k] === 1 : aboveAll || all[k] === 1;
        const off = rule === 0 ? aboveNone : rule === 1 ? none[k] === 1 : rule === 2 ? aboveNone || none[k] === 1 : aboveNone && none[k] === 1;
        if (on || off) {
          w.mark(start, on ? 1 : 0);
          continue;
        }
      }
      for (let t = start, end = Math.min(T, start + BLOCK); t < end; t++) {
        const x = pmi[t];
        if (x !== x) {
          w.mark(t, 2);
          continue;
        }
        const above = x > level;
        const rising = r[t] === 1;
        w.mark(t, (rule === 0 ? above : rule === 1 ? rising : rule === 2 ? above && rising : above || rising) ? 1 : 0);
      }
    }
    w.end(T);
    return o;
  },
});
