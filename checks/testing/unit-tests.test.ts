import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import unitTests from './unit-tests.js';

const fixtures = path.resolve('fixtures/repos');

describe('testing.unit-tests on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it("passes on the well-kept repository: its `npm test` (node --test) exits 0", async () => {
    const result = await ws.run(unitTests, { path: path.join(fixtures, 'well-kept'), run: true }, {}, { timeoutMs: 60_000 });
    expect(result.status, result.message).toBe('pass');
    expect(result.evidence).toMatchObject({ command: 'npm test', exitCode: 0, summary: { runner: 'node:test', passed: 2, failed: 0 } });
  });

  it("fails on the neglected one: its package.json test is npm's placeholder", async () => {
    const result = await ws.run(unitTests, { path: path.join(fixtures, 'neglected'), run: true }, {}, { timeoutMs: 60_000 });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/npm's placeholder/);
  });

  it("fails when the neglected repository's suite is run directly: one test fails", async () => {
    const result = await ws.run(unitTests, { path: path.join(fixtures, 'neglected'), commands: { unit: 'node --test' } }, {}, { timeoutMs: 60_000 });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('`node --test` exited 1 (node:test: 1 passed, 1 failed, 0 skipped)');
  });

  it('is an error when the command cannot finish in time', async () => {
    const result = await ws.run(unitTests, { path: path.join(fixtures, 'well-kept'), commands: { unit: 'sleep 20' }, timeout: 1000 }, {}, { timeoutMs: 60_000 });
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/did not finish within 1000 ms/);
  });
});
