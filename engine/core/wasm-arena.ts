/**
 * The sweep's WebAssembly module (dist/engine/core/sweep.wasm, built by `npm run build` from
 * the `*.as.ts` files beside this one with AssemblyScript) and one instance's memory as an
 * arena of Float64Array views: a sweep runner allocates the arrays its hot loops read and
 * write (equity curve, market growth factors, target columns, state) in one fixed memory, so
 * the WebAssembly functions work on them in place and JavaScript reads them as usual. Nothing
 * is freed; the memory never grows, so views stay valid. Where the module was not built or
 * the runtime has no WebAssembly SIMD, {@link WasmArena.create} returns null and callers use
 * their JavaScript loops (same bits).
 */
import { existsSync, readFileSync } from 'node:fs';

/** The part of the WebAssembly API used here (Node has it; the compiler's ES libraries do not declare it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: { new (bytes: Uint8Array): WasmModule; exports(mod: WasmModule): { name: string }[] };
  Memory: new (size: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  Instance: new (mod: WasmModule, imports: object) => { exports: Record<string, unknown> };
}
type WasmModule = { readonly compiled: unique symbol };

/** The module's functions (pointers are byte offsets into the arena). */
export interface SweepWasm {
  returns(T: number, initial: number, pEq: number, pCash: number, pRx: number, pOut: number): void;
  moments(T: number, pDb: number, pRx: number, pOut: number, mr: number, mx: number): void;
  returns2(T: number, initA: number, initB: number, pEqA: number, pEqB: number, pCash: number, pRx: number, pOut: number): void;
  moments2(T: number, pCash: number, pDb: number, pRx: number, pOut: number, mrA: number, mrB: number, mxA: number, mxB: number): void;
  pairKeys(
    N: number,
    n: number,
    floor: number,
    pHs: number,
    pHq: number,
    pSi: number,
    pSo: number,
    pQi: number,
    pQo: number,
    pTotS: number,
    pTotQ: number,
    pA: number,
    pC: number,
    pOut: number,
  ): void;
  rankCounts(N: number, pA: number, pC: number, pW: number, va: number, vc: number, pOut: number): void;
  candidates(T: number, pC0: number, pC1: number, pList: number): void;
  drawOne(T: number, draws: number, state: number, pP: number, pCdf: number, pGuide: number, M: number, pBlk: number, pSums: number): number;
  drawLanes(
    W: number,
    T: number,
    draws: number,
    state: number,
    pP: number,
    pCdf: number,
    pGuide: number,
    M: number,
    pBlk: number,
    pSums: number,
    pCounts: number,
  ): number;
  advance2(
    from: number,
    to: number,
    lag: number,
    pG: number,
    pCg: number,
    pBg: number,
    pEq: number,
    pC0: number,
    pC1: number,
    pList: number,
    pSt: number,
    w0: number,
    w1: number,
  ): number;
}

/** The signatures' version this file calls (wasm/summary-sums.as.ts's abi); bump both together. */
const ABI = 7;

/** The functions of {@link SweepWasm}, checked on the compiled module. */
const EXPORTS: readonly (keyof SweepWasm)[] = [
  'returns',
  'moments',
  'returns2',
  'moments2',
  'pairKeys',
  'rankCounts',
  'candidates',
  'advance2',
  'drawOne',
  'drawLanes',
];

const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: WasmModule | null | undefined;

/** The compiled module (once per thread), or null when it is missing or cannot run here. */
function module(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  // beside this file in dist/; from the source tree (tests, tsx) the build's copy in dist/
  for (const rel of ['./sweep.wasm', '../../dist/engine/core/sweep.wasm']) {
    const url = new URL(rel, import.meta.url);
    if (!existsSync(url)) continue;
    const bytes = readFileSync(url);
    if (api !== undefined && api.validate(bytes)) {
      const mod = new api.Module(bytes);
      // a module built from other sources (a stale dist/) is not used: JavaScript runs instead
      const names = new Set(api.Module.exports(mod).map((e) => e.name));
      const probe = () => (new api.Instance(mod, { env: { memory: new api.Memory({ initial: 1, maximum: 1 }) } }).exports.abi as () => number)();
      if (EXPORTS.every((n) => names.has(n)) && names.has('abi') && probe() === ABI) compiled = mod;
    }
    break;
  }
  return compiled;
}

/** True when the WebAssembly module can run in this process. */
export function wasmAvailable(): boolean {
  return module() !== null;
}

/** Largest scratch arena kept between calls, f64 values (32 MB). */
const SCRATCH_MAX = 4 * 1024 * 1024;

/** This thread's scratch arena (see WasmArena.scratch). */
let scratch: WasmArena | null = null;

/** One instance of the module with a fixed memory of `slots` f64 values handed out as views. */
export class WasmArena {
  readonly fn: SweepWasm;
  private readonly heap: Float64Array;
  private used = 0;

  private constructor(mod: WasmModule, slots: number) {
    const pages = Math.max(1, Math.ceil((8 * slots) / 65536));
    const memory = new api!.Memory({ initial: pages, maximum: pages });
    this.fn = new api!.Instance(mod, { env: { memory } }).exports as unknown as SweepWasm;
    this.heap = new Float64Array(memory.buffer);
  }

  /** An arena of at least `slots` f64 values, or null without the module. */
  static create(slots: number): WasmArena | null {
    const mod = module();
    return mod === null ? null : new WasmArena(mod, slots);
  }

  /**
   * An arena for one synchronous call (e.g. one PBO or one bootstrap): this thread's scratch
   * arena, reset and kept for the next call up to SCRATCH_MAX values (32 MB), so repeated calls
   * do not each allocate a memory; a larger request gets its own. Every view of an earlier
   * scratch call is stale afterwards. Null without the module.
   */
  static scratch(slots: number): WasmArena | null {
    if (slots > SCRATCH_MAX) return WasmArena.create(slots);
    if (scratch !== null && scratch.capacity >= slots) scratch.reset();
    else scratch = WasmArena.create(slots);
    return scratch;
  }

  /** A zero-filled view of n values in the arena; throws when the arena is full (a sizing bug, not user input). */
  alloc(n: number): Float64Array {
    if (this.used + n > this.heap.length) throw new Error(`wasm arena: ${n} values asked, ${this.heap.length - this.used} left`);
    const v = this.heap.subarray(this.used, this.used + n);
    this.used += n;
    return v;
  }

  /** A view in the arena holding a copy of `src`. */
  copyOf(src: ArrayLike<number>): Float64Array {
    const v = this.alloc(src.length);
    v.set(src);
    return v;
  }

  /** Number of f64 values the arena holds. */
  get capacity(): number {
    return this.heap.length;
  }

  /** Hands the memory out again from the start, zero-filled (every earlier view is then stale). */
  reset(): void {
    this.heap.fill(0, 0, this.used);
    this.used = 0;
  }

  /** True when `v` is a view into this arena. */
  owns(v: Float64Array): boolean {
    return v.buffer === this.heap.buffer;
  }
}

/** Byte offset of an arena view, the pointer the module's functions take. */
export const ptr = (v: Float64Array): number => v.byteOffset;
