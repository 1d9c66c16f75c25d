import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import autoRestart from './auto-restart.js';

const fixtures = path.resolve('fixtures/repos');
const services = { api: { url: 'https://api.example.com' }, dashboard: { url: 'https://app.example.com', repoPath: 'dashboard' } };

describe('deployment.auto-restart on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it('passes on the well-kept repository (ON_FAILURE with 10 retries; ALWAYS for the dashboard)', async () => {
    const result = await ws.run(autoRestart, path.join(fixtures, 'well-kept'), { services });
    expect(result.status, result.message).toBe('pass');
    expect(result.evidence).toMatchObject({ api: { verdict: 'pass' }, dashboard: { verdict: 'pass', file: 'dashboard/railway.toml' } });
  });

  it('fails on the neglected one (restartPolicyType NEVER)', async () => {
    const result = await ws.run(autoRestart, path.join(fixtures, 'neglected'));
    expect(result.status).toBe('fail');
    expect(result.message).toBe('repository: railway.toml: restartPolicyType: is NEVER: a crashed service stays down');
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(autoRestart, path.join(fixtures, 'no-such-repository'));
    expect(result.status).toBe('error');
  });
});
