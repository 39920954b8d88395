/** Block sums of a returns matrix: what every CSCV split is computed from. */
export interface CscvBlocks {
  /** Number of blocks S (even). */
  blocks: number;
  /** Observations per block L. */
  length: number;
  /** Observations dropped at the start so that S divides the rest. */
  dropped: number;
  /** Trials kept (rows with only finite values). */
  trials: number;
  /**
   * Distinct trials among them: rows with the same block sums (e.g. parameter sets that trade
   * alike) behave identically in every split, so each distinct one is kept once with its
   * number of rows as its weight in the rankings: the same result, at the cost of the distinct.
   */
  distinct: number;
  /** Row number (in the input) of each distinct trial's first row, in row order. */
  rows: Int32Array;
  /** Rows per distinct trial. */
  weight: Float64Array;
  /** Σx per block and distinct trial, block-major: sum[b·capacity + k]. */
  sum: Float64Array;
  /** Σx² per block and distinct trial, block-major. */
  sumSq: Float64Array;
  /** Trials the arrays have room for. */
  capacity: number;
}
