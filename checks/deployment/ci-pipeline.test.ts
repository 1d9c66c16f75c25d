import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import ciPipeline from './ci-pipeline.js';

const fixtures = path.resolve('fixtures/repos');

describe('deployment.ci-pipeline on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it('the well-kept workflow is sound, and stays manual: the latest run is not read', async () => {
    const result = await ws.run(ciPipeline, path.join(fixtures, 'well-kept'));
    expect(result.status, result.message).toBe('manual');
    expect(result.evidence).toMatchObject({ workflows: ['.github/workflows/ci.yml'], judgements: expect.arrayContaining(['pass .github/workflows/ci.yml job deploy: deploys only after the tests']) });
  });

  it('the neglected one fails: no tests, an ungated deploy, an inline token (never printed)', async () => {
    const result = await ws.run(ciPipeline, path.join(fixtures, 'neglected'));
    expect(result.status).toBe('fail');
    for (const problem of [/no job runs the tests/, /job deploy: deploys without waiting for the tests/, /deploy\.yml:\d+ RAILWAY_TOKEN \(a 36-character value\)/]) expect(result.message).toMatch(problem);
    expect(JSON.stringify(result)).not.toContain('3f9c1a7e-5b2d-4e8f-9a6c-1d2e3f4a5b6c');
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(ciPipeline, path.join(fixtures, 'no-such-repository'));
    expect(result.status).toBe('error');
  });
});
