/** The tiny hand-checked series of the metrics tests. */
import { parseIsoDay } from '../../../engine/core/dates.js';

export const days = (...iso: string[]): Int32Array => Int32Array.from(iso.map(parseIsoDay));

/**
 * Five bars, Monday 2021-01-04 to Friday 2021-01-08: returns (bars 1–4) +10 %, −20 %, +5 %, +10 %;
 * cash 0.1 % a bar; benchmark +5 %, −10 %, 0, +5 %. Equity 1, 1.1, 0.88, 0.924, 1.0164.
 */
export const FIVE = {
  dates: days('2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08'),
  returns: Float64Array.of(0, 0.1, -0.2, 0.05, 0.1),
  cash: Float64Array.of(0, 0.001, 0.001, 0.001, 0.001),
  benchmark: Float64Array.of(0, 0.05, -0.1, 0, 0.05),
};

/** Plain-array helpers for writing the arithmetic out in tests. */
export const sum = (x: number[]): number => x.reduce((a, b) => a + b, 0);
export const avg = (x: number[]): number => sum(x) / x.length;
