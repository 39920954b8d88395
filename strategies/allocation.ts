import { UserError } from '../engine/errors.js';

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
  const w1 = allocationWithBonds(on);
  const w0 = allocationWithBonds(off);
  const wu = allocationWithBonds(unknown);
  for (let t = 0; t < T; t++) {
    const x = signal[t];
    const w = x !== x ? wu : x ? w1 : w0;
    small[t] = w[0];
    large[t] = w[1];
    bonds[t] = w[2];
  }
  return { small, large, bonds };
}

/**
 * Per-bar small and large weights from a signal: `on` where the signal is 1, `off` where
 * 0, and `unknown` where it is NaN (the signal cannot be computed yet or its data is stale).
 * Written into `out` when given (the signal may be one of its columns: each bar is read
 * before it is written).
 */
export function fromSignal(signal: ArrayLike<number>, on: string, off: string, unknown: string = off, out?: { small: Float64Array; large: Float64Array }): { small: Float64Array; large: Float64Array } {
  const T = signal.length;
  const small = out?.small ?? new Float64Array(T);
  const large = out?.large ?? new Float64Array(T);
  const [s1, l1] = allocation(on);
  const [s0, l0] = allocation(off);
  const [su, lu] = allocation(unknown);
  for (let t = 0; t < T; t++) {
    const x = signal[t];
    if (x !== x) {
      small[t] = su;
      large[t] = lu;
    } else if (x) {
      small[t] = s1;
      large[t] = l1;
    } else {
      small[t] = s0;
      large[t] = l0;
    }
  }
  return { small, large };
}
