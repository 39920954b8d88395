/** Formats a value of a metric unit the way a finance reader expects. */
export function formatValue(value: number | string | null | undefined, unit: string): string {
  if (value === null || value === undefined || value === '') return '–';
  if (unit === 'date') return String(value);
  const x = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(x)) return '–';
  switch (unit) {
    case 'fraction':
      return formatPercent(x);
    case 'count':
    case 'days':
      return Math.round(x).toLocaleString('en-US');
    default:
      return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
}

/** Fraction as a percentage with 2 decimals and thousands separators ("1,234.56%"). */
export function formatPercent(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return `${(x * 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
}
