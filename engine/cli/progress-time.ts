import type { Options, TimeFormatter } from 'cli-progress';

/**
 * A progress bar's time formatter that shows "–" for an ETA not yet known. Before the first
 * sets finish, cli-progress's ETA is the text "INF", which its own formatter pads and cuts to
 * "NFs". Finite times go to `base` (cli-progress's `Format.TimeFormat`).
 *
 * @example withUnknownEta(TimeFormat)('INF', options, 5) // '–'
 */
export function withUnknownEta(base: TimeFormatter): TimeFormatter {
  return (t: number, options: Options, roundTo: number) => (typeof t === 'number' && Number.isFinite(t) ? base(t, options, roundTo) : '–');
}
