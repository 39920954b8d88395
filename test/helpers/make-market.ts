// The builder ships as `ratecycle/testing`; the project's own tests use the same code.
export { makeMarket, monthEnds, weekdays, type FakeMarketInput } from '../../engine/testing/make-market.js';
