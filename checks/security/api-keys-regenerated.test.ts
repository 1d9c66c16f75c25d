import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { runCheck } from '../../test/helpers/run-check.js';
import check from './api-keys-regenerated.js';

const ws = envWorkspace();
afterAll(() => ws.remove());

const key = () => `sk_live_${randomBytes(18).toString('base64url')}`;

describe('security.api-keys-regenerated', () => {
  it('passes when no secret is shared with another environment', async () => {
    ws.write('prod.env', `STRIPE_SECRET_KEY=${key()}\nJWT_SECRET=${randomBytes(32).toString('hex')}\nNODE_ENV=production\n`);
    ws.write('staging.env', `STRIPE_SECRET_KEY=${key()}\nJWT_SECRET=${randomBytes(32).toString('hex')}\nNODE_ENV=production\n`);
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: prod.env }]\n  staging:\n    env: [{ dotenv: staging.env }]\n'));
    expect(result.status).toBe('pass');
    expect(result.message).toBe('staging: none of 2 secrets is shared');
  });

  it('fails on a shared key under any name, and on a shared password inside a URL, without printing either', async () => {
    const shared = key();
    const password = randomBytes(16).toString('base64url');
    ws.write('prod2.env', `STRIPE_SECRET_KEY=${shared}\nREDIS_URL=redis://:${password}@cache.prod:6379\n`);
    ws.write('dev2.env', `STRIPE_KEY_DEV=${shared}\nREDIS_URL=redis://:${password}@localhost:6379\n`);
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: prod2.env }]\n  dev:\n    env: [{ dotenv: dev2.env }]\n'));
    expect(result.status).toBe('fail');
    expect(result.message).toContain("STRIPE_SECRET_KEY = dev's STRIPE_KEY_DEV");
    expect(result.message).toContain("REDIS_URL (inside the value) = dev's REDIS_URL (inside the value)");
    expect(JSON.stringify(result)).not.toContain(shared.slice(8));
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('ignores public-by-design values and the ignore list', async () => {
    const dsn = 'https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/2';
    const publishable = `pk_live_${randomBytes(18).toString('base64url')}`;
    const shared = key();
    ws.write('prod3.env', `SENTRY_DSN=${dsn}\nSTRIPE_PK=${publishable}\nLEGACY_TOKEN=${shared}\n`);
    ws.write('dev3.env', `SENTRY_DSN=${dsn}\nSTRIPE_PK=${publishable}\nLEGACY_TOKEN=${shared}\n`);
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: prod3.env }]\n  dev:\n    env: [{ dotenv: dev3.env }]\n'), { options: { ignore: ['LEGACY_TOKEN'] } });
    expect(result.status).toBe('pass');
  });

  it('is error when the other environment cannot be read, skip when there is none', async () => {
    ws.write('prod4.env', `JWT_SECRET=${randomBytes(32).toString('hex')}\n`);
    const broken = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: prod4.env }]\n  staging:\n    env: [{ command: "exit 2" }]\n'));
    expect(broken.status).toBe('error');
    expect(broken.message).toMatch(/staging: environments\.staging\.env\[0\] \(command exit\) exited with code 2/);
    const viaProcess = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: prod4.env }]\n  staging:\n    env: [{ process: true }]\n'));
    expect(viaProcess.status).toBe('error');
    expect(viaProcess.message).toMatch(/reads the process environment, which in this run is not its own/);
    const alone = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: prod4.env }]\n'));
    expect(alone.status).toBe('skip');
  });
});
