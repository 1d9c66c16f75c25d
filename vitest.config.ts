import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    exclude: ['dist/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'checks',
          include: ['checks/**/*.test.ts'],
          // The check tests (real-server tests and their judgement tables) share no mutable state but the redaction
          // registry, whose entries are per-test random secrets; loading the check modules, probes and fixture apps
          // once per worker instead of once per file halves the wall time of this part of the suite.
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'core', include: ['src/**/*.test.ts', 'fixtures/**/*.test.ts', 'test/**/*.test.ts'] },
      },
    ],
  },
});
