import type { Market } from '../core/types.js';
import type { Strategy } from '../strategy/define.js';
import { auditStrategy, type AuditOptions, type AuditResult } from '../strategy/audit.js';
import { parseParams } from '../strategy/params.js';

/**
 * The look-ahead audit of a strategy on a market (see auditStrategy), with parameters as
 * `name=value` pairs or an object (missing ones take their defaults), for tests.
 *
 * @example expect(auditOf(strategy, market).ok).toBe(true)
 */
export function auditOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any strategy, whatever its parameter specs
  strategy: Strategy<string, string, any>,
  market: Market,
  params: readonly string[] | Record<string, string | number | boolean> = [],
  options: AuditOptions = {},
): AuditResult {
  const values = parseParams(strategy.params, params, strategy.id) as Record<string, unknown>;
  return auditStrategy(strategy as Strategy, market, values, options);
}
