import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import serviceReplicas from './service-replicas.js';

const fixtures = path.resolve('fixtures/repos');
const services = { api: { url: 'https://api.example.com' }, dashboard: { url: 'https://app.example.com', repoPath: 'dashboard' } };

describe('deployment.service-replicas on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it('passes on the well-kept repository (railway.json with a prod override, railway.toml for the dashboard)', async () => {
    const result = await ws.run(serviceReplicas, path.join(fixtures, 'well-kept'), { services });
    expect(result.status, result.message).toBe('pass');
    expect(result.evidence).toMatchObject({
      api: { file: 'railway.json', environmentOverride: 'prod', judgements: ['pass numReplicas: 2 replica(s)'] },
      dashboard: { file: 'dashboard/railway.toml', judgements: ['pass numReplicas: 1 replica(s)'] },
    });
  });

  it('fails on the neglected one, whose railway.toml sets no replicas', async () => {
    const result = await ws.run(serviceReplicas, path.join(fixtures, 'neglected'));
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^repository: railway\.toml: numReplicas: not set/);
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(serviceReplicas, path.join(fixtures, 'no-such-repository'));
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/cannot be read \(no such directory\)/);
  });
});
