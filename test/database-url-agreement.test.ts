import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl as configFacts } from '../src/config/database-url.js';
import { classifyHost } from '../src/core/hosts.js';
import type { SessionInfo } from '../src/probes/postgres.js';
import { DatabaseUrlError, parseDatabaseUrl as probeUrl } from '../src/probes/postgres-url.js';
import { judgeTransport } from '../src/rules/database-privileges.js';
import { judgeDatabaseTransport, parseDatabaseUrl as ruleFacts } from '../src/rules/database-url.js';
import { judgeHost } from '../src/rules/hosts.js';

/**
 * security.database-credentials judges one URL twice — from its text (rules/database-url.ts) and from the
 * session the probe opens (rules/database-privileges.ts) — and production-env-values judges its host
 * (rules/hosts.ts). Every part must give the same URL the same locality and transport answer.
 */

const PASSWORD = 'Zk29fj20aQx-agreement';
const unencrypted: SessionInfo = {
  serverVersion: '16.4',
  serverVersionNum: 160004,
  user: 'app',
  database: 'shop',
  ssl: { used: false, version: null, cipher: null },
  connectMs: 1,
};

function facts(url: string) {
  const config = configFacts(url);
  const rule = ruleFacts(url);
  if (!config.ok || !rule.ok) throw new Error(`${url} does not parse`);
  return { config: config.facts, rule: rule.facts, probe: probeUrl(url).url };
}

describe('the same URL is local, or not, in every part that asks', () => {
  it.each<[string, string, string, boolean]>([
    ['localhost', 'localhost', `postgresql://app:${PASSWORD}@localhost:5432/shop`, true],
    ['127.0.0.1', '127.0.0.1', `postgresql://app:${PASSWORD}@127.0.0.1:5432/shop`, true],
    ['::1 (?host=)', '::1', `postgresql://app:${PASSWORD}@/shop?host=::1`, true],
    ['[::1]', '[::1]', `postgresql://app:${PASSWORD}@[::1]:5432/shop`, true],
    ['0.0.0.0', '0.0.0.0', `postgresql://app:${PASSWORD}@0.0.0.0:5432/shop`, true],
    ['host.docker.internal', 'host.docker.internal', `postgresql://app:${PASSWORD}@host.docker.internal:5432/shop`, true],
    ['db.localhost', 'db.localhost', `postgresql://app:${PASSWORD}@db.localhost:5432/shop`, true],
    ['a Unix socket', '/var/run/postgresql', `postgresql://app:${PASSWORD}@/shop?host=/var/run/postgresql`, true],
    ['*.railway.internal', 'postgres.railway.internal', `postgresql://app:${PASSWORD}@postgres.railway.internal:5432/shop`, false],
    ['a public host', 'aws-0-eu-central-1.pooler.supabase.com', `postgresql://app:${PASSWORD}@aws-0-eu-central-1.pooler.supabase.com:6543/shop`, false],
  ])('%s', (_label, host, url, local) => {
    const { config, rule, probe } = facts(url);
    expect(classifyHost(host).local !== undefined).toBe(local);
    expect(config.local).toBe(local);
    expect(rule.local).toBe(local);
    expect(probe.local).toBe(local);
    // production-env-values fails every local host (and passes the rest of this table).
    expect(judgeHost(host)?.level).toBe(local ? 'fail' : undefined);
    // Without sslmode: the URL-side judge excuses a local host; the session-side judge accepts plaintext only there.
    expect(judgeDatabaseTransport(rule).status).toBe(local ? 'pass' : 'warn');
    expect(judgeTransport(probe, unencrypted).status === 'pass').toBe(local);
  });
});

describe('the same sslmode means the same transport in every part that reads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'readiness-agreement-'));
  const ca = join(dir, 'ca.pem');
  writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nnot parsed here\n-----END CERTIFICATE-----\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const remote = (query: string) => `postgresql://app:${PASSWORD}@aws-0-eu-central-1.pooler.supabase.com:6543/shop${query}`;

  /** The probe insists on TLS unless libpq's mode lets it fall back (see PostgresProbe.open). */
  const probeInsistsOnTls = (mode: string) => !['disable', 'allow', 'prefer'].includes(mode);

  it.each<[string, boolean]>([
    ['', false],
    ['?sslmode=disable', false],
    ['?sslmode=allow', false],
    ['?sslmode=prefer', false],
    ['?sslmode=require', true],
    ['?sslmode=no-verify', true],
    [`?sslmode=verify-ca&sslrootcert=${ca}`, true],
    ['?sslmode=verify-full', true],
    ['?ssl=true', true],
  ])('"%s" → encrypted: %s', (query, encrypted) => {
    const { config, rule, probe } = facts(remote(query));
    expect(config.ssl.encrypted).toBe(encrypted);
    expect(rule.ssl).toEqual(config.ssl);
    expect(probe.sslmode).toBe(config.ssl.mode);
    expect(probeInsistsOnTls(probe.sslmode)).toBe(encrypted);
    expect(judgeDatabaseTransport(rule).status).toBe(encrypted ? 'pass' : 'warn');
  });

  it('an unknown sslmode is refused by the probe and warned about by the rule', () => {
    const url = remote('?sslmode=verify_full');
    const rule = ruleFacts(url);
    if (!rule.ok) throw new Error('does not parse');
    expect(rule.facts.ssl).toEqual({ mode: undefined, source: 'sslmode', encrypted: false });
    expect(judgeDatabaseTransport(rule.facts)).toMatchObject({ status: 'warn', message: expect.stringMatching(/unknown sslmode "verify_full"/) });
    expect(() => probeUrl(url)).toThrow(DatabaseUrlError);
    expect(() => probeUrl(url)).toThrow(/sslmode=verify_full is not one of disable, allow, prefer, require, verify-ca, verify-full, no-verify/);
  });
});
