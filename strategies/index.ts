import { didYouMean } from '../engine/core/did-you-mean.js';
import { UserError } from '../engine/core/errors.js';
import type { Strategy } from '../engine/strategy/define.js';
import { trustStrategies } from '../engine/strategy/evaluate.js';
import { loadStrategyFile, looksLikePath, type LoadedStrategy } from '../engine/strategy/load-strategy.js';
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
// the built-ins read the market's own columns (they never write into their view; test/strategy/isolation.test.ts checks it)
trustStrategies(BUILTINS);

/** A built-in strategy by id, or undefined. */
export function builtin(id: string): Strategy | undefined {
  return BUILTINS.find((s) => s.id === id);
}

/**
 * Loads a strategy: a built-in by id, or a user's strategy file by path (see loadStrategyFile).
 * An id that is neither gets one line with the nearest built-in.
 *
 * @example await loadStrategy('first-cut-rotation') // { strategy }
 * @example await loadStrategy('./my-idea.ts') // { strategy, file }
 */
export async function loadStrategy(ref: string): Promise<LoadedStrategy> {
  const b = builtin(ref);
  if (b && !looksLikePath(ref)) return { strategy: b };
  if (!looksLikePath(ref)) {
    const ids = BUILTINS.map((s) => s.id);
    const near = didYouMean(ref, ids);
    throw new UserError(`unknown strategy "${ref}"${near ? ` (did you mean ${near}?)` : ''}; built-ins: ${ids.join(', ')} (or give a path to a .ts file)`);
  }
  return loadStrategyFile(ref);
}
