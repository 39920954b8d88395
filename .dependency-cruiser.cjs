/**
 * The layers of ratecycle, bottom to top; a module may import only from its own layer or a
 * lower one, and no two modules may import each other through a circle. `npm run layers`
 * checks it (CI runs it before the tests). docs/architecture.md draws the picture.
 */
const LAYERS = [
  ['core', '^engine/core/'],
  ['market', '^engine/market/'],
  ['simulate', '^engine/simulate/'],
  ['measure', '^engine/measure/'],
  ['strategy', '^engine/strategy/'],
  ['strategies', '^strategies/'],
  ['formats', '^engine/formats/'],
  ['reports', '^reports/'],
  ['workflows', '^engine/workflows/'],
  ['cli', '^engine/cli/'],
  ['face', '^engine/(index\\.ts|testing/)'],
];

const above = (i) => LAYERS.slice(i + 1).map(([, path]) => path);

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map(([name, path], i) => ({
      name: `${name}-imports-only-below`,
      comment: `${name} (${path}) may import only from itself and the layers below it`,
      severity: 'error',
      from: { path },
      to: { path: above(i) },
    })),
    {
      name: 'no-circular',
      comment: 'no module may reach itself through its imports',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'only-the-cli-and-faces-at-the-top',
      comment: 'nothing below the CLI imports the CLI or the package faces',
      severity: 'error',
      from: { pathNot: '^(engine/cli/|engine/index\\.ts|engine/testing/|test/|bench/)' },
      to: { path: '^(engine/cli/|engine/index\\.ts|engine/testing/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|\\.as\\.ts$|\\.test\\.ts$|^strategies/examples/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js'] },
  },
};
