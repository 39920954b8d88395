import type { Argv } from 'yargs';
import { join } from 'node:path';
import { UserError } from '../../core/errors.js';
import { loadCatalog } from '../../market/data/catalog.js';
import { displayPath } from '../../market/data/load-series.js';
import type { NowReport } from '../../formats/now-folder.js';
import { nowToFolder } from '../../workflows/now/now-to-folder.js';
import { defaultOutDir } from '../out-dir.js';
import { textTable } from '../table.js';
import { textWidth, wrapText } from '../format.js';

interface NowArgs {
  asOf?: string;
  universe?: string | string[];
  seed?: number;
  draws?: number;
  out?: string;
  data?: string;
  force?: boolean;
}

/** `ratecycle now`: options and examples. */
export function nowCommand(y: Argv): Argv {
  return y
    .option('as-of', { type: 'string', describe: 'stand at this date (YYYY-MM-DD) with only the data known then (default: the last date of the data)' })
    .option('universe', {
      type: 'string',
      describe: 'universe (default ff: Fama/French size portfolios since 1926, Fed data from 1954; a daily one is reduced to month ends)',
    })
    .option('seed', { type: 'number', default: 1, describe: 'seed of every bootstrap and simulation (same seed, same bytes)' })
    .option('draws', { type: 'number', default: 10_000, describe: 'draws per bootstrap (a fifth of that for the track record’s null)' })
    .option('out', { type: 'string', describe: 'output folder (default out/now-<timestamp>)' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder written by ratecycle' })
    .example('$0 now', 'where the cycle stands at the end of the data and what followed states like it: now.html, now.csv, now.json')
    .example('$0 now --as-of 2025-09-18', 'what ratecycle would have said on the article’s date, with only the data known then')
    .example('$0 now --universe russell', 'the same on the Russell 2000 vs S&P 500 (daily, reduced to month ends; history from 1987)') as Argv;
}

/** The state as terminal lines: input, value, the date it describes, when it became known and its age (stale marked). */
export function stateText(report: NowReport): string {
  const rows = report.state.map((s) => [
    s.label,
    s.text,
    s.date || '–',
    s.known || '–',
    Number.isFinite(s.ageDays) ? `${s.ageDays} d${s.stale ? ' stale' : ''}` : '–',
  ]);
  return textTable(['input', 'value', 'describes', 'known', 'age'], rows);
}

/** The one-sentence outlook and the forecaster's record, wrapped for the terminal. */
export function outlookText(report: NowReport): string {
  const width = textWidth();
  return [wrapText(report.sentence, width, '  ', ''), wrapText(report.trackSentence, width, '  ', '')].join('\n');
}

/** A fraction as signed percent with one decimal ("+3.1%", never "−0.0%"); "–" when missing. */
function p(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const v = Math.abs(x * 100).toFixed(1);
  return `${x < 0 && v !== '0.0' ? '−' : '+'}${v}%`;
}

/** The outlook at every horizon as a small table. */
function horizonsText(report: NowReport): string {
  const pv = (x: number) => (!Number.isFinite(x) ? '–' : x < 0.001 ? '<0.001' : x.toFixed(3));
  const rows = report.outlook.map((o) => [
    `${o.horizon} m`,
    `${o.k} in ${o.cycles} cycle${o.cycles === 1 ? '' : 's'}`,
    p(o.analogues.mean),
    `${p(o.ciLow)} to ${p(o.ciHigh)}`,
    p(o.unconditional.mean),
    p(o.excess),
    pv(o.placeboP),
    o.verdict,
  ]);
  return textTable(['horizon', 'analogues', 'mean', '95% CI', 'every month', 'excess', 'placebo p', 'verdict'], rows);
}

/** The article's call since its date, in one wrapped paragraph (or nothing before the article). */
function articleText(report: NowReport): string {
  const a = report.article;
  if (!a) return '';
  const width = textWidth();
  const agree = a.statements.map((s) => `${s.claim}: ${s.agrees}`).join('; ');
  const since =
    a.months > 0
      ? `since the ${a.cut} cut, small − large ${p(a.spread)} over ${a.months} month${a.months === 1 ? '' : 's'} (${a.entry} to ${a.exit}), percentile ${(a.percentile * 100).toFixed(0)} of ${a.history.length} earlier first cuts over as many months — one observation, not a test`
      : a.note;
  return wrapText(`The article’s call (${a.date}), as the data known then saw it — ${agree}. ${since[0].toUpperCase()}${since.slice(1)}.`, width, '  ', '');
}

/** Runs `now`, writes the folder, prints the state, the outlook sentence and the page's path; returns the folder. */
export async function nowHandler(args: NowArgs): Promise<{ dir: string; report: NowReport }> {
  if (Array.isArray(args.universe)) throw new UserError('‹universe› was given more than once; name one universe');
  if (Array.isArray(args.asOf)) throw new UserError('‹as-of› was given more than once; name one date');
  const { dir, report } = await nowToFolder(loadCatalog(args.data), {
    out: args.out ?? defaultOutDir('now'),
    force: args.force,
    universe: args.universe,
    asOf: args.asOf,
    seed: args.seed,
    draws: args.draws,
  });
  console.log(
    `== where the cycle stands at ${report.asOf} (${report.universe.id}, month ends from ${report.historyFrom.slice(0, 7)}; only data known by ${report.asOf})`,
  );
  console.log(stateText(report));
  for (const s of report.stale) console.log(wrapText(`stale: ${s}`, textWidth(), '  ', ''));
  for (const w of report.warnings) console.error(`warning: ${w}`);
  console.log(`\n${outlookText(report)}`);
  console.log(`\n${horizonsText(report)}`);
  const art = articleText(report);
  if (art) console.log(`\n${art}`);
  console.log(`\nthe analogues, the outlook chart and the track record: open ${displayPath(join(dir, 'now.html'))}`);
  return { dir, report };
}
