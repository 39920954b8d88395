import type { Argv } from 'yargs';
import { BUILTINS } from '../../../strategies/index.js';
import type { ParamSpec } from '../../strategy/params.js';
import { wrapText as wrap } from '../format.js';

function specText(s: ParamSpec): string {
  switch (s.type) {
    case 'number':
    case 'integer':
      return `${s.type}, default ${s.default}${s.min !== undefined ? `, ${s.min}..${s.max}` : ''}${s.step ? ` step ${s.step}` : ''}`;
    case 'enum':
      return `${s.values.join('|')}, default ${s.default}`;
    case 'boolean':
      return `true|false, default ${s.default}`;
    case 'string':
      return `text, default "${s.default}"`;
  }
}

/** `ratecycle list`. */
export function listCommand(y: Argv): Argv {
  return y
    .option('json', { type: 'boolean', default: false, describe: 'print the strategies and their parameter specs as JSON' })
    .example('$0 list', 'every built-in strategy with its parameters') as Argv;
}

/** Prints the built-in strategies: description, assets, series and parameters. */
export function listHandler(args: { json?: boolean } = {}): void {
  if (args.json) {
    const strategies = BUILTINS.map((s) => ({
      id: s.id,
      name: s.name,
      description: s.description,
      assets: s.assets,
      series: s.series,
      params: s.params,
      defaults: s.defaults ?? {},
    }));
    console.log(JSON.stringify(strategies, null, 2));
    return;
  }
  const width = Math.min(100, process.stdout.columns || 100);
  for (const s of BUILTINS) {
    console.log(`${s.id}  —  ${s.name}`);
    console.log(wrap(s.description, width, '    '));
    console.log(`    assets: ${s.assets.join(', ')}${s.series.length ? `   series: ${s.series.join(', ')}` : ''}`);
    for (const [name, spec] of Object.entries(s.params)) {
      console.log(`    --param ${name}=…  ${specText(spec)}`);
      console.log(wrap(spec.description, width, '        '));
    }
    console.log('');
  }
}
