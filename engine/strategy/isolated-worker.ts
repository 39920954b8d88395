/**
 * Worker thread that evaluates (or audits) a user's strategy file away from the main
 * thread, so that process.exit, an endless loop or unbounded allocation in the strategy
 * ends only this thread (see isolated.ts). workerData: the job, the strategy file, the
 * market, the parameters and the audit options.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { messageTemplate, UserError } from '../core/errors.js';
import type { Market } from '../core/types.js';
import { auditStrategy, type AuditOptions } from './audit.js';
import { evaluateStrategy } from './evaluate.js';
import { loadStrategyFile } from './load-strategy.js';

interface Job {
  job: 'evaluate' | 'audit';
  ref: string;
  market: Market;
  params: Record<string, unknown>;
  audit?: AuditOptions;
}

const data = workerData as Job;
try {
  const { strategy } = await loadStrategyFile(data.ref);
  if (data.job === 'evaluate') {
    const matrix = evaluateStrategy(strategy, data.market, data.params);
    parentPort!.postMessage({ ok: true, matrix }, [matrix.buffer as ArrayBuffer]);
  } else {
    parentPort!.postMessage({ ok: true, audit: auditStrategy(strategy, data.market, data.params, data.audit) });
  }
} catch (e) {
  const err = e as Error;
  parentPort!.postMessage({ ok: false, user: e instanceof UserError, message: messageTemplate(e), stack: err?.stack }); // options stay marked for the CLI
}
