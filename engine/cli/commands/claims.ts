import { multiverseSentence } from '../../../reports/claims/multiverse-section.js';
import { UserError } from '../../core/errors.js';
import type { Argv } from 'yargs';
import { join } from 'node:path';
import { loadCatalog } from '../../market/data/catalog.js';
import { displayPath } from '../../market/data/load-series.js';
import type { ClaimsReport } from '../../formats/claims-folder.js';
import { CLAIM_UNIVERSES } from '../../workflows/claims/universes.js';
import { defaultOutDir } from '../out-dir.js';
import { textTable } from '../table.js';
import { textWidth, wrapText } from '../format.js';
import { VERDICT_LEGEND, sampleGroups, verdictMatrix } from '../../../reports/claims/claims-table.js';
import { claimsToFolder } from '../../workflows/claims/claims-to-folder.js';

interface ClaimsArgs {
  universe?: string[];
  seed?: number;
  draws?: number;
  out?: string;
  data?: string;
  force?: boolean;
  multiverse?: boolean;
}

/** `ratecycle claims`: options and examples. */
export function claimsCommand(y: Argv): Argv {
  return y
    .option('universe', {
      type: 'string',
      array: true,
      describe: `samples to test (repeatable or comma-separated): ${CLAIM_UNIVERSES.map((u) => u.id).join(', ')} (default: all)`,
    })
    .option('seed', { type: 'number', default: 1, describe: 'seed of every bootstrap and placebo draw (same seed, same bytes)' })
    .option('draws', { type: 'number', default: 10_000, describe: 'draws per bootstrap and placebo test' })
    .option('multiverse', {
      type: 'boolean',
      default: false,
      describe: 'also the specification curves of claims 1 and 3: every defensible definition, with a joint test (multiverse.csv)',
    })
    .option('out', { type: 'string', describe: 'output folder (default out/claims-<timestamp>)' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder written by ratecycle' })
    .example('$0 claims', 'every claim on every shipped sample: claims.html, claims.csv, claims.json')
    .example('$0 claims --universe russell,ff-1954 --draws 2000 --seed 7', 'two samples, fewer draws, another seed') as Argv;
}

/** The verdict table as terminal text (US daily samples, US monthly ones, then other regions and pooled, to fit a terminal), with its legend. */
export function verdictText(report: ClaimsReport): string {
  const blocks: string[] = [];
  for (const g of sampleGroups(report)) {
    const { header, rows } = verdictMatrix(report, g.ids);
    header[0] = g.title;
    blocks.push(textTable(header, rows));
  }
  return `${blocks.join('\n\n')}\n${VERDICT_LEGEND.split('\n')
    .map((l) => wrapText(l, textWidth(), '  ', ''))
    .join('\n')}`;
}

/** The answer in plain sentences: one per claim on its primary sample, then the count over the primary family. */
export function answerText(report: ClaimsReport): string {
  const width = textWidth();
  const lines = report.answers.map((a) => wrapText(a.sentence, width, '   ', ''));
  const pooled = report.pooled.length
    ? ['Other central banks (Fama/French regions outside the US):', ...report.pooled.map((p) => wrapText(p.sentence, width, '   ', ''))]
    : [];
  return [...lines, wrapText(report.family.summary, width, ''), ...pooled].join('\n');
}

/** Runs the claims, writes the folder, prints the answer, the verdict table and the page's path; returns the folder. */
export async function claimsHandler(args: ClaimsArgs): Promise<{ dir: string; report: ClaimsReport }> {
  const universes = (args.universe ?? [])
    .flatMap((u) => u.split(','))
    .map((u) => u.trim())
    .filter(Boolean);
  if (args.universe !== undefined && universes.length === 0)
    throw new UserError(`--universe names no sample (one of ${CLAIM_UNIVERSES.map((u) => u.id).join(', ')})`);
  const { dir, report } = await claimsToFolder(loadCatalog(args.data), {
    out: args.out ?? defaultOutDir('claims'),
    force: args.force,
    universes,
    seed: args.seed,
    draws: args.draws,
    multiverse: args.multiverse,
  });
  printClaims(dir, report);
  return { dir, report };
}

/** Prints a claims folder's answer, its verdict table, the specification curves' sentences, the samples not tested here and the page's path. */
export function printClaims(dir: string, report: ClaimsReport): void {
  console.log(`== the article's claims, tested (${report.draws.toLocaleString('en-US')} draws, seed ${report.seed})`);
  console.log(answerText(report));
  console.log(`\n${verdictText(report)}`);
  for (const m of report.multiverse ?? []) console.log(`\n${wrapText(multiverseSentence(m), textWidth(), '   ', '')}`);
  if (report.unavailable.length) {
    const ids = report.unavailable.map((u) => u.universe).join(', ');
    console.log(`\nnot tested here (their data is not in this installation): ${ids}; ${report.unavailable[0].universe}: ${report.unavailable[0].reason}`);
  }
  console.log(`\nevery number and how it was computed: open ${displayPath(join(dir, 'claims.html'))}`);
}
