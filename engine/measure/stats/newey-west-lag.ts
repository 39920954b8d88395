/**
 * Default Newey–West truncation lag floor(4 (T/100)^(2/9)) (Newey & West 1994; the rule
 * used by Stata's `newey` guides and statsmodels' examples).
 *
 * @example neweyWestLag(100) // 4
 */
export function neweyWestLag(T: number): number {
  return T > 0 ? Math.floor(4 * Math.pow(T / 100, 2 / 9)) : 0;
}
