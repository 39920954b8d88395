/**
 * The rows that may serve as analogues of a state in cycle direction `direction` at horizon h,
 * as known at row `upto`: rows i of the same direction whose outcome over the next h months is
 * complete by then (i + h ≤ upto) and below `before` (the target row itself, and later ones,
 * never count).
 *
 * @example candidateRows(Int8Array.of(1, -1, 1, 1, 1), 1, 12, 4) // rows of direction 1 with i + 12 ≤ 4: none
 */
export function candidateRows(direction: Int8Array, dir: number, h: number, upto: number, before = upto + 1): Int32Array {
  const out: number[] = [];
  const last = Math.min(upto - h, before - 1, direction.length - 1);
  for (let i = 0; i <= last; i++) if (direction[i] === dir) out.push(i);
  return Int32Array.from(out);
}
