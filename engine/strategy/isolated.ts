import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { UserError } from '../core/errors.js';
import { packageRoot } from '../core/paths.js';
import type { Market } from '../core/types.js';
import type { AuditOptions, AuditResult } from './audit.js';
import type { Strategy } from './define.js';
import { formatParams } from './params.js';

/** Limits of an isolated evaluation. */
export interface IsolationLimits {
  /** Wall-clock limit in seconds (default 600). */
  timeoutSeconds?: number;
  /** Heap limit of the worker thread in MB (default 2,048). */
  memoryMb?: number;
}

/** Error of an isolated strategy (its message names the strategy, file and parameters). */
export class IsolatedStrategyError extends UserError {
  override name = 'IsolatedStrategyError';
}

function label(strategy: Strategy, file: string, params: Record<string, unknown>): string {
  const p = formatParams(params);
  return `strategy "${strategy.id}" in ${file}${p ? ` (${p})` : ''}`;
}

function runJob<T>(
  job: 'evaluate' | 'audit',
  strategy: Strategy,
  file: string,
  market: Market,
  params: Record<string, unknown>,
  limits: IsolationLimits,
  audit?: AuditOptions,
): Promise<T> {
  const seconds = limits.timeoutSeconds ?? 600;
  const memoryMb = limits.memoryMb ?? 2048;
  const who = label(strategy, strategy.file ?? file, params);
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(join(packageRoot(), 'dist', 'engine', 'strategy', 'isolated-worker.js'), {
      workerData: { job, ref: strategy.file ?? file, market, params, audit }, // the path as the user gave it (same working folder)
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(8, memoryMb / 16)) },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      f();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new IsolatedStrategyError(`${who} did not finish within ${seconds} s (an endless loop?); raise the limit with ‹timeout› SECONDS`)));
    }, seconds * 1000);
    worker.on('message', (m: { ok: boolean; matrix?: Float64Array; audit?: AuditResult; user?: boolean; message?: string; stack?: string }) => {
      finish(() => {
        if (m.ok) resolve((job === 'evaluate' ? m.matrix : m.audit) as T);
        else if (m.user) reject(new IsolatedStrategyError(m.message ?? 'failed'));
        else reject(new IsolatedStrategyError(`${who} threw: ${m.message}`));
      });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      finish(() => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY')
          reject(new IsolatedStrategyError(`${who} ran out of memory (more than ${memoryMb} MB); raise the limit with ‹memory-mb› MB`));
        else reject(new IsolatedStrategyError(`${who} failed: ${e.message}`));
      });
    });
    worker.on('exit', (code) => {
      finish(() =>
        reject(
          new IsolatedStrategyError(
            `${who} ended its thread with process.exit(${code}) before returning weights; a strategy must return its weights, not exit`,
          ),
        ),
      );
    });
  });
}

/**
 * Evaluates a user's strategy file in a worker thread with a heap limit and a timeout, so
 * that `process.exit`, an endless loop or unbounded allocation becomes a one-line error
 * naming the strategy, its file and parameters instead of ending or hanging the CLI.
 * Resolves to the T×A target matrix of {@link evaluateStrategy}.
 */
export function evaluateIsolated(
  strategy: Strategy,
  file: string,
  market: Market,
  params: Record<string, unknown>,
  limits: IsolationLimits = {},
): Promise<Float64Array> {
  return runJob<Float64Array>('evaluate', strategy, file, market, params, limits);
}

/** Runs the look-ahead audit of a user's strategy file in a worker thread (see {@link evaluateIsolated}). */
export function auditIsolated(
  strategy: Strategy,
  file: string,
  market: Market,
  params: Record<string, unknown>,
  audit: AuditOptions,
  limits: IsolationLimits = {},
): Promise<AuditResult> {
  return runJob<AuditResult>('audit', strategy, file, market, params, limits, audit);
}

/**
 * A stand-in for a strategy whose weights were computed elsewhere (e.g. by
 * {@link evaluateIsolated}): same id, name, file and parameters, returning the given T×A
 * matrix column by column in the market's asset order.
 */
export function precomputed(strategy: Strategy, market: Market, matrix: Float64Array): Strategy {
  const A = market.assets.length;
  const T = market.dates.length;
  return {
    ...strategy,
    assets: market.assets.slice(),
    weights: () => {
      const out: Record<string, Float64Array> = {};
      market.assets.forEach((a, k) => {
        const col = new Float64Array(T);
        for (let t = 0; t < T; t++) col[t] = matrix[t * A + k];
        out[a] = col;
      });
      return out as never;
    },
  };
}

/**
 * The strategy to backtest for one parameter set: a built-in as it is; a user's file (`file`
 * set) as the {@link precomputed} weights of an {@link evaluateIsolated} evaluation, so that its
 * code runs only in a worker thread with the given limits.
 */
export async function isolatedIfFile(
  strategy: Strategy,
  file: string | undefined,
  market: Market,
  params: Record<string, unknown>,
  limits: IsolationLimits = {},
): Promise<Strategy> {
  return file ? precomputed(strategy, market, await evaluateIsolated(strategy, file, market, params, limits)) : strategy;
}
