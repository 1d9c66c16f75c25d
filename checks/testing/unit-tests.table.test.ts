import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import path from 'node:path';
import { repoTable } from '../../test/helpers/repo-table.js';
import unitTests from './unit-tests.js';

const PASSING = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('adds', () => assert.equal(1 + 1, 2));\ntest('joins', () => assert.equal(['a', 'b'].join(''), 'ab'));\n";
const FAILING = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('adds', () => assert.equal(1 + 1, 3));\ntest('joins', () => assert.equal(['a'].join(''), 'a'));\n";
const pkg = (test: string) => JSON.stringify({ name: 'app', version: '1.0.0', type: 'module', scripts: { test } });
const slow = { timeoutMs: 60_000 };
// The project's own vitest, run on a tree of its own, so its real summary line is what gets parsed.
const VITEST = `node ${JSON.stringify(path.resolve('node_modules/vitest/vitest.mjs'))} run --root . --globals`;
// Real output of each runner (fixtures/suite-outputs, captured by scripts/capture-suite-outputs.sh), replayed by a
// command that prints it and exits 0: the runner's own failure count must still fail the line.
const replay = (name: string) => ({ files: { 'out.txt': readFileSync(path.resolve('fixtures/suite-outputs', `${name}.txt`), 'utf8') }, repo: { commands: { unit: 'cat out.txt' } }, ...slow });
const REPLAYED = [
  ['jest', 'jest: 3 passed, 1 skipped', 'jest: 2 passed, 1 failed, 1 skipped'],
  ['mocha', 'mocha: 3 passed, 1 skipped', 'mocha: 2 passed, 1 failed, 1 skipped'],
  ['playwright', 'playwright: 3 passed, 0 failed, 1 skipped', 'playwright: 2 passed, 1 failed, 1 skipped'],
  ['playwright-dot', 'playwright: 3 passed, 0 failed, 1 skipped', 'playwright: 2 passed, 1 failed, 1 skipped'],
  ['node-test-tap', 'node:test: 3 passed, 0 failed, 1 skipped', 'node:test: 2 passed, 1 failed, 1 skipped'],
  ['node-test-spec', 'node:test: 3 passed, 0 failed, 1 skipped', 'node:test: 2 passed, 1 failed, 1 skipped'],
  ['vitest', 'vitest: 3 passed, 1 skipped', 'vitest: 2 passed, 1 failed, 1 skipped'],
] as const;
const VITEST_SPEC = "test('adds', () => expect(1 + 1).toBe(2));\ntest('fails', () => expect(1 + 1).toBe(3));\ntest.skip('later', () => {});\n";

repoTable(unitTests, [
  ...REPLAYED.flatMap(([runner, passing, failing]) => [
    { name: `real ${runner} output of a passing suite`, ...replay(`${runner}-pass`), status: 'pass' as const, message: `\`cat out.txt\` exited 0 (${passing})` },
    { name: `real ${runner} output of a failing suite, after exit 0`, ...replay(`${runner}-fail`), status: 'fail' as const, message: `\`cat out.txt\` exited 0 but its runner reported failures (${failing})` },
  ]),
  { name: 'npm test passes with repo.run', files: { 'package.json': pkg('node --test'), 'test/a.test.js': PASSING }, repo: { run: true }, ...slow, status: 'pass', message: '`npm test` exited 0 (node:test: 2 passed, 0 failed, 0 skipped)', evidence: { summary: { runner: 'node:test', passed: 2, failed: 0 } } },
  { name: 'npm test fails with repo.run', files: { 'package.json': pkg('node --test'), 'test/a.test.js': FAILING }, repo: { run: true }, ...slow, status: 'fail', message: '`npm test` exited 1 (node:test: 1 passed, 1 failed, 0 skipped)' },
  { name: 'a configured command', files: { 'package.json': pkg('exit 1'), 'spec/a.test.js': PASSING }, repo: { commands: { unit: 'node --test spec/' } }, ...slow, status: 'pass', message: /^`node --test spec\/` exited 0/ },
  { name: 'a command that exits 0 but reports failures', files: { 'run.sh': 'echo "# pass 3"; echo "# fail 2"; exit 0\n' }, repo: { commands: { unit: 'sh run.sh' } }, ...slow, status: 'fail', message: /exited 0 but its runner reported failures \(node:test: 3 passed, 2 failed\)/ },
  { name: 'a real vitest run: its summary is parsed', files: { 'math.test.mjs': VITEST_SPEC, 'vitest.config.mjs': 'export default {};\n' }, repo: { commands: { unit: VITEST } }, ...slow, status: 'fail', message: /exited 1 \(vitest: 1 passed, 1 failed, 1 skipped\)/ },
  { name: "npm's placeholder test script", files: { 'package.json': pkg('echo "Error: no test specified" && exit 1') }, status: 'fail', message: /npm's placeholder/ },
  { name: 'a package.json test without repo.run', files: { 'package.json': pkg('node --test') }, status: 'manual', message: /no unit suite is configured to run \(set repo\.commands\.unit, or repo\.run: true/ },
  { name: 'no package.json and no command', files: { 'README.md': '# app' }, repo: { run: true }, status: 'manual', message: /no unit suite is configured/ },
  {
    name: 'output is scrubbed: a secret the suite prints never reaches the report',
    files: { 'run.sh': 'echo "connecting with DATABASE_PASSWORD=Zq8vR2mX7pL4tK9wB3nY6hC1"; echo "# pass 1"; exit 1\n' },
    repo: { commands: { unit: 'sh run.sh' } },
    ...slow,
    status: 'fail',
    message: /exited 1/,
    evidence: { outputTail: [expect.not.stringContaining('Zq8vR2mX7pL4tK9wB3nY6hC1'), '# pass 1'] },
  },
  { name: 'a suite past its time limit is ended, with its process group', files: { 'run.sh': 'sleep 30 & sleep 30\n' }, repo: { commands: { unit: 'sh run.sh' }, timeout: 1000 }, ...slow, status: 'error', message: /`sh run\.sh` did not finish within 1000 ms/ },
  { name: 'a repository that does not exist', noRepo: true, repo: { commands: { unit: 'true' } }, ...slow, status: 'error', message: /could not be started|cannot be read|ENOENT/ },
]);
