import { UserError } from '../core/errors.js';

/** The (small, large) weights of a named allocation. */
export function allocation(name: string): [number, number] {
  switch (name) {
    case 'small':
      return [1, 0];
    case 'large':
      return [0, 1];
    case 'cash':
      return [0, 0];
    case 'mix':
      return [0.5, 0.5];
    default:
      throw new UserError(`unknown allocation "${name}" (use small, large, cash or mix)`);
  }
}

/** The (small, large, bonds) weights of a named allocation: {@link allocation}'s, or all in `bonds`. */
export function allocationWithBonds(name: string): [number, number, number] {
  if (name === 'bonds') return [0, 0, 1];
  const [s, l] = allocation(name);
  return [s, l, 0];
}

/**
 * Writes the weights of an on/off/unknown allocation into weight columns run by run: bars
 * [from, to) of each column get one allocation's weight with a single `fill` (signals change
 * rarely, so a few long runs cover all bars). The weights are scalars read once, never per bar.
 * When the columns are known to be zero-filled (`zeroed`: the engine's `out` of
 * Strategy.weights, or fresh arrays), runs of weight 0 are left as they are.
 */
export class RunWriter {
  private readonly s: Float64Array;
  private readonly l: Float64Array;
  private readonly b: Float64Array | undefined;
  private readonly s0: number;
  private readonly l0: number;
  private readonly b0: number;
  private readonly s1: number;
  private readonly l1: number;
  private readonly b1: number;
  private readonly su: number;
  private readonly lu: number;
  private readonly bu: number;

  /** `on`, `off` and `unknown` as (small, large, bonds) weights; `bonds` is written only when given. */
  constructor(
    on: readonly number[],
    off: readonly number[],
    unknown: readonly number[],
    small: Float64Array,
    large: Float64Array,
    bonds?: Float64Array,
    private readonly zeroed = false,
  ) {
    this.s = small;
    this.l = large;
    this.b = bonds;
    [this.s1, this.l1, this.b1 = 0] = on;
    [this.s0, this.l0, this.b0 = 0] = off;
    [this.su, this.lu, this.bu = 0] = unknown;
  }

  private from = 0;
  private state = -1;

  /**
   * Bar t has signal state `state` (bars given in increasing order from 0): when the state
   * changes, the run before t is written. Every bar of a run is read before the run is written.
   */
  mark(t: number, state: number): void {
    if (state === this.state) return;
    if (t > 0) this.run(this.state, this.from, t);
    this.from = t;
    this.state = state;
  }

  /** Writes the last run, up to bar T (the column length). */
  end(T: number): void {
    if (T > 0) this.run(this.state, this.from, T);
  }

  /** Bars [from, to) get the allocation of signal state `state`: 0 off, 1 on, 2 unknown. */
  run(state: number, from: number, to: number): void {
    const s = state === 0 ? this.s0 : state === 1 ? this.s1 : this.su;
    const l = state === 0 ? this.l0 : state === 1 ? this.l1 : this.lu;
    const b = state === 0 ? this.b0 : state === 1 ? this.b1 : this.bu;
    const z = this.zeroed;
    put(this.s, s, from, to, z);
    put(this.l, l, from, to, z);
    if (this.b !== undefined) put(this.b, b, from, to, z);
  }
}

/** `col[from..to) = x` (nothing to do for +0 in a zero-filled column): a loop for short runs, `fill` (a native call) for long ones. */
function put(col: Float64Array, x: number, from: number, to: number, zeroed: boolean): void {
  if (zeroed && Object.is(x, 0)) return;
  if (to - from < 16) for (let t = from; t < to; t++) col[t] = x;
  else col.fill(x, from, to);
}

/** Cuts `signal` into runs of equal state and writes each with `w` (each run is read before it is written). */
export function writeRuns(signal: ArrayLike<number>, w: RunWriter): void {
  const T = signal.length;
  for (let t = 0; t < T; t++) {
    const x = signal[t];
    w.mark(t, x !== x ? 2 : x ? 1 : 0); // 2 unknown (NaN), 1 on (any other truthy value), 0 off
  }
  w.end(T);
}

/**
 * {@link fromSignal} with a bonds leg: allocations may also be `bonds` (the universe's bonds
 * asset); the bonds weights are 0 wherever no allocation in use is `bonds`. Written into
 * `out` when given (the signal may be one of its columns: each bar is read before it is written).
 */
export function fromSignalWithBonds(
  signal: ArrayLike<number>,
  on: string,
  off: string,
  unknown: string = off,
  out?: { small: Float64Array; large: Float64Array; bonds: Float64Array },
): { small: Float64Array; large: Float64Array; bonds: Float64Array } {
  const T = signal.length;
  const small = out?.small ?? new Float64Array(T);
  const large = out?.large ?? new Float64Array(T);
  const bonds = out?.bonds ?? new Float64Array(T);
  writeRuns(signal, new RunWriter(allocationWithBonds(on), allocationWithBonds(off), allocationWithBonds(unknown), small, large, bonds));
  return { small, large, bonds };
}

/**
 * Per-bar small and large weights from a signal: `on` where the signal is 1, `off` where
 * 0, and `unknown` where it is NaN (the signal cannot be computed yet or its data is stale).
 * Written into `out` when given (the signal may be one of its columns: each bar is read
 * before it is written).
 */
export function fromSignal(
  signal: ArrayLike<number>,
  on: string,
  off: string,
  unknown: string = off,
  out?: { small: Float64Array; large: Float64Array },
): { small: Float64Array; large: Float64Array } {
  const T = signal.length;
  const small = out?.small ?? new Float64Array(T);
  const large = out?.large ?? new Float64Array(T);
  writeRuns(signal, new RunWriter(allocation(on), allocation(off), allocation(unknown), small, large));
  return { small, large };
}
