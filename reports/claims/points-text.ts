/** A return difference in points with one decimal and its sign ("+2.4", "−0.7", "0.0"); "–" when not finite. */
export function pointsText(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const s = Math.abs(x * 100).toFixed(1);
  return `${Number(s) === 0 ? '' : x > 0 ? '+' : '−'}${s}`;
}

/** A p-value with three decimals ("< 0.001" below); "–" when not finite. */
export const pValueText = (p: number): string => (!Number.isFinite(p) ? '–' : p < 0.001 ? '< 0.001' : p.toFixed(3));
