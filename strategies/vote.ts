import { UserError } from '../engine/core/errors.js';
import type { Strategy } from '../engine/strategy/define.js';
import { defineStrategy } from '../engine/strategy/define.js';
import { marketView } from '../engine/strategy/view.js';

function members(list: string, registry: readonly Strategy[]): Strategy[] {
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) throw new UserError('vote needs at least one member');
  return ids.map((id) => {
    if (id === 'vote') throw new UserError('vote cannot include itself');
    const s = registry.find((x) => x.id === id);
    if (!s) throw new UserError(`vote member "${id}" is not a built-in strategy (known: ${registry.map((x) => x.id).join(', ')})`);
    return s;
  });
}

function defaults(s: Strategy): Record<string, unknown> {
  return Object.fromEntries(Object.entries(s.params).map(([k, spec]) => [k, spec.default]));
}

let registry: readonly Strategy[] = [];
/** Called by the registry once every built-in is defined. */
export function setVoteRegistry(all: readonly Strategy[]): void {
  registry = all;
}

/** Combines other built-ins by majority or graded vote on their small-cap weight. */
export default defineStrategy({
  id: 'vote',
  name: 'Vote',
  description:
    'Idea: no single rate-cycle signal is reliable; a committee is steadier. Rule: each member (built-ins with their default parameters) votes with its small-cap share small / (small + large) (0 when it holds only cash); graded mode holds that average share rounded to `grid` (0.5 → 0/50/100 % small caps), majority mode holds small caps when more than half vote for them. The rest goes to large caps.',
  assets: ['small', 'large'],
  params: {
    members: { type: 'string', default: 'first-cut-rotation,fed-regime,ism-cycle,rate-momentum', description: 'comma-separated built-in strategy ids' },
    mode: { type: 'enum', values: ['graded', 'majority'], default: 'graded', description: 'graded share or majority' },
    grid: { type: 'number', default: 0.5, min: 0.05, max: 1, step: 0.05, description: 'rounding grid of the graded share' },
  },
  seriesFor: (p) => [...new Set(members(p.members, registry).flatMap((s) => [...(s.seriesFor ? s.seriesFor(defaults(s) as never) : s.series)]))],
  weights(view, p) {
    const T = view.length;
    const sum = new Float64Array(T);
    const count = new Float64Array(T);
    for (const m of members(p.members, registry)) {
      const w = m.weights(view as ReturnType<typeof marketView>, defaults(m) as never) as Record<string, Float64Array>;
      for (let t = 0; t < T; t++) {
        const s = w.small?.[t] ?? 0;
        const l = w.large?.[t] ?? 0;
        if (s !== s || l !== l) continue;
        sum[t] += s + l > 0 ? s / (s + l) : 0;
        count[t] += 1;
      }
    }
    const small = new Float64Array(T);
    const large = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      if (count[t] === 0) {
        small[t] = NaN;
        large[t] = NaN;
        continue;
      }
      const avg = sum[t] / count[t];
      const share = p.mode === 'majority' ? (avg > 0.5 ? 1 : 0) : Math.min(1, Math.round(avg / p.grid + 1e-9) * p.grid);
      small[t] = share;
      large[t] = 1 - share;
    }
    return { small, large };
  },
});
