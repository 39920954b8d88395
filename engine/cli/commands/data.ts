import type { Argv } from 'yargs';
import { loadCatalog } from '../../market/data/catalog.js';
import { loadSeries } from '../../market/data/load-series.js';
import { loadFomc } from '../../market/data/load-fomc.js';
import { displayPath } from '../../market/data/load-series.js';
import { DOWNLOAD_FORMATS } from '../../market/data/import/detect-format.js';
import { formatPublication } from '../../market/data/import/parse-publication.js';
import { intersectDates } from '../../market/intersect-dates.js';
import { isoDay } from '../../core/dates.js';
import { UserError } from '../../core/errors.js';
import type { Catalog } from '../../core/types.js';
import type { AddSeriesOptions } from '../../market/data/import/add-series.js';
import { count } from '../format.js';
import { textTable } from '../table.js';
import { statusData, type StatusArgs } from './data-status.js';
import { updateData, type UpdateArgs } from './data-update.js';

interface DataArgs {
  data?: string;
  json?: boolean;
}

type AddArgs = DataArgs & AddSeriesOptions;

const json = { type: 'boolean', default: false, describe: 'print the result as JSON' } as const;

/** `ratecycle data list|check|add`. */
export function dataCommand(y: Argv): Argv {
  return y
    .command(
      'list',
      'List every series and universe of the catalog (yours and the shipped ones)',
      (a) =>
        a
          .option('json', json)
          .example('$0 data list', 'the series of ./data (when it has a catalog.json) or the shipped ones')
          .example('$0 data list --data ./my-data', 'another folder'),
      (args) => listData(args as DataArgs),
    )
    .command(
      'status',
      "Each series' last value, its age, its next expected release and whether it is due or stale",
      (a) =>
        a
          .option('json', json)
          .option('today', { type: 'string', describe: 'measure ages on this day, YYYY-MM-DD (default: today)' })
          .example('$0 data status', 'how fresh the data are')
          .example('$0 data status --today 2025-09-18', 'as on the article’s date'),
      (args) => statusData(args as StatusArgs),
    )
    .command(
      'update [ids..]',
      'Fetch newer values of series with an update source (FRED, Stooq, Kenneth French) into your data folder',
      (a) =>
        a
          .positional('ids', { type: 'string', array: true, describe: 'series ids (default: every series with an update source)' })
          .option('into', { type: 'string', describe: 'data folder to write into (default ./data)' })
          .option('timeout', { type: 'number', describe: 'seconds to wait for each download (default 30)' })
          .option('json', json)
          .example('$0 data update', 'every series with a source')
          .example('$0 data update ust_10y fed_funds', 'two FRED series')
          .example('$0 data update ff5_smb ff5_hml', "two columns of French's five-factor file (downloaded once)"),
      (args) => updateData(args as UpdateArgs),
    )
    .command(
      'check',
      'Load and validate every series and universe of the catalog (exit 1 on the first problem)',
      (a) => a.option('json', json).example('$0 data check', 'validate the data').example('$0 data check --data ./my-data', 'validate your folder'),
      (args) => checkData(args as DataArgs),
    )
    .command(
      'add <file>',
      'Convert a Yahoo Finance, FRED, Stooq or tidy CSV download into a series of your data folder',
      (a) =>
        a
          .positional('file', { type: 'string', describe: 'the downloaded CSV' })
          .option('id', {
            type: 'string',
            demandOption: true,
            describe: 'series id (lower-case letters, digits, _); a shipped id is overridden for your folder',
          })
          .option('kind', {
            choices: ['price', 'return', 'rate', 'indicator'],
            describe: 'what the values are (default: price for Yahoo and Stooq, rate for a FRED rate or yield such as DGS10, indicator otherwise)',
          })
          .option('basis', {
            choices: ['price', 'total'],
            describe:
              "prices and returns: dividends excluded (price) or reinvested (total); default: total for Yahoo's Adj Close, price for its Close and for Stooq",
          })
          .option('column', { type: 'string', describe: "value column (default: Adj Close/Close, FRED's series column, or the only one)" })
          .option('format', { choices: ['auto', ...DOWNLOAD_FORMATS], default: 'auto', describe: 'layout of the file' })
          .option('publication', {
            type: 'string',
            describe:
              'when a value dated t is known: close, business-days:N, calendar-days:N, next-month-business-day:N, next-month-day:N, months:N (default: close for prices and returns, a conservative lag otherwise)',
          })
          .option('frequency', { choices: ['daily', 'weekly', 'monthly', 'quarterly', 'annual', 'irregular'], describe: 'default: from the dates' })
          .option('into', { type: 'string', describe: 'data folder to add to (default ./data; created with a catalog that extends the shipped one)' })
          .option('units', { type: 'string', describe: 'units of the values (for the catalog)' })
          .option('source', { type: 'string', describe: 'where the data came from (for the catalog)' })
          .option('description', { type: 'string', describe: 'one line about the series' })
          .option('force', { type: 'boolean', default: false, describe: 'replace a series of the same id in this folder' })
          .option('json', json)
          .example('$0 data add ~/Downloads/IWM.csv --id iwm_yahoo', 'a Yahoo Finance download (uses Adj Close)')
          .example('$0 data add DGS2.csv --id ust_2y_fred --kind rate', 'a FRED download ("." means missing)')
          .example('$0 data add ^spx_d.csv --id spx_stooq', 'a Stooq download'),
      async (args) => addData(args as unknown as AddArgs),
    )
    .example('$0 data list', 'every series with kind, frequency, range and source')
    .example('$0 data add IWM.csv --id iwm_yahoo', 'add a download to ./data')
    .example('$0 data check --data ./my-data', 'validate a folder of your own CSVs')
    .demandCommand(1, 'name a data subcommand: list, status, update, check or add');
}

