/**
 * Module resolution hooks (node:module register) that map the specifiers `ratecycle` and
 * `ratecycle/<subpath>` to the running copy of ratecycle; see registerSelfReference.
 */
let map: Record<string, string> = {};

/** Receives the specifier → file URL map. */
export function initialize(data: Record<string, string>): void {
  map = data ?? {};
}

type Next = (specifier: string, context: unknown) => Promise<{ url: string }>;

/** Resolves `ratecycle` imports to the running copy; everything else as usual. */
export async function resolve(specifier: string, context: unknown, next: Next): Promise<{ url: string; shortCircuit?: boolean }> {
  const url = map[specifier];
  if (url) return { url, shortCircuit: true };
  return next(specifier, context);
}
