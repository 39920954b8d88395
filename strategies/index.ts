import type { Strategy } from './define.js';
import buyHold from './buy-hold.js';
import curve from './curve.js';
import fedRegime from './fed-regime.js';
import firstCutRotation from './first-cut-rotation.js';
import fixedMix from './fixed-mix.js';
import ismCycle from './ism-cycle.js';
import rateMomentum from './rate-momentum.js';
import relativeMomentum from './relative-momentum.js';
import rule from './rule.js';
import valuation from './valuation.js';
import vote, { setVoteRegistry } from './vote.js';
import weightsFile from './weights-file.js';

/** Built-in strategies by id, in the order `ratecycle list` shows them. */
export const BUILTINS: readonly Strategy[] = [
  buyHold,
  fixedMix,
  weightsFile,
  firstCutRotation,
  fedRegime,
  rateMomentum,
  ismCycle,
  relativeMomentum,
  curve,
  valuation,
  vote,
  rule,
] as unknown as Strategy[];
setVoteRegistry(BUILTINS);

/** A built-in strategy by id, or undefined. */
export function builtin(id: string): Strategy | undefined {
  return BUILTINS.find((s) => s.id === id);
}
