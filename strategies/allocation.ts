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

/**
 * Per-bar small and large weights from a signal: `on` where the signal is 1, `off` where
 * 0, and `unknown` where it is NaN (the signal cannot be computed yet or its data is stale).
 */
export function fromSignal(signal: ArrayLike<number>, on: string, off: string, unknown: string = off): { small: Float64Array; large: Float64Array } {
  const T = signal.length;
  const small = new Float64Array(T);
  const large = new Float64Array(T);
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
