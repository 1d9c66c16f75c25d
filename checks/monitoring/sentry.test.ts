import { afterAll, describe, expect, it } from 'vitest';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { runCheck } from '../../test/helpers/run-check.js';
import check from './sentry.js';

const ws = envWorkspace();
afterAll(() => ws.remove());
const KEY = '0123456789abcdef0123456789abcdef';

const judge = (dotenv: string, options: Record<string, unknown> = {}) => ws.checkDotenv(check, dotenv, options);

describe('monitoring.sentry (env side)', () => {
  it('is manual, never pass, when the DSN is well formed: only a test event proves delivery', async () => {
    const result = await judge(`SENTRY_DSN=https://${KEY}@o4505.ingest.us.sentry.io/4506\n`);
    expect(result.status).toBe('manual');
    expect(result.message).toBe('prod: DSN well formed (SENTRY_DSN → o4505.ingest.us.sentry.io, project 4506); confirm a test event from production reached Sentry');
  });

  it('fails a missing, empty or malformed DSN', async () => {
    expect((await judge('NODE_ENV=production\n')).message).toMatch(/no SENTRY_DSN among its variables/);
    expect((await judge('SENTRY_DSN=\n')).message).toMatch(/SENTRY_DSN is empty/);
    const bad = await judge('VITE_SENTRY_DSN=https://abc@o1.ingest.sentry.io/2\n');
    expect(bad.status).toBe('fail');
    expect(bad.message).toMatch(/VITE_SENTRY_DSN has no 32-hex-digit public key/);
  });

  it('warns on a DSN over plain http', async () => {
    expect((await judge(`SENTRY_DSN=http://${KEY}@sentry.shop.com/3\n`)).status).toBe('warn');
  });

  it('judges every service, and only those in options.services', async () => {
    ws.write('api.env', `SENTRY_DSN=https://${KEY}@o1.ingest.sentry.io/2\n`);
    ws.write('worker.env', 'QUEUE=jobs\n');
    const target = ws.target('  prod:\n    env: [{ dotenv: api.env, service: api }, { dotenv: worker.env, service: worker }]\n');
    expect((await runCheck(check, target)).status).toBe('fail');
    expect((await runCheck(check, target, { options: { services: ['api'] } })).status).toBe('manual');
  });

  it('is error when a source cannot be read', async () => {
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ command: "sleep 5", timeout: 200ms }]\n'));
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/did not finish within 200 ms/);
  });
});
