import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { runCheck } from '../../test/helpers/run-check.js';
import check from './jwt-secret.js';

const ws = envWorkspace();
afterAll(() => ws.remove());

const judge = (dotenv: string, options: Record<string, unknown> = {}) => ws.checkDotenv(check, dotenv, options);

describe('security.jwt-secret', () => {
  it('passes a 48-byte random secret, with length, class, bits and fingerprint but not the value', async () => {
    const secret = randomBytes(48).toString('hex');
    const result = await judge(`JWT_SECRET=${secret}\n`);
    expect(result.status).toBe('pass');
    expect(result.message).toBe('prod: JWT_SECRET: 384 estimated bits, 96 bytes (hex)');
    expect(result.evidence).toMatchObject({ prod: { algorithm: 'HS256', secrets: [{ variable: 'JWT_SECRET', lengthBytes: 96, estimatedBits: 384, weakListHit: false }] } });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(JSON.stringify(result)).toMatch(/"fingerprint":"hmac:[0-9a-f]{12}"/);
  });

  it('fails the classic passphrase and names every reason', async () => {
    const result = await judge('JWT_SECRET=my-super-secret-jwt-key-change-in-production\n');
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/placeholder word "change"/);
    expect(result.message).toMatch(/known-weak list/);
    expect(result.message).toMatch(/estimated bits of entropy; at least 160 are needed/);
    expect(result.remediation).toMatch(/openssl rand -base64 48/);
  });

  it('fails a 32-char hex secret (128 bits) and a UUID (122 bits)', async () => {
    const hex = await judge(`JWT_SECRET=${randomBytes(16).toString('hex')}\n`);
    expect(hex.status).toBe('fail');
    expect(hex.message).toMatch(/about 128 estimated bits/);
    expect((await judge('JWT_SECRET=3f1c2a8e-5b7d-4e9f-8a6b-1c2d3e4f5a6b\n')).message).toMatch(/about 122 estimated bits/);
  });

  it('warns at about 190 bits when the length is right', async () => {
    const result = await judge(`JWT_SECRET=${randomBytes(32).toString('base64url').slice(0, 32)}\n`);
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/about 19\d estimated bits of entropy; 256 are recommended/);
  });

  it('needs 64 bytes for HS512, from the option or from JWT_ALGORITHM', async () => {
    const secret = randomBytes(32).toString('hex');
    expect((await judge(`JWT_SECRET=${secret}\n`)).status).toBe('pass');
    expect((await judge(`JWT_SECRET=${randomBytes(40).toString('base64url')}\n`, { algorithm: 'HS512' })).message).toMatch(/HS512 needs at least 64 bytes/);
    expect((await judge(`JWT_SECRET=${randomBytes(40).toString('base64url')}\nJWT_ALGORITHM=HS512\n`)).message).toMatch(/HS512 needs at least 64 bytes/);
  });

  it('fails when JWT_SECRET is unset or empty anywhere', async () => {
    const unset = await judge('NODE_ENV=production\n');
    expect(unset.status).toBe('fail');
    expect(unset.message).toBe('JWT_SECRET is not set in any env source of "prod"');
    const empty = await judge('JWT_SECRET=\n');
    expect(empty.status).toBe('fail');
    expect(empty.message).toMatch(/JWT_SECRET is empty/);
  });

  it('judges each service that has the variable, and skips services that do not', async () => {
    ws.write('api.env', `JWT_SECRET=${randomBytes(48).toString('base64')}\n`);
    ws.write('web.env', 'VITE_API=https://api.shop.com\n');
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: api.env, service: api }, { dotenv: web.env, service: dashboard }]\n'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toMatchObject({ api: { verdict: 'pass' }, dashboard: { verdict: 'skip' } });
  });

  it('is error, not pass, when an env source cannot be read', async () => {
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ command: "echo nope >&2; exit 1" }]\n'));
    expect(result.status).toBe('error');
    expect(result.message).toBe('prod: environments.prod.env[0] (command echo) exited with code 1; stderr: nope');
  });

  it('skips when the environment has no env sources', async () => {
    const result = await runCheck(check, ws.target('  prod:\n    logs: [{ file: x.log }]\n'));
    expect(result.status).toBe('skip');
  });
});