function range(catalog: Catalog, id: string) {
  const e = catalog.series.find((s) => s.id === id)!;
  if (e.kind === 'event') {
    const { decisions } = loadFomc(e, catalog.dir);
    return { from: isoDay(decisions[0].date), to: isoDay(decisions[decisions.length - 1].date), rows: decisions.length, warnings: [] as string[] };
  }
  const s = loadSeries(e, catalog.dir);
  return { from: isoDay(s.dates[0]), to: isoDay(s.dates[s.dates.length - 1]), rows: s.dates.length, dates: s.dates, warnings: s.warnings ?? [] };
}

function origin(catalog: Catalog, id: string, kind: 'series' | 'universes'): string {
  if (!catalog.own) return displayPath(catalog.dir);
  return catalog.own[kind].includes(id) ? displayPath(catalog.dir) : 'shipped';
}

function unavailableLines(catalog: Catalog): string[] {
  const u = catalog.unavailable;
  if (!u) return [];
  const ids = Object.keys(u.series);
  const uni = Object.keys(u.universes);
  return [`not available here: series ${ids.join(', ')}${uni.length ? `; universes ${uni.join(', ')}` : ''}`, `  (${Object.values(u.series)[0]})`];
}

function listData(args: DataArgs): void {
  const catalog = loadCatalog(args.data);
  const series = catalog.series.map((e) => {
    const { from, to, rows } = range(catalog, e.id);
    return {
      id: e.id,
      kind: e.kind,
      frequency: e.frequency,
      from,
      to,
      rows,
      units: e.units,
      publication: formatPublication(e.publication),
      source: e.source,
      origin: origin(catalog, e.id, 'series'),
    };
  });
  const universes = catalog.universes.map((u) => ({ ...u, origin: origin(catalog, u.id, 'universes') }));
  if (args.json) {
    console.log(
      JSON.stringify({ dir: displayPath(catalog.dir), series, universes, unavailable: catalog.unavailable ?? { series: {}, universes: {} } }, null, 2),
    );
    return;
  }
  const own = Boolean(catalog.own);
  console.log(
    textTable(
      ['id', 'kind', 'frequency', 'from', 'to', 'rows', 'units', ...(own ? ['from folder'] : []), 'source'],
      series.map((s) => [s.id, s.kind, s.frequency, s.from, s.to, count(s.rows), s.units, ...(own ? [s.origin] : []), s.source]),
    ),
  );
  console.log('');
  console.log(
    textTable(
      ['universe', 'assets', 'small', 'large', 'cash', 'frequency', ...(own ? ['from folder'] : []), 'description'],
      universes.map((u) => [u.id, u.assets.join(' '), u.small, u.large, u.cash, u.frequency, ...(own ? [u.origin] : []), u.description]),
    ),
  );
  for (const line of unavailableLines(catalog)) console.log(line);
}

