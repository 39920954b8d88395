import { withUnknownEta } from './progress-time.js';

/** What a sweep reports its progress to, and how long it has run. */
export interface SweepProgress {
  /** Called by the sweep with the sets done and the total. */
  onProgress: (done: number, total: number) => void;
  /** Stops the bar (call once the sweep returns or throws). */
  stop: () => void;
  /** Seconds since the progress started. */
  seconds: () => number;
}

/** The line printed at each tenth of a sweep when stderr is not a terminal; `rate` in sets per second. */
export function progressLine(done: number, total: number, rate: string): string {
  return `sweep: ${done}/${total} sets (${Math.round((done / total) * 100)}%), ${rate} sets/s\n`;
}

/**
 * The progress of a sweep on stderr: on a terminal a bar with the sets done, the ETA and the
 * rate (sets per second since the start); otherwise one line per tenth of the sets done.
 */
export async function sweepProgress(): Promise<SweepProgress> {
  const tty = Boolean(process.stderr.isTTY);
  const { default: cliProgress } = await import('cli-progress');
  const bar = tty
    ? new cliProgress.SingleBar(
        {
          format: 'sweep [{bar}] {percentage}% | {value}/{total} sets | ETA {eta_formatted} | {rate} sets/s',
          formatTime: withUnknownEta(cliProgress.Format.TimeFormat),
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = Date.now();
  let lastPrinted = -1;
  let barStarted = false;
  const onProgress = (done: number, total: number) => {
    const rate = (done / Math.max(1e-3, (Date.now() - started) / 1000)).toFixed(0);
    if (bar) {
      if (!barStarted) bar.start(total, done, { rate });
      barStarted = true;
      bar.update(done, { rate });
    } else {
      const decile = Math.floor((done / total) * 10);
      if (decile !== lastPrinted && done > 0) {
        lastPrinted = decile;
        process.stderr.write(progressLine(done, total, rate));
      }
    }
  };
  return { onProgress, stop: () => bar?.stop(), seconds: () => (Date.now() - started) / 1000 };
}
