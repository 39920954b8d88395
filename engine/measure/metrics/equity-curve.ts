/** Moved to engine/core/equity-curve.ts (the market layer compounds with it too); kept while the sweep workflow still imports it from here. */
export { equityCurve } from '../../core/equity-curve.js';
