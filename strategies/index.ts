import type { Strategy } from './define.js';
import buyHold from './buy-hold.js';
import fixedMix from './fixed-mix.js';
import weightsFile from './weights-file.js';

/** Built-in strategies by id, in the order `ratecycle list` shows them. */
export const BUILTINS: readonly Strategy[] = [buyHold, fixedMix, weightsFile] as unknown as Strategy[];

/** A built-in strategy by id, or undefined. */
export function builtin(id: string): Strategy | undefined {
  return BUILTINS.find((s) => s.id === id);
}
