import type { Studies } from './studies.js';
import type { CsvSink } from '../../formats/run-folder.js';

/**
 * Writes events-path.csv: the average cumulative small − large path from 3 months before to
 * 24 months after the first cuts, with its bootstrap band and placebo band (see eventPath); and
 * strategy-inference.csv: the strategy's annualized mean return over cash, over large caps and
 * over small caps, each with its Newey–West t and block-bootstrap 95 % interval (both computed
 * by computeStudies). `put` writes each file.
 */
export function writeInferenceFiles(put: CsvSink, r: Pick<Studies, 'eventPath' | 'inference'>): void {
  const p = r.eventPath;
  put(
    'events-path.csv',
    ['offset_months', 'n', 'mean', 'boot_low', 'boot_high', 'placebo_low', 'placebo_high'],
    p.offsets.map((m, k) => [m, p.n[k], p.mean[k], p.bootLow[k], p.bootHigh[k], p.placeboLow[k], p.placeboHigh[k]]),
  );
  put(
    'strategy-inference.csv',
    ['versus', 'n', 'mean_ann', 'nw_t', 'nw_lag', 'ci_low', 'ci_high', 'block_length'],
    r.inference.map((m) => [m.versus, m.n, m.estimate, m.t, m.lag, m.ciLow, m.ciHigh, m.blockLength]),
  );
}
