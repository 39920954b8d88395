/**
 * {@link summarySums} in WebAssembly with SIMD (wasm/summary-sums.as.ts, built by `npm run
 * build`): about twice as fast as the JavaScript passes, same bits (a test compares them on
 * random curves, ruin included). The curve must be written into the instance's own `equity`
 * view; cash and benchmark are copied in once. Falls back to nothing (null) where the module
 * was not built or the runtime has no WebAssembly SIMD, and callers use the JavaScript pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SUM_COUNT } from './summary-sums.js';

type SumsFn = (T: number, initial: number, pEq: number, pCash: number, pDb: number, pRx: number, pOut: number) => void;

/** The part of the WebAssembly API used here (Node has it; the compiler's ES libraries do not declare it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => WasmModule;
  Memory: new (size: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
  Instance: new (mod: WasmModule, imports: object) => { exports: Record<string, unknown> };
}
type WasmModule = { readonly compiled: unique symbol };

const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
let compiled: WasmModule | null | undefined;

/** The compiled module (once per thread), or null when it is missing or cannot run here. */
function module(): WasmModule | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  // beside this file in dist/; from the source tree (tests, tsx) the build's copy in dist/
  for (const rel of ['./wasm/summary-sums.wasm', '../../dist/engine/metrics/wasm/summary-sums.wasm']) {
    const url = new URL(rel, import.meta.url);
    if (!existsSync(url)) continue;
    const bytes = readFileSync(url);
    if (api !== undefined && api.validate(bytes)) compiled = new api.Module(bytes);
    break;
  }
  return compiled;
}

/** True when the WebAssembly sums can run in this process. */
export function wasmSumsAvailable(): boolean {
  return module() !== null;
}

/** One instance over one market's bars: its memory holds the curve, cash, benchmark and scratch. */
export class WasmSums {
  /** Write the equity curve here (length T) before calling {@link sums}. */
  readonly equity: Float64Array;
  private readonly out: Float64Array;
  private readonly fn: SumsFn;
  private readonly T: number;

  private constructor(mod: WasmModule, cash: Float64Array, db: Float64Array) {
    const T = cash.length;
    const bytes = 8 * (5 * T + SUM_COUNT);
    const pages = Math.ceil(bytes / 65536);
    const memory = new api!.Memory({ initial: pages, maximum: pages });
    const inst = new api!.Instance(mod, { env: { memory } });
    this.fn = inst.exports.summarySums as SumsFn;
    const heap = new Float64Array(memory.buffer);
    this.T = T;
    this.equity = heap.subarray(0, T);
    heap.set(cash, T);
    heap.set(db, 2 * T);
    this.out = heap.subarray(5 * T, 5 * T + SUM_COUNT);
  }

  /** An instance for these bars (cash returns and centred benchmark excess returns), or null without WebAssembly. */
  static create(cash: Float64Array, db: Float64Array): WasmSums | null {
    const mod = module();
    return mod === null ? null : new WasmSums(mod, cash, db);
  }

  /** The sums of the curve in {@link equity} started at `initial` (a view, overwritten by the next call). */
  sums(initial: number): Float64Array {
    const T = this.T;
    this.fn(T, initial, 0, 8 * T, 16 * T, 24 * T, 40 * T);
    return this.out;
  }
}
