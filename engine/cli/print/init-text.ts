import type { InitResult } from '../init-project.js';

/**
 * `init` as terminal lines: what was written in the project `shown` (its path as shown) and what
 * package.json gained, then the next commands (cd, npm install when ratecycle is not installed
 * there yet, the backtest, the audit and the tests).
 */
export function initLines(shown: string, r: InitResult): string[] {
  const { written, packageJson: pkg } = r;
  const steps = [
    ...(shown !== '.' ? [`cd ${shown}`] : []),
    ...(r.installed ? [] : ['npm install']),
    'npm run backtest      # npx ratecycle run strategies/…',
    'npm run audit',
    'npm test',
  ];
  return [
    `set up ${shown}: ${written.length ? written.join(', ') : 'nothing new to write'}${pkg.added.length && !pkg.created ? `; package.json gained ${pkg.added.join(', ')}` : ''}`,
    `next:\n${steps.map((s) => `  ${s}`).join('\n')}`,
  ];
}
