/**
 * `ratecycle/testing`: a small hand-made market for tests of a strategy's weights (the
 * builder ratecycle's own tests use), calendars to build it from, the weights per asset and
 * the look-ahead audit.
 *
 * @example
 * import { auditOf, makeMarket, monthEnds, weightsOf } from 'ratecycle/testing';
 */
export { makeMarket, monthEnds, weekdays, type FakeMarketInput } from './make-market.js';
export { weightsOf } from './weights-of.js';
export { auditOf } from './audit-of.js';
