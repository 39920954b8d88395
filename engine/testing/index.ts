/**
 * `ratecycle/testing`: a small hand-made market for tests of a strategy's weights (the
 * builder ratecycle's own tests use), calendars to build it from, and the weights per asset.
 *
 * @example
 * import { makeMarket, monthEnds, weightsOf } from 'ratecycle/testing';
 */
export { makeMarket, monthEnds, weekdays, type FakeMarketInput } from './make-market.js';
export { weightsOf } from './weights-of.js';
