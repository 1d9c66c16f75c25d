import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboard } from '../../fixtures/apps/dashboard.js';
import { hardenedApi } from '../../fixtures/apps/hardened-api.js';
import { hangingServer } from '../../fixtures/hostile/servers.js';
import { runCheck } from '../../test/helpers/run-check.js';
import { serverPool } from '../../test/helpers/servers.js';
import { servicesTarget } from '../../test/helpers/target.js';
import check from './health-checks-green.js';

const servers = serverPool();
afterAll(servers.closeAll);
const start = servers.start;

// The failing launch-hour case is recorded by checks/deployment/health-checks.test.ts, beside the line it re-runs.
describe('launch-before.health-checks-green against real services', () => {
  it('passes in its own words when every service answers 200', async () => {
    const api = await start(hardenedApi());
    const dash = await start(dashboard());
    const result = await runCheck(check, servicesTarget({ api: api.url, dashboard: dash.url }), { record: 'api and dashboard healthy' });
    expect(result).toMatchObject({ status: 'pass', message: 'all health checks green' });
  });

  it('is not green when a 200 wraps a down status in an envelope', async () => {
    const app = express();
    app.get('/health', (_req, res) => void res.json({ success: true, data: { status: 'down', db: 'unreachable' } }));
    const api = await start(app);
    const result = await runCheck(check, servicesTarget({ api: api.url }), { record: 'envelope reports down' });
    expect(result).toMatchObject({ status: 'fail', message: 'api: answered 200 but its body reports data.status "down"' });
  });

  it('reports error, not green, when a service hangs', async () => {
    const api = await start(hardenedApi());
    const hang = await start(hangingServer());
    const result = await runCheck(check, servicesTarget({ api: api.url, slow: hang.url }), { http: { totalTimeoutMs: 300 }, record: 'one service hangs' });
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/^slow: no complete answer/);
  });
});
