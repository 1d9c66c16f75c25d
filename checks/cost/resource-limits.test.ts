import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import resourceLimits from './resource-limits.js';

const fixtures = path.resolve('fixtures/repos');

describe('cost.resource-limits on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it('passes on the well-kept repository, whose railway.json caps CPU and memory', async () => {
    const result = await ws.run(resourceLimits, path.join(fixtures, 'well-kept'));
    expect(result.status, result.message).toBe('pass');
    expect(result.evidence).toMatchObject({ repository: { judgements: ['pass cpu: 1 vCPU', 'pass memoryBytes: 1024 MB'] } });
  });

  it('is manual on the neglected one, whose railway.toml leaves the limits to the dashboard', async () => {
    const result = await ws.run(resourceLimits, path.join(fixtures, 'neglected'));
    expect(result.status).toBe('manual');
  });

  it('fails when a limit is malformed', async () => {
    const repo = ws.tree({ files: { 'railway.json': JSON.stringify({ deploy: { limitOverride: { containers: { cpu: '2 vCPU', memoryBytes: 1e9 } } } }) } });
    const result = await ws.run(resourceLimits, repo);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/cpu: is "2 vCPU"/);
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(resourceLimits, path.join(fixtures, 'no-such-repository'));
    expect(result.status).toBe('error');
  });
});
