import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DB_FIXTURES } from '../../fixtures/db/prisma-history.js';
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

  it('fails an application role that is a member of pg_execute_server_program or pg_write_server_files', async () => {
    const db = await pg.database();
    const admin = await db.admin();
    const password = strong();
    try {
      await admin.query(`CREATE ROLE program_runner LOGIN PASSWORD '${password}' IN ROLE pg_execute_server_program`);
      await admin.query(`CREATE ROLE file_writers NOLOGIN IN ROLE pg_write_server_files`);
      await admin.query(`CREATE ROLE file_writer LOGIN PASSWORD '${password}' IN ROLE file_writers`);
      await admin.query(`CREATE ROLE data_reader LOGIN PASSWORD '${password}' IN ROLE pg_read_all_data`);
    } finally {
      await admin.end();
    }
    const runner = await runDatabaseCheck(check, { url: db.url({ user: 'program_runner', password }) }, { record: 'app role member of pg_execute_server_program' });
    expect(runner.result.status).toBe('fail');
    expect(runner.result.message).toMatch(/role program_runner is a member of pg_execute_server_program \(runs programs on the database server/);
    const writer = await runDatabaseCheck(check, { url: db.url(pg.roles.reader), appRole: 'file_writer' }, { record: 'app role inherits pg_write_server_files' });
    expect(writer.result.status).toBe('fail');
    expect(writer.result.message).toMatch(/role file_writer is a member of pg_write_server_files/);
    const reader = await runDatabaseCheck(check, { url: db.url({ user: 'data_reader', password }) }, { record: 'app role member of pg_read_all_data' });
    expect(reader.result.status).toBe('warn');
    expect(reader.result.message).toMatch(/role data_reader is a member of pg_read_all_data/);
  });

  it('fails an application role allowed to EXECUTE lo_export, a file-writing function revoked from PUBLIC', async () => {
    const db = await pg.database();
    const admin = await db.admin();
    const password = strong();
    try {
      await admin.query(`CREATE ROLE exporter LOGIN PASSWORD '${password}'`);
      await admin.query('GRANT EXECUTE ON FUNCTION lo_export(oid, text) TO exporter');
    } finally {
      await admin.end();
    }
    const { result } = await runDatabaseCheck(check, { url: db.url({ user: 'exporter', password }) }, { record: 'app role may execute lo_export' });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/role exporter may EXECUTE lo_export\(oid,text\), which read or write files on the database server/);
  });

  it("judges the role named by the application's own variables, not only the tool's monitoring role", async () => {
    const db = await pg.database();
    const admin = await db.admin();
    // The env file is a fixture in the repository, so the recorded scenario replays it from there.
    const envFile = path.join(DB_FIXTURES, 'env', 'legacy-app.env');
    const password = /^DB_PASSWORD=(.+)$/m.exec(readFileSync(envFile, 'utf8'))![1]!;
    try {
      await admin.query(`CREATE ROLE legacy_app LOGIN PASSWORD '${password}' IN ROLE pg_read_server_files`);
    } finally {
      await admin.end();
    }
    const { result } = await runDatabaseCheck(
      check,
      { url: db.url(pg.roles.reader) },
      { record: "env's DB_USER is a member of pg_read_server_files", extra: { env: [{ dotenv: envFile }] } },
    );
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/live session: role legacy_app \(DB_USER\): role legacy_app is a member of pg_read_server_files/);
    expect(JSON.stringify(result)).not.toContain(password);
  });

  it('reports error, not pass, when the database cannot be reached', async () => {
    const db = await pg.database();
    const url = db.url(pg.roles.app).replace(/:(\d+)\//, ':1/');
    const { result } = await runDatabaseCheck(check, { url }, { record: 'database unreachable' });
    expect(result.status).toBe('error');
    expect((result.evidence['live session'] as { verdict: string }).verdict).toBe('error');
  });
});
