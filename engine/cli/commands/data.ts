import type { Argv } from 'yargs';
import { loadCatalog } from '../../market/data/catalog.js';
import { DOWNLOAD_FORMATS } from '../../market/data/import/detect-format.js';
import type { AddSeriesOptions } from '../../market/data/import/add-series.js';
import { catalogListing, checkCatalog } from '../catalog-summary.js';
import { dataAddJson, dataAddLines, dataCheckJson, dataCheckLines, dataListJson, dataListLines } from '../print/data-text.js';
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

function listData(args: DataArgs): void {
  const catalog = loadCatalog(args.data);
  const listing = catalogListing(catalog);
  if (args.json) console.log(JSON.stringify(dataListJson(catalog, listing), null, 2));
  else console.log(dataListLines(catalog, listing).join('\n'));
}

function checkData(args: DataArgs): void {
  const catalog = loadCatalog(args.data);
  const check = checkCatalog(catalog);
  if (args.json) console.log(JSON.stringify(dataCheckJson(catalog, check), null, 2));
  else console.log(dataCheckLines(catalog, check).join('\n'));
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
  if (args.json) console.log(JSON.stringify(dataAddJson(r), null, 2));
  else console.log(dataAddLines(r, Boolean(args.publication)).join('\n'));
}