function checkData(args: DataArgs): void {
  const catalog = loadCatalog(args.data);
  if (catalog.series.length === 0) throw new UserError(`${displayPath(catalog.dir)}/catalog.json lists no series`);
  const loaded = new Map<string, ReturnType<typeof range>>();
  for (const e of catalog.series) loaded.set(e.id, range(catalog, e.id));
  const universes = catalog.universes.map((u) => {
    const common = intersectDates(u.assets.map((a) => loaded.get(a)!.dates!));
    const n = common.dates.length;
    if (n < 2)
      throw new UserError(
        `universe "${u.id}": its assets ${u.assets.join(', ')} share ${n} date${n === 1 ? '' : 's'}; a universe needs at least 2 common bars`,
      );
    return { id: u.id, from: isoDay(common.dates[0]), to: isoDay(common.dates[n - 1]), bars: n };
  });
  const series = catalog.series.map((e) => {
    const r = loaded.get(e.id)!;
    return { id: e.id, from: r.from, to: r.to, rows: r.rows, warnings: r.warnings };
  });
  const warned = series.filter((s) => s.warnings.length);
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          ok: true,
          dir: displayPath(catalog.dir),
          series,
          universes,
          warnings: warned.flatMap((s) => s.warnings),
          unavailable: catalog.unavailable ?? { series: {}, universes: {} },
        },
        null,
        2,
      ),
    );
    return;
  }
  const width = Math.max(...series.map((s) => s.id.length), ...universes.map((u) => u.id.length));
  for (const s of series) {
    console.log(`${s.warnings.length ? 'warn' : 'ok  '}${s.id.padEnd(width)}  ${s.from} to ${s.to}  ${count(s.rows)} rows`.replace(/^warn/, 'warn '));
    for (const w of s.warnings) console.log(`      ${w}`);
  }
  for (const u of universes) console.log(`ok  universe ${u.id.padEnd(width)}  ${u.from} to ${u.to}  ${count(u.bars)} common bars`);
  for (const line of unavailableLines(catalog)) console.log(line);
  console.log(
    `data check: ${series.length} series, ${universes.length} universes, all valid${warned.length ? `; ${warned.length} with warnings (above): look at them before trusting a backtest` : ''}`,
  );
}

async function addData(args: AddArgs): Promise<void> {
  // the importer loads only for `data add` (this module is loaded by every command)
  const { addSeries } = await import('../../market/data/import/add-series.js');
  const r = addSeries({
    file: args.file,
    id: args.id,
    kind: args.kind,
    column: args.column,
    format: args.format,
    publication: args.publication,
    into: args.into ?? args.data,
    frequency: args.frequency,
    units: args.units,
    source: args.source,
    description: args.description,
    force: args.force,
    basis: args.basis,
  });
  const d = r.download;
  const e = r.entry;
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          csv: r.csv,
          catalog: r.catalog,
          created: r.created,
          overridesShipped: r.overridesShipped,
          format: d.format,
          column: d.column,
          rows: d.dates.length,
          dropped: d.dropped,
          reversed: d.reversed,
          entry: e,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(
    `read ${d.file} as a ${d.format} file: column "${d.column}", ${count(d.dates.length)} rows from ${isoDay(d.dates[0])} to ${isoDay(d.dates[d.dates.length - 1])}${d.dropped ? `, ${count(d.dropped)} without a value skipped` : ''}${d.reversed ? ', newest first (reversed)' : ''}`,
  );
  console.log(
    `wrote ${r.csv} and ${r.created ? 'created' : 'updated'} ${r.catalog}: series "${e.id}", ${e.kind}, ${e.frequency}, known ${formatPublication(e.publication)}${r.overridesShipped ? ` (replaces the shipped "${e.id}" for this folder)` : ''}`,
  );
  if (!args.publication && e.kind !== 'price' && e.kind !== 'return') {
    console.log(`note: the publication rule ${formatPublication(e.publication)} is a conservative default; set --publication to the real release schedule`);
  }
}
