/** A download layout that `ratecycle data add` converts. */
export type DownloadFormat = 'yahoo' | 'fred' | 'stooq' | 'tidy';

/** The formats, in the order `--format` lists them. */
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ['yahoo', 'fred', 'stooq', 'tidy'];

const lower = (h: readonly string[]) => h.map((x) => x.trim().toLowerCase());

/**
 * The format of a download from its header (and, for yfinance's three-line header, its
 * second line):
 * - `yahoo`: `Date,Open,High,Low,Close,Adj Close,Volume` (Yahoo Finance's download) or
 *   yfinance's `Price,…` / `Ticker,…` / `Date,…` header;
 * - `fred`: `observation_date,<SERIES>` (fredgraph.csv) or `DATE,<SERIES>` (older files);
 * - `stooq`: `Date,Open,High,Low,Close[,Volume]` (stooq.com) or the bulk files'
 *   `<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,…,<CLOSE>,…`;
 * - `tidy`: `date,<value columns…>` (ratecycle's own layout) or pandas' `Date,<columns…>`.
 * Returns undefined when none matches.
 */
export function detectFormat(header: readonly string[], secondLine?: readonly string[]): DownloadFormat | undefined {
  const h = lower(header);
  if (h[0] === 'price' && secondLine && secondLine[0]?.trim().toLowerCase() === 'ticker') return 'yahoo';
  if (h.includes('adj close')) return 'yahoo';
  if (h[0] === 'observation_date' && h.length >= 2) return 'fred';
  if (header[0] === 'DATE' && h.length === 2) return 'fred';
  if (h.includes('<date>') && h.includes('<close>')) return 'stooq';
  if (h[0] === 'date' && ['open', 'high', 'low', 'close'].every((c) => h.includes(c))) return 'stooq';
  if (h[0] === 'date' && h.length >= 2) return 'tidy';
  return undefined;
}
