/** Set by the first Ctrl-C: a long job reads it between tasks and stops after the ones in flight. */
export interface StopSignal {
  stopped: boolean;
}

/**
 * Handles Ctrl-C (SIGINT) while a long job runs: the first sets `signal.stopped` and says on
 * stderr that the job stops after the tasks in flight; the second exits at once with code 130.
 * Call `release` when the job is over (in a `finally`) to restore the default handling.
 *
 * @example const { signal, release } = stopOnInterrupt(); try { await job({ signal }); } finally { release(); }
 */
export function stopOnInterrupt(): { signal: StopSignal; release: () => void } {
  const signal: StopSignal = { stopped: false };
  const onSigint = () => {
    if (signal.stopped) process.exit(130);
    signal.stopped = true;
    process.stderr.write('\nstopping after the tasks in flight (Ctrl-C again to abort)…\n');
  };
  process.on('SIGINT', onSigint);
  return { signal, release: () => process.off('SIGINT', onSigint) };
}
