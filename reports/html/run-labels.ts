import type { RunData } from '../read-run.js';

/** Display label of an asset of a run: its role (small/large caps, bonds) and id, or the id alone. */
export function assetLabel(run: RunData, asset: string): string {
  const u = run.manifest.universe;
  return asset === u.small ? `small caps (${asset})` : asset === u.large ? `large caps (${asset})` : asset === u.bonds ? `bonds (${asset})` : asset;
}

/** The series of a run's analysis files, in column order: the strategy, then every asset of the universe. */
export function seriesOf(run: RunData): { key: string; label: string }[] {
  return [{ key: 'strategy', label: 'strategy' }, ...run.manifest.universe.assets.map((a) => ({ key: a, label: assetLabel(run, a) }))];
}
