import type { CatalogEntry } from '../../core/types.js';

/**
 * Whether a price or return series includes dividends: the entry's `basis` when it has one
 * (`ratecycle data add` records it), else read from its description and units: `price` for a
 * price index (no dividends), `total` for a total return (dividend adjusted, dividends
 * reinvested, T-bill or bond returns), `undefined` when the catalog does not say.
 *
 * @example returnBasis({ kind: 'price', description: 'S&P 500 index level, price index (no dividends)', … }) // 'price'
 */
export function returnBasis(entry: Pick<CatalogEntry, 'kind' | 'units' | 'description' | 'basis'>): 'price' | 'total' | undefined {
  if (entry.basis) return entry.basis;
  const text = `${entry.description ?? ''} ${entry.units}`.toLowerCase();
  if (/price index|no dividends|price return|without dividends/.test(text)) return 'price';
  if (/total[- ]return|dividend[- ]adjusted|dividends reinvested|t-bill|treasury|bond/.test(text)) return 'total';
  return undefined;
}
