import type { Argv } from 'yargs';
import { loadCatalog } from '../../data/catalog.js';
import { loadSeries } from '../../data/load-series.js';
import { loadFomc } from '../../data/load-fomc.js';
import { isoDay } from '../../dates.js';
import { UserError } from '../../errors.js';
import { textTable } from '../table.js';

interface DataArgs {
  data?: string;
}

/** `ratecycle data list|check`. */
export function dataCommand(y: Argv): Argv {
  return y
    .command(
      'list',
      'List every series and universe of the catalog',
      (a) => a.example('$0 data list', 'the shipped series').example('$0 data list --data ./my-data', 'your own folder'),
      (args) => listData(args as DataArgs),
    )
    .command(
      'check',
      'Load and validate every series of the catalog (exit 1 on the first problem)',
      (a) => a.example('$0 data check', 'validate the shipped data').example('$0 data check --data ./my-data', 'validate your folder'),
      (args) => checkData(args as DataArgs),
    )
    .example('$0 data list', 'every series with kind, frequency, range and source')
    .example('$0 data check --data ./my-data', 'validate a folder of your own CSVs')
    .demandCommand(1, 'name a data subcommand: list or check');
}

function range(dir: string, id: string, catalog: ReturnType<typeof loadCatalog>) {
  const e = catalog.series.find((s) => s.id === id)!;
  if (e.kind === 'event') {
    const { decisions } = loadFomc(e, dir);
    return { from: isoDay(decisions[0].date), to: isoDay(decisions[decisions.length - 1].date), rows: decisions.length };
  }
  const s = loadSeries(e, dir);
  return { from: isoDay(s.dates[0]), to: isoDay(s.dates[s.dates.length - 1]), rows: s.dates.length };
}

function listData(args: DataArgs): void {
  const catalog = loadCatalog(args.data);
  const rows = catalog.series.map((e) => {
    const r = range(catalog.dir, e.id, catalog);
    return [e.id, e.kind, e.frequency, r.from, r.to, r.rows.toLocaleString('en-US'), e.units, e.source];
  });
  console.log(textTable(['id', 'kind', 'frequency', 'from', 'to', 'rows', 'units', 'source'], rows));
  console.log('');
  console.log(
    textTable(
      ['universe', 'assets', 'small', 'large', 'cash', 'frequency', 'description'],
      catalog.universes.map((u) => [u.id, u.assets.join(' '), u.small, u.large, u.cash, u.frequency, u.description]),
    ),
  );
}

function checkData(args: DataArgs): void {
  const catalog = loadCatalog(args.data);
  for (const e of catalog.series) {
    const r = range(catalog.dir, e.id, catalog);
    console.log(`ok  ${e.id.padEnd(18)} ${r.from} to ${r.to}  ${r.rows.toLocaleString('en-US')} rows`);
  }
  if (catalog.series.length === 0) throw new UserError('the catalog lists no series');
  console.log(`data check: ${catalog.series.length} series, ${catalog.universes.length} universes, all valid`);
}
