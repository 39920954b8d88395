/**
 * Returns of a constant-maturity Treasury bond from its yield, as used by `data/build.ts`
 * for `bonds_10y`. Pure functions; yields are fractions per year (0.045 = 4.5 %), bond
 * equivalent (semiannual compounding), like FRED's DGS10 divided by 100.
 */

/**
 * Modified duration of a par bond with semiannual coupons: (1 − (1 + y/2)^(−2N)) / y.
 * Source: Swinkels (2019), "Treasury Bond Return Data Starting in 1962", Data 4(3), eq. 2.
 *
 * @example parBondDuration(0.04, 10) // ≈ 8.18
 */
export function parBondDuration(y: number, years: number): number {
  if (y === 0) return years; // limit y → 0
  return (1 - (1 + y / 2) ** (-2 * years)) / y;
}

/**
 * Convexity of a par bond with semiannual coupons:
 * (2 / y²)(1 − (1 + y/2)^(−2N)) − 2N / (y (1 + y/2)^(2N+1)).
 * Source: Swinkels (2019), "Treasury Bond Return Data Starting in 1962", Data 4(3), eq. 3.
 *
 * @example parBondConvexity(0.04, 10) // ≈ 78.9
 */
export function parBondConvexity(y: number, years: number): number {
  if (y === 0) return years * years + years / 2; // limit y → 0 of the expression (semiannual steps)
  const v = 1 + y / 2;
  return (2 / (y * y)) * (1 - v ** (-2 * years)) - (2 * years) / (y * v ** (2 * years + 1));
}

/**
 * Total return over one step of a bond bought at par at yield `y0` and valued at yield `y1`
 * after `days` calendar days: carry y0 × days/365, minus duration × Δy, plus ½ convexity × Δy²
 * (the bond is sold and a new par bond bought at each step: constant maturity, no roll-down).
 * Source: Swinkels (2019), "Treasury Bond Return Data Starting in 1962", Data 4(3), eq. 1.
 *
 * @example parBondReturn(0.04, 0.041, 1, 10) // ≈ -0.0080 (a 10 bp rise costs ≈ 8 × 0.1 %)
 */
export function parBondReturn(y0: number, y1: number, days: number, years: number): number {
  const dy = y1 - y0;
  return (y0 * days) / 365 - parBondDuration(y0, years) * dy + 0.5 * parBondConvexity(y0, years) * dy * dy;
}

/**
 * Exact price per 1 of face of a bond with semiannual coupon rate `coupon` and `years` to
 * maturity (a whole number of half years) at yield `y`: the discounted cash flows. Used by
 * the tests to check the duration/convexity approximation.
 */
export function bondPrice(coupon: number, y: number, years: number): number {
  const n = Math.round(years * 2);
  let p = 0;
  for (let k = 1; k <= n; k++) p += coupon / 2 / (1 + y / 2) ** k;
  return p + 1 / (1 + y / 2) ** n;
}
