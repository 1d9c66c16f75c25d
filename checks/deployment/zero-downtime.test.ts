import express from 'express';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import zeroDowntime from './zero-downtime.js';

const fixtures = path.resolve('fixtures/repos');

describe('deployment.zero-downtime against the sample repositories and real services', () => {
  const ws = repoWorkspace();
  let healthy: RunningServer;
  let starting: RunningServer;
  let closedPort: number;
  beforeAll(async () => {
    const ok = express();
    ok.get('/health', (_req, res) => void res.json({ status: 'ok' }));
    healthy = await serve(ok);
    const notReady = express();
    notReady.get('/health', (_req, res) => void res.status(503).json({ status: 'starting' }));
    starting = await serve(notReady);
    const gone = await serve(express());
    closedPort = gone.port;
    await gone.close();
  });
  afterAll(async () => {
    await healthy.close();
    await starting.close();
    ws.remove();
  });

  const repo = path.join(fixtures, 'well-kept');
  const services = (api: string, dashboard: string) => ({ api: { url: api }, dashboard: { url: dashboard, repoPath: 'dashboard' } });

  it('passes when both services answer their Railway healthcheck with 200', async () => {
    const result = await ws.run(zeroDowntime, repo, { services: services(healthy.url, healthy.url) }, { timeoutMs: 20_000 });
    expect(result.status, result.message).toBe('pass');
    expect(result.evidence).toMatchObject({ api: { file: 'railway.json', judgements: expect.arrayContaining(['pass healthcheckPath: /health', 'pass drainingSeconds: 15 s']) } });
  });

  it('fails when a live service answers its healthcheck with 503', async () => {
    const result = await ws.run(zeroDowntime, repo, { services: services(healthy.url, starting.url) }, { timeoutMs: 20_000 });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^dashboard: dashboard\/railway\.toml: live healthcheck: .*\/health answered 503/);
  });

  it('fails on the neglected repository, which sets no healthcheck', async () => {
    const result = await ws.run(zeroDowntime, path.join(fixtures, 'neglected'), { services: { api: { url: healthy.url } } }, { timeoutMs: 20_000 });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/healthcheckPath: not set/);
  });

  it('is an error when the live service cannot be reached', async () => {
    const result = await ws.run(zeroDowntime, repo, { services: { api: { url: `http://127.0.0.1:${closedPort}` } } }, { timeoutMs: 20_000 });
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/live healthcheck: .* could not be reached \(refused\)/);
  });
});
