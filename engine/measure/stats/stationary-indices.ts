/**
 * One stationary-bootstrap resample of the positions 0 … T − 1 (Politis & Romano 1994):
 * blocks start at a uniformly drawn position, continue with probability 1 − 1/blockLength
 * at each step (geometric lengths with mean `blockLength`) and wrap around the end. Writes
 * T positions into `out` and returns it; `rnd` is a uniform generator on [0, 1).
 *
 * @example stationaryIndices(120, 6, mulberry32(1), new Int32Array(120)) // Int32Array of positions
 */
export function stationaryIndices(T: number, blockLength: number, rnd: () => number, out: Int32Array): Int32Array {
  const stay = 1 - 1 / Math.max(1, blockLength);
  let pos = 0;
  for (let i = 0; i < T; i++) {
    pos = i === 0 || rnd() >= stay ? Math.floor(rnd() * T) : pos + 1 === T ? 0 : pos + 1;
    out[i] = pos;
  }
  return out;
}
