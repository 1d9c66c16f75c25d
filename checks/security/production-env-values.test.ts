import { afterAll, describe, expect, it } from 'vitest';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { runCheck } from '../../test/helpers/run-check.js';
import check from './production-env-values.js';

const ws = envWorkspace();
afterAll(() => ws.remove());

const judge = (dotenv: string, options: Record<string, unknown> = {}) => ws.checkDotenv(check, dotenv, options);

describe('security.production-env-values', () => {
  it('passes production values', async () => {
    const result = await judge(
      'NODE_ENV=production\nAPI_URL=https://api.shop.com\nDATABASE_URL=postgres://app:Zk29fj20aQx@db.prod.internal/shop\nHOST=0.0.0.0\nSTRIPE_SECRET_KEY=sk_live_51HcQ2e8Zk29fj20aQxYw\nCORS_ORIGINS=https://shop.com,https://admin.shop.com\n',
    );
    expect(result.status).toBe('pass');
    expect(result.message).toBe('prod: 6 variables, none with a development or test value');
  });

  it('fails local hosts, test keys and dev settings, printing prefixes and hosts only', async () => {
    const result = await judge(
      'API_URL=http://localhost:3000\nSTRIPE_SECRET_KEY=sk_test_51HcQ2e8Zk29fj20aQxYw\nAPP_ENV=development\nWEBHOOK_URL=https://quiet-fox.trycloudflare.com/hooks\nCORS_ORIGINS=*\n',
    );
    expect(result.status).toBe('fail');
    const text = [result.message, ...(result.evidence as { prod: { findings: string[] } }).prod.findings].join('\n');
    for (const expected of ['API_URL points at localhost', 'STRIPE_SECRET_KEY is a Stripe test-mode secret key (sk_test_…)', 'APP_ENV is "development"', 'development tunnel (trycloudflare.com)', 'CORS_ORIGINS allows every origin (*)']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('51HcQ2e8Zk29fj20aQxYw');
  });

  it('warns on staging hosts and temporary AWS keys', async () => {
    const result = await judge('API_URL=https://api-staging.shop.com\nAWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A\n');
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/looks like a staging host/);
    expect(result.message).toMatch(/temporary AWS access key/);
  });

  it('requires configured keys in their format, per service', async () => {
    ws.write('api.env', 'GEMINI_API_KEY=not-a-google-key\n');
    ws.write('web.env', 'VITE_API=https://api.shop.com\n');
    const options = { required: [{ variable: 'GEMINI_API_KEY', format: 'google-api-key', service: 'api' }, { variable: 'SENTRY_DSN', format: 'sentry-dsn' }] };
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: api.env, service: api }, { dotenv: web.env, service: dashboard }]\n'), { options });
    expect(result.status).toBe('fail');
    expect(result.evidence).toMatchObject({
      api: { verdict: 'fail', findings: expect.arrayContaining(['fail: GEMINI_API_KEY is not a Google API key (AIza… or AQ.…)', 'fail: SENTRY_DSN is required but not set']) },
      dashboard: { verdict: 'fail', findings: ['fail: SENTRY_DSN is required but not set'] },
    });
  });

  it('leaves out ignored variables', async () => {
    expect((await judge('LOCAL_CACHE_URL=http://localhost:6379\n', { ignore: ['LOCAL_CACHE_URL'] })).status).toBe('pass');
  });

  it('is error when a source cannot be read', async () => {
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ json: missing.json }]\n'));
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/cannot be read \(no such file\)/);
  });
});
