import { repoTable } from '../../test/helpers/repo-table.js';
import suite from './e2e-tests.js';

const PASSING = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('flow', () => assert.ok(true));\n";
const FAILING = "import { test } from 'node:test';\nimport assert from 'node:assert/strict';\ntest('flow', () => assert.ok(false));\n";
const slow = { timeoutMs: 60_000 };

repoTable(suite, [
  { name: 'the configured suite passes', files: { 'suite/a.test.js': PASSING, 'package.json': '{"type":"module"}' }, repo: { commands: { e2e: 'node --test suite/' } }, ...slow, status: 'pass', message: /^`node --test suite\/` exited 0 \(node:test: 1 passed/ },
  { name: 'the configured suite fails', files: { 'suite/a.test.js': FAILING, 'package.json': '{"type":"module"}' }, repo: { commands: { e2e: 'node --test suite/' } }, ...slow, status: 'fail', message: /exited 1 \(node:test: 0 passed, 1 failed/ },
  { name: 'a suite ended by its time limit', files: { 'run.sh': 'sleep 30\n' }, repo: { commands: { e2e: 'sh run.sh' }, timeout: 1000 }, ...slow, status: 'error', message: /did not finish within 1000 ms/ },
  { name: 'not configured (repo.run does not apply)', files: { 'package.json': '{"scripts":{"test":"node --test"}}' }, repo: { run: true }, status: 'manual', message: /no e2e suite is configured to run \(set repo\.commands\.e2e/ },
  { name: 'a bare repo path', files: { 'package.json': '{}' }, status: 'manual', message: /no e2e suite is configured/ },
]);
