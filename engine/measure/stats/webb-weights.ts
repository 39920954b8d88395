/**
 * Webb's six-point distribution for the wild bootstrap: ±√(3/2), ±1, ±√(1/2), each with
 * probability 1/6 (mean 0, variance 1, fourth moment 7/6). With few clusters it gives
 * 6^G distinct draws where Rademacher weights give 2^G (Webb 2023, "Reworking wild
 * bootstrap-based inference for clustered errors", Canadian Journal of Economics 56).
 *
 * @example WEBB_WEIGHTS // [−1.2247…, −1, −0.7071…, 0.7071…, 1, 1.2247…]
 */
export const WEBB_WEIGHTS: readonly number[] = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];
