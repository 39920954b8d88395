/** The metric sweeps and walk-forward rank by when none is named. */
export const DEFAULT_METRIC = 'sharpe';

/**
 * A metric's key in code (camelCase, as in `Metrics`) from its name in files and flags
 * (snake_case, e.g. `max_drawdown`); a camelCase name is returned as it is.
 *
 * @example metricKey('max_drawdown') // 'maxDrawdown'
 */
export function metricKey(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A metric's column name in files (snake_case) from its key in code (camelCase).
 *
 * @example metricColumn('maxDrawdown') // 'max_drawdown'
 */
export function metricColumn(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
