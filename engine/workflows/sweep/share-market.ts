import type { FedFrame, Market } from '../../core/types.js';

type Typed = Float64Array | Int32Array | Int8Array | Uint8Array;

function share<T extends Typed>(a: T): T {
  const C = a.constructor as { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number };
  const out = new C(new SharedArrayBuffer(a.length * C.BYTES_PER_ELEMENT));
  out.set(a as never);
  return out;
}

function shareRecord(r: Record<string, Float64Array>): Record<string, Float64Array> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, share(v)]));
}

/**
 * A copy of the market whose columns live in SharedArrayBuffers, so worker threads receive
 * it once (postMessage/workerData share the memory instead of copying it).
 */
export function shareMarket(m: Market): Market {
  const f = m.fed;
  const fed: FedFrame = {
    policyRate: share(f.policyRate),
    phase: share(f.phase),
    cycleId: share(f.cycleId),
    firstCut: share(f.firstCut),
    barsSinceFirstCut: share(f.barsSinceFirstCut),
    monthsSinceFirstCut: share(f.monthsSinceFirstCut),
    move: share(f.move),
    cycles: f.cycles,
    moves: f.moves,
    threshold: f.threshold,
    ...(f.resumeDays !== undefined ? { resumeDays: f.resumeDays } : {}),
  };
  return {
    ...m,
    dates: share(m.dates),
    prices: shareRecord(m.prices),
    returns: shareRecord(m.returns),
    cash: share(m.cash),
    series: shareRecord(m.series),
    fed,
  };
}
