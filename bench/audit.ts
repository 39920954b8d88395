/**
 * Benchmark of the look-ahead audit on the daily Russell/S&P universe (target: under 2 s
 * per strategy, end to end). For each built-in: the audit's median time, its number of
 * truncations, and as baseline the time of the same number of plain evaluations on the
 * full history (what the truncated runs cost without slicing); plus `ratecycle audit`
 * end to end in a new process.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadCatalog } from '../engine/market/data/catalog.js';
import { buildMarket } from '../engine/market/build-market.js';
import { packageRoot } from '../engine/core/paths.js';
import { auditStrategy } from '../engine/strategy/audit.js';
import { BUILTINS } from '../strategies/index.js';
import { evaluateStrategy } from '../engine/strategy/evaluate.js';
import { parseParams } from '../engine/strategy/params.js';
import { median } from './median.js';

function timeMs(fn: () => void, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** Runs the audit benchmark and prints one JSON line per strategy and one for the CLI. */
export async function benchAudit(emit: (record: Record<string, unknown>) => void, quick: boolean): Promise<void> {
  const repeats = quick ? 1 : 3;
  const catalog = loadCatalog();
  const ruleWhen = 'when=fed_phase == easing and ism_pmi > 50';
  for (const s of BUILTINS.filter((x) => x.id !== 'weights-file')) {
    const params = parseParams(s.params, s.id === 'rule' ? [ruleWhen] : [], s.id) as Record<string, unknown>;
    const series = s.seriesFor ? s.seriesFor(params as never) : s.series;
    const market = buildMarket(catalog, { universe: 'russell', series });
    let cuts = 0;
    const ms = timeMs(() => {
      const r = auditStrategy(s, market, params);
      if (!r.ok) throw new Error(`built-in ${s.id} failed the audit`);
      cuts = r.cuts.length;
    }, repeats);
    const evalMs = timeMs(() => evaluateStrategy(s, market, params), 5);
    emit({
      bench: 'audit',
      strategy: s.id,
      bars: market.dates.length,
      truncations: cuts,
      median_ms: Math.round(ms),
      baseline: 'one evaluation on the full history × truncations',
      baseline_ms: Math.round(evalMs * cuts),
      ratio: +(ms / Math.max(1e-9, evalMs * cuts)).toFixed(2),
      target_ms: 2000,
    });
  }
  const main = join(packageRoot(), 'dist', 'engine', 'cli', 'main.js');
  const cli: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [main, 'audit', 'first-cut-rotation'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    cli.push(performance.now() - t);
  }
  emit({ bench: 'cli-audit', what: '`ratecycle audit first-cut-rotation` end to end (new process)', median_ms: Math.round(median(cli)), target_ms: 2000 });
}
