/** Statistical inference: pure functions over typed arrays, seeded, each citing its source. */
export { describeSample, type SampleSummary } from './describe-sample.js';
export { quantileSorted } from './quantile-sorted.js';
export { percentileInterval, type Interval } from './percentile-interval.js';
export { bootstrapMean, DEFAULT_DRAWS, type BootstrapOptions } from './bootstrap-mean.js';
export { stationaryBootstrapMeans, stationaryBootstrapSums, type StationaryBootstrapOptions } from './stationary-bootstrap.js';
export { optimalBlockLength } from './block-length.js';
export { placeboTest, type PlaceboResult } from './placebo-test.js';
export { signTest } from './sign-test.js';
export { neweyWestLag } from './newey-west-lag.js';
export { neweyWestMean, type HacMean } from './newey-west-mean.js';
export { neweyWestGroupMean } from './newey-west-group-mean.js';
export { neweyWestOls, type HacRegression } from './newey-west-ols.js';
export { predictiveRegression, type PredictiveOptions, type PredictiveRegression } from './predictive-regression.js';
export { fittedWithInterval } from './prediction-interval.js';
export { neweyWestContrast } from './newey-west-contrast.js';
export { clusteredPlaceboTest } from './clustered-placebo-test.js';
export { meanInference, type MeanInference } from './mean-inference.js';
