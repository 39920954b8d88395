import { createRequire } from 'node:module';
import { didYouMean } from '../engine/core/did-you-mean.js';
import { UserError } from '../engine/core/errors.js';
import { allocation } from '../engine/strategy/allocation.js';
import { defineStrategy } from '../engine/strategy/define.js';
import { momentum } from '../engine/strategy/signals.js';

/** Names a rule can use besides catalog series (which are loaded on demand). */
const BUILTIN_NAMES = ['fed_phase', 'easing', 'tightening', 'hold', 'policy_rate', 'months_since_first_cut', 'first_cut', 'small_mom_12m', 'large_mom_12m'];
/** Shipped series a rule commonly reads; any series of the loaded catalog works (each joined as of its publication date). */
export const RULE_SERIES = ['ism_pmi', 't10y2y', 'ust_10y', 'ust_2y', 'tbill_3m', 'tbill_3m_monthly', 'cpi', 'recession', 'fed_funds'] as const;

type MathNode = {
  traverse(cb: (n: { isSymbolNode?: boolean; name?: string }) => void): void;
  compile(): { evaluate(scope: Record<string, unknown>): unknown };
};
let mathjs: { parse(expr: string): MathNode } | undefined;

/** mathjs costs ~0.5–0.8 s to load, so it is required on first use only (sync, so weights() stays synchronous). */
function math() {
  mathjs ??= createRequire(import.meta.url)('mathjs') as typeof mathjs;
  return mathjs!;
}

const cache = new Map<string, { node: MathNode; names: string[] }>();

/**
 * Parses a rule once: quoted phase names become the constants easing/hold/tightening. With
 * `series` (the ids of the loaded catalog), a name that is neither built in nor a series is
 * refused with the known names; without it, every other name is taken as a series id.
 */
function parseRule(expr: string, series?: readonly string[]): { node: MathNode; names: string[] } {
  let hit = cache.get(expr);
  if (!hit) {
    const text = expr.replace(/(["'])(easing|tightening|hold)\1/g, '$2');
    let node: MathNode;
    try {
      node = math().parse(text);
    } catch (e) {
      throw new UserError(`rule "${expr}" does not parse: ${(e as Error).message}`);
    }
    const names = new Set<string>();
    node.traverse((n) => {
      if (n.isSymbolNode && n.name) names.add(n.name);
    });
    hit = { node, names: [...names] };
    cache.set(expr, hit);
  }
  if (series) {
    const known = [...BUILTIN_NAMES, ...series];
    const unknown = hit.names.filter((n) => !known.includes(n));
    if (unknown.length) {
      const near = didYouMean(unknown[0], known);
      throw new UserError(`rule "${expr}": unknown name ${unknown.join(', ')}${near ? ` (did you mean ${near}?)` : ''}; known names: ${known.join(', ')}`);
    }
  }
  return hit;
}

/** Names of a parsed rule that are series (not built in). */
const seriesNames = (names: readonly string[]) => names.filter((n) => !BUILTIN_NAMES.includes(n));

function target(text: string, param: string): [number, number] {
  const t = text.trim();
  if (['small', 'large', 'cash', 'mix'].includes(t)) return allocation(t);
  const x = Number(t);
  if (t !== '' && Number.isFinite(x) && x >= 0 && x <= 1) return [x, 1 - x];
  throw new UserError(`‹param› ${param}=${text}: use small, large, cash, mix or a small-cap weight between 0 and 1`);
}

/** An expression strategy for quick ideas from the terminal. */
export default defineStrategy({
  id: 'rule',
  name: 'Rule',
  description:
    'Evaluates a mathjs expression at each bar: `then` where it is true, `else` where false, `else` where an input is unknown (NaN). Names: fed_phase (1 easing, 0 hold, −1 tightening; compare with easing, hold, tightening or \'easing\'), policy_rate, months_since_first_cut, first_cut (1 on the bar a first cut becomes known), small_mom_12m and large_mom_12m (12-1 month momentum), and any series of the catalog by id (ism_pmi, t10y2y, ust_10y, ust_2y, tbill_3m, cpi, recession, fed_funds, your own from `ratecycle data add`, …; see `ratecycle data list`), each as known at the close. Example: --param when="fed_phase == easing and ism_pmi > 50" --param then=small --param else=large.',
  assets: ['small', 'large'],
  series: RULE_SERIES,
  params: {
    when: { type: 'string', default: 'fed_phase == easing', description: 'mathjs condition, e.g. "fed_phase == easing and ism_pmi > 50"' },
    then: { type: 'string', default: 'small', description: 'allocation where true: small, large, cash, mix or a small-cap weight 0..1' },
    else: { type: 'string', default: 'large', description: 'allocation where false or unknown' },
  },
  seriesFor: (p, catalog) => seriesNames(parseRule(p.when, catalog?.series).names),
  weights(view, p) {
    const { node, names } = parseRule(p.when);
    const code = node.compile();
    const on = target(p.then, 'then');
    const off = target(p.else, 'else');
    const T = view.length;
    const cols: Record<string, ArrayLike<number>> = {};
    const need = new Set(names);
    if (need.has('fed_phase')) cols.fed_phase = view.fed.phase;
    if (need.has('policy_rate')) cols.policy_rate = view.fed.policyRate;
    if (need.has('months_since_first_cut')) cols.months_since_first_cut = view.fed.monthsSinceFirstCut;
    if (need.has('first_cut')) cols.first_cut = view.fed.firstCut;
    if (need.has('small_mom_12m')) cols.small_mom_12m = momentum(view.dates, view.price('small'), 12, 1);
    if (need.has('large_mom_12m')) cols.large_mom_12m = momentum(view.dates, view.price('large'), 12, 1);
    for (const n of seriesNames(names)) {
      try {
        cols[n] = view.series(n as never);
      } catch {
        throw new UserError(`rule "${p.when}": unknown name ${n}: neither built in (${BUILTIN_NAMES.join(', ')}) nor a series loaded into the market`);
      }
    }
    const scope: Record<string, number> = { easing: 1, hold: 0, tightening: -1 };
    const keys = Object.keys(cols);
    const small = new Float64Array(T);
    const large = new Float64Array(T);
    for (let t = 0; t < T; t++) {
      let unknown = false;
      for (const k of keys) {
        const v = cols[k][t];
        if (v !== v) unknown = true;
        scope[k] = v;
      }
      let yes = false;
      if (!unknown) {
        const r = code.evaluate(scope);
        if (typeof r !== 'boolean' && typeof r !== 'number') throw new UserError(`rule "${p.when}" must give true/false, got ${typeof r}`);
        yes = Boolean(r);
      }
      const w = yes ? on : off;
      small[t] = w[0];
      large[t] = w[1];
    }
    return { small, large };
  },
});
