import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl, SSL_MODES, type DatabaseUrlFacts, type SslRequest } from './database-url.js';

function facts(url: string): DatabaseUrlFacts {
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.facts;
}

describe('parseDatabaseUrl (config layer): one set of facts for every judge', () => {
  it('reads user, decoded password, host, port, database, parameters and Prisma options', () => {
    const f = facts('postgresql://app:p%40ss%3Aw0rd@db.prod.internal:6543/shop?sslmode=require&connection_limit=5&pool_timeout=10&pgbouncer=true&schema=tenant');
    expect(f).toMatchObject({
      scheme: 'postgresql',
      user: 'app',
      password: 'p@ss:w0rd',
      host: 'db.prod.internal',
      hosts: ['db.prod.internal'],
      port: '6543',
      database: 'shop',
      schema: 'tenant',
      local: false,
      ssl: { mode: 'require', source: 'sslmode', encrypted: true },
      prisma: { connectionLimit: 5, poolTimeout: 10, pgbouncer: true },
    });
  });

  it('keeps defaults empty rather than guessing: no port, no database, no password, schema public', () => {
    expect(facts('postgres://app@db.prod.internal')).toMatchObject({ port: '', database: '', password: undefined, schema: 'public', prisma: { pgbouncer: false } });
  });

  it('reads a Unix socket from ?host=, also with pg\'s empty-authority form', () => {
    expect(facts('postgres:///shop?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', database: 'shop', local: true });
    expect(facts('postgres://app:pw@/shop?host=/var/run/postgresql')).toMatchObject({ host: '/var/run/postgresql', user: 'app', local: true });
    expect(facts('postgres://%2Fvar%2Frun%2Fpostgresql/shop')).toMatchObject({ host: '/var/run/postgresql', local: true });
  });

  it('treats a URL naming no host as local: the client falls back to its default', () => {
    expect(facts('postgres:///shop')).toMatchObject({ host: '', hosts: [], local: true });
  });

  it('is local only when every host of a multi-host URL is', () => {
    expect(facts('postgres://u:p@localhost,127.0.0.1/shop')).toMatchObject({ hosts: ['localhost', '127.0.0.1'], local: true });
    expect(facts('postgres://u:p@localhost,db.prod.internal/shop').local).toBe(false);
  });

  it('never reads the files sslcert/sslkey/sslrootcert name, and keeps them as parameters', () => {
    const f = facts('postgres://u:p@h/db?sslrootcert=/nonexistent/ca.pem&sslcert=/nonexistent/c.pem&sslkey=/nonexistent/k.pem&sslmode=verify-ca');
    expect(f.params).toMatchObject({ sslrootcert: '/nonexistent/ca.pem', sslcert: '/nonexistent/c.pem', sslkey: '/nonexistent/k.pem' });
    expect(f.ssl).toEqual({ mode: 'verify-ca', source: 'sslmode', encrypted: true });
  });

  it.each<[string, SslRequest]>([
    ['', { mode: 'prefer', source: 'default', encrypted: false }],
    ['?sslmode=disable', { mode: 'disable', source: 'sslmode', encrypted: false }],
    ['?sslmode=allow', { mode: 'allow', source: 'sslmode', encrypted: false }],
    ['?sslmode=prefer', { mode: 'prefer', source: 'sslmode', encrypted: false }],
    ['?sslmode=require', { mode: 'require', source: 'sslmode', encrypted: true }],
    ['?sslmode=no-verify', { mode: 'no-verify', source: 'sslmode', encrypted: true }],
    ['?sslmode=verify-ca', { mode: 'verify-ca', source: 'sslmode', encrypted: true }],
    ['?sslmode=verify-full', { mode: 'verify-full', source: 'sslmode', encrypted: true }],
    ['?sslmode=REQUIRE', { mode: undefined, source: 'sslmode', encrypted: false }],
    ['?sslmode=bogus', { mode: undefined, source: 'sslmode', encrypted: false }],
    ['?ssl=true', { mode: 'require', source: 'ssl=true', encrypted: true }],
    ['?ssl=1', { mode: 'require', source: 'ssl=true', encrypted: true }],
    ['?ssl=false', { mode: 'prefer', source: 'default', encrypted: false }],
    ['?sslnegotiation=direct', { mode: 'require', source: 'sslnegotiation=direct', encrypted: true }],
    ['?ssl=true&sslmode=disable', { mode: 'disable', source: 'sslmode', encrypted: false }],
  ])('ssl of "%s"', (query, ssl) => {
    expect(facts(`postgres://u:p@db.prod.internal/shop${query}`).ssl).toEqual(ssl);
  });

  it('lists no-verify among the modes, as node-postgres accepts it', () => {
    expect(SSL_MODES).toContain('no-verify');
  });

  it('rejects what is not a URL, without quoting it', () => {
    expect(parseDatabaseUrl('host=db password=Zq8-secret-Kw')).toEqual({ ok: false, problem: 'is not a scheme://user:password@host/database URL' });
    const broken = parseDatabaseUrl('postgres://u:Zq8-secret-Kw@h:notaport/db');
    expect(broken).toEqual({ ok: false, problem: 'cannot be parsed as a connection string' });
  });

  it('prints no node-postgres warning for sslmode values it would warn about', async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    try {
      for (const mode of ['prefer', 'require', 'verify-ca']) facts(`postgres://u:p@db.prod.internal/shop?sslmode=${mode}`);
      // process.emitWarning delivers on a later tick.
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(warnings).toEqual([]);
  });
});
