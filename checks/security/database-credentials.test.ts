import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { envWorkspace } from '../../test/helpers/env-target.js';
import type { SelectedEnvironment } from '../../src/config/load.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import { runCheck } from '../../test/helpers/run-check.js';
import check from './database-credentials.js';

const ws = envWorkspace();
afterAll(() => ws.remove());

const strong = () => randomBytes(24).toString('base64url');
/** The URL-side rules alone: these hosts are made up, so the live-session part is switched off here and tested below. */
const runUrlOnly = (target: SelectedEnvironment, options: Record<string, unknown> = {}) => runCheck(check, target, { options: { session: false, ...options } });

describe('security.database-credentials', () => {
  it('passes a random password for an application role over sslmode=require, with Prisma pool evidence', async () => {
    const password = strong();
    const result = await runUrlOnly(ws.target(`  prod:\n    database: { url: "postgresql://shop_app:${password}@db.prod.internal:5432/shop?sslmode=require&connection_limit=5" }\n`),
    );
    expect(result.status).toBe('pass');
    expect(result.evidence).toMatchObject({
      'database.url password': { verdict: 'pass', user: 'shop_app', url: 'postgresql://shop_app:****@db.prod.internal:5432/shop?sslmode=require&connection_limit=5' },
      'database.url transport': { verdict: 'pass', prismaConnectionLimit: 5 },
    });
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('fails a well-known default pair and a weak password, warns on a default user name', async () => {
    const pair = await runUrlOnly(ws.target('  prod:\n    database: { url: "postgres://postgres:postgres@db.prod.internal/shop?sslmode=require" }\n'));
    expect(pair.status).toBe('fail');
    expect(pair.message).toMatch(/the URL for db\.prod\.internal uses a well-known default user\/password pair \(the password is the user name\)/);
    const weak = await runUrlOnly(ws.target('  prod:\n    database: { url: "postgres://shop_app:Summer2024@db.prod.internal/shop?sslmode=require" }\n'));
    expect(weak.status).toBe('fail');
    expect(weak.message).toMatch(/at least 128 are needed/);
    // (not "postgres": the pair above made the loader register that word for redaction in this process)
    const user = await runUrlOnly(ws.target(`  prod:\n    database: { url: "postgres://admin:${strong()}@db.prod.internal/shop?sslmode=require" }\n`));
    expect(user.status).toBe('warn');
    expect(user.message).toMatch(/"admin" is a default user name/);
  });

  it('warns when a remote host has no sslmode', async () => {
    const result = await runUrlOnly(ws.target(`  prod:\n    database: { url: "postgres://shop_app:${strong()}@db.prod.internal/shop" }\n`));
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
    const result = await runUrlOnly(target);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('the same password is used in staging (DATABASE_URL (inside the value))');
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('reads DATABASE_URL from the env sources, per service', async () => {
    ws.write('api.env', `DATABASE_URL=postgres://shop_app:${strong()}@db.prod.internal/shop?sslmode=verify-full\n`);
    const result = await runUrlOnly(ws.target('  prod:\n    env: [{ dotenv: api.env, service: api }]\n'));
    expect(result.status).toBe('pass');
    expect(Object.keys(result.evidence)).toEqual(['api: DATABASE_URL password', 'api: DATABASE_URL transport']);
  });

  it('is error when the environment to compare with cannot be read', async () => {
    const result = await runUrlOnly(ws.target(
        `  prod:\n    database: { url: "postgres://shop_app:${strong()}@db.prod.internal/shop?sslmode=require" }\n` +
          '  staging:\n    env: [{ command: "exit 4" }]\n',
      ),
    );
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/could not compare with staging: environments\.staging\.env\[0\] \(command exit\) exited with code 4/);
  });

  it('is manual without a password in the URL, and skip without any database URL', async () => {
    expect((await runUrlOnly(ws.target('  prod:\n    database: { url: "postgres://iam_user@db.prod.internal/shop?sslmode=require" }\n'))).status).toBe('manual');
    const none = await runUrlOnly(ws.target('  prod:\n    logs: [{ file: x.txt }]\n'));
    expect(none.status).toBe('skip');
    expect(none.message).toMatch(/no database URL/);
  });

  it('compares only with the environments named in compareWith', async () => {
    const password = strong();
    ws.write('dev.env', `DB_PASSWORD=${password}\n`);
    const yaml =
      `  prod:\n    database: { url: "postgres://shop_app:${password}@db.prod.internal/shop?sslmode=require" }\n` +
      '  dev:\n    env: [{ dotenv: dev.env }]\n  staging:\n    env: [{ command: "exit 1" }]\n';
    const result = await runUrlOnly(ws.target(yaml), { compareWith: ['dev'] });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/used in dev \(DB_PASSWORD\)/);
  });
});

describe('security.database-credentials: the live session against a real PostgreSQL', () => {
  const pg = usePostgres();

  it('passes a strong password for the application role on loopback', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.app) }, { record: 'application role on loopback' });
    expect(result.status).toBe('pass');
    expect((result.evidence['live session'] as { verdict: string }).verdict).toBe('pass');
  });

  it('fails when the application connects as a superuser, even with a strong password', async () => {
    const db = await pg.database();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.app), appRole: 'postgres' }, { record: 'app role is superuser' });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/live session: role: role postgres has SUPERUSER/);
  });

  it('reports error, not pass, when the database cannot be reached', async () => {
    const db = await pg.database();
    const url = db.url(pg.roles.app).replace(/:(\d+)\//, ':1/');
    const { result } = await runDatabaseCheck(check, { url }, { record: 'database unreachable' });
    expect(result.status).toBe('error');
    expect((result.evidence['live session'] as { verdict: string }).verdict).toBe('error');
  });
});
