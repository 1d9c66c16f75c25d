/**
 * Layers point one way (README, "Architecture"):
 *   core ← config ← probes ← rules ← kit ← checks ← run ← report ← reporters ← cli
 * Each layer may import only itself and the layers to its left. Only probes touch the outside world (network,
 * files, processes); rules are pure; nothing shipped imports fixtures/ or test/. `npm test` runs this (test/layers.test.ts).
 */
const IO_MODULES = '^(node:)?(fs|fs/promises|net|tls|dns|dns/promises|http|https|http2|child_process|dgram|zlib)$|^(undici|pg|pg-connection-string)$';

const layers = [
  ['core', '^src/core/'],
  ['config', '^src/config/'],
  ['probes', '^src/probes/'],
  ['rules', '^src/rules/'],
  ['kit', '^src/kit/'],
  ['checks', '^checks/'],
  ['run', '^src/run/'],
  ['report', '^src/report/'],
  ['reporters', '^src/reporters/'],
  ['cli', '^src/cli/'],
];

const forbidden = layers.flatMap(([name, path], index) => {
  const above = layers.slice(index + 1).map(([, p]) => p);
  return above.length === 0
    ? []
    : [
        {
          name: `${name}-imports-upward`,
          comment: `${name} may import only ${layers.slice(0, index + 1).map(([n]) => n).join(', ')}`,
          severity: 'error',
          from: { path, pathNot: '\\.test\\.ts$' },
          to: { path: above },
        },
      ];
});

module.exports = {
  forbidden: [
    ...forbidden,
    {
      name: 'runner-imports-the-catalog',
      comment: 'the runner runs whatever checks it is given; only the CLI knows the catalog, so a new family touches no runner file',
      severity: 'error',
      from: { path: '^src/run/', pathNot: '\\.test\\.ts$' },
      to: { path: '^checks/' },
    },
    {
      name: 'shipped-code-imports-fixtures-or-tests',
      comment: 'the CLI and the checks must not depend on demo targets, fixtures or test helpers',
      severity: 'error',
      from: { path: '^(src|checks|bin)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^(fixtures|test)/' },
    },
    {
      name: 'observation-outside-probes',
      comment: 'every observation goes through a registered probe: only src/probes may use network, file or process modules',
      severity: 'error',
      from: { path: '^(src/(rules|kit|run)|checks)/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core', 'npm'], path: IO_MODULES },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^(src|checks)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
  },
};
