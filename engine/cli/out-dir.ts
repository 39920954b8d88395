import { join } from 'node:path';

/** Default output folder `out/<name>-<UTC timestamp YYYYMMDD-HHMMSS>`. */
export function defaultOutDir(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return join('out', `${name}-${stamp}`);
}
