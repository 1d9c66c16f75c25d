import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import dockerImages from './docker-images.js';

const fixtures = path.resolve('fixtures/repos');

describe('deployment.docker-images on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it('the well-kept Dockerfile passes every static rule, and stays manual: no image was built', async () => {
    const result = await ws.run(dockerImages, path.join(fixtures, 'well-kept'));
    expect(result.status, result.message).toBe('manual');
    expect(result.message).toMatch(/Dockerfile passes every static check/);
    expect(result.evidence).toMatchObject({ repository: { judgements: expect.arrayContaining(['pass USER: runs as node', 'pass NODE_ENV: production']) } });
  });

  it('the neglected one fails, naming every problem and never the secret value', async () => {
    const result = await ws.run(dockerImages, path.join(fixtures, 'neglected'));
    expect(result.status).toBe('fail');
    for (const problem of [/is :latest/, /sets no USER/, /line 4: ENV SESSION_SECRET \(a 32-character value\)/, /\.dockerignore: missing/]) expect(result.message).toMatch(problem);
    expect(JSON.stringify(result)).not.toContain('k7Qm2vX9pL4tR8wZ3nB6yH1cF5jD0sGa');
  });

  it('passes the well-kept Dockerfile when the configured build command exits 0', async () => {
    const repo = { path: path.join(fixtures, 'well-kept'), commands: { dockerBuild: 'echo "#9 naming to docker.io/library/shop-api done"' } };
    const result = await ws.run(dockerImages, repo, {}, { timeoutMs: 60_000 });
    expect(result.status, result.message).toBe('pass');
    expect(result.evidence).toMatchObject({ 'docker build': { verdict: 'pass', exitCode: 0, outputTail: ['#9 naming to docker.io/library/shop-api done'] } });
  });

  it('fails the neglected one on its build too, when the build command exits non-zero', async () => {
    const repo = { path: path.join(fixtures, 'neglected'), commands: { dockerBuild: 'echo "ERROR: failed to solve: node:latest" >&2; exit 1' } };
    const result = await ws.run(dockerImages, repo, {}, { timeoutMs: 60_000 });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/docker build: `echo .*` exited 1: ERROR: failed to solve: node:latest/);
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(dockerImages, path.join(fixtures, 'no-such-repository'));
    expect(result.status).toBe('error');
  });
});
