import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { runCheck } from '../../test/helpers/run-check.js';
import check from './database-credentials.js';

const ws = envWorkspace();
afterAll(() => ws.remove());

const strong = () => randomBytes(24).toString('base64url');

describe('security.database-credentials', () => {
  it('passes a random password for an application role over sslmode=require, with Prisma pool evidence', async () => {
    const password = strong();
    const result = await runCheck(
      check,
      ws.target(`  prod:\n    database: { url: "postgresql://shop_app:${password}@db.prod.internal:5432/shop?sslmode=require&connection_limit=5" }\n`),
    );
    expect(result.status).toBe('pass');
    expect(result.evidence).toMatchObject({
      'database.url password': { verdict: 'pass', user: 'shop_app', url: 'postgresql://shop_app:****@db.prod.internal:5432/shop?sslmode=require&connection_limit=5' },
      'database.url transport': { verdict: 'pass', prismaConnectionLimit: 5 },
    });
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('fails a well-known default pair and a weak password, warns on a default user name', async () => {
    const pair = await runCheck(check, ws.target('  prod:\n    database: { url: "postgres://postgres:postgres@db.prod.internal/shop?sslmode=require" }\n'));
    expect(pair.status).toBe('fail');
    expect(pair.message).toMatch(/the URL for db\.prod\.internal uses a well-known default user\/password pair \(the password is the user name\)/);
    const weak = await runCheck(check, ws.target('  prod:\n    database: { url: "postgres://shop_app:Summer2024@db.prod.internal/shop?sslmode=require" }\n'));
    expect(weak.status).toBe('fail');
    expect(weak.message).toMatch(/at least 128 are needed/);
    // (not "postgres": the pair above made the loader register that word for redaction in this process)
    const user = await runCheck(check, ws.target(`  prod:\n    database: { url: "postgres://admin:${strong()}@db.prod.internal/shop?sslmode=require" }\n`));
    expect(user.status).toBe('warn');
    expect(user.message).toMatch(/"admin" is a default user name/);
  });

  it('warns when a remote host has no sslmode', async () => {
    const result = await runCheck(check, ws.target(`  prod:\n    database: { url: "postgres://shop_app:${strong()}@db.prod.internal/shop" }\n`));
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/no sslmode for db\.prod\.internal/);
  });

  it('fails when another environment uses the same password (by fingerprint), naming where', async () => {
    const password = strong();
    ws.write('staging.env', `DATABASE_URL=postgres://app:${password}@db.staging.internal/shop\n`);
    const target = ws.target(
      `  prod:\n    database: { url: "postgres://shop_app:${password}@db.prod.internal/shop?sslmode=require" }\n` +
        '  staging:\n    env: [{ dotenv: staging.env }]\n',
    );
    const result = await runCheck(check, target);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('the same password is used in staging (DATABASE_URL (inside the value))');
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('reads DATABASE_URL from the env sources, per service', async () => {
    ws.write('api.env', `DATABASE_URL=postgres://shop_app:${strong()}@db.prod.internal/shop?sslmode=verify-full\n`);
    const result = await runCheck(check, ws.target('  prod:\n    env: [{ dotenv: api.env, service: api }]\n'));
    expect(result.status).toBe('pass');
    expect(Object.keys(result.evidence)).toEqual(['api: DATABASE_URL password', 'api: DATABASE_URL transport']);
  });

  it('is error when the environment to compare with cannot be read', async () => {
    const result = await runCheck(
      check,
      ws.target(
        `  prod:\n    database: { url: "postgres://shop_app:${strong()}@db.prod.internal/shop?sslmode=require" }\n` +
          '  staging:\n    env: [{ command: "exit 4" }]\n',
      ),
    );
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/could not compare with staging: environments\.staging\.env\[0\] \(command exit\) exited with code 4/);
  });

  it('is manual without a password in the URL, and skip without any database URL', async () => {
    expect((await runCheck(check, ws.target('  prod:\n    database: { url: "postgres://iam_user@db.prod.internal/shop?sslmode=require" }\n'))).status).toBe('manual');
    const none = await runCheck(check, ws.target('  prod:\n    logs: [{ file: x.txt }]\n'));
    expect(none.status).toBe('skip');
    expect(none.message).toMatch(/no database URL/);
  });

  it('compares only with the environments named in compareWith', async () => {
    const password = strong();
    ws.write('dev.env', `DB_PASSWORD=${password}\n`);
    const yaml =
      `  prod:\n    database: { url: "postgres://shop_app:${password}@db.prod.internal/shop?sslmode=require" }\n` +
      '  dev:\n    env: [{ dotenv: dev.env }]\n  staging:\n    env: [{ command: "exit 1" }]\n';
    const result = await runCheck(check, ws.target(yaml), { options: { compareWith: ['dev'] } });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/used in dev \(DB_PASSWORD\)/);
  });
});
