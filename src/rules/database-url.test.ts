import { describe, expect, it } from 'vitest';
import { isDefaultPair, judgeDatabaseTransport, maskedDatabaseUrl, parseDatabaseUrl, type DatabaseUrlFacts } from './database-url.js';

function facts(url: string): DatabaseUrlFacts {
  const parsed = parseDatabaseUrl(url);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.facts;
}

describe('parseDatabaseUrl', () => {
  it('parses user, decoded password, host, port, database and parameters', () => {
    const f = facts('postgresql://app:p%40ss%3Aw0rd@db.prod.internal:6543/shop?sslmode=require&connection_limit=5&pool_timeout=10');
    expect(f).toMatchObject({ scheme: 'postgresql', user: 'app', password: 'p@ss:w0rd', host: 'db.prod.internal', port: '6543', database: 'shop', local: false });
    expect(f.params).toMatchObject({ sslmode: 'require', connection_limit: '5' });
  });

  it('never reads the files sslcert/sslkey/sslrootcert name', () => {
    expect(facts('postgres://u:p@h/db?sslrootcert=/nonexistent/ca.pem&sslmode=verify-full').params.sslrootcert).toBe('/nonexistent/ca.pem');
  });

  it('rejects what is not a URL, without quoting it', () => {
    const parsed = parseDatabaseUrl('host=db password=Zq8-secret-Kw');
    expect(parsed).toEqual({ ok: false, problem: 'is not a scheme://user:password@host/database URL' });
  });

  it('masks the password and secret parameters for evidence', () => {
    expect(maskedDatabaseUrl(facts('postgres://app:hunter22@db:5432/shop?sslpassword=zz&sslmode=require'))).toBe(
      'postgres://app:****@db:5432/shop?sslpassword=****&sslmode=require',
    );
  });
});

describe('judgeDatabaseTransport', () => {
  it.each([
    ['postgres://u:p@db.prod.internal/app', 'warn', /no sslmode/],
    ['postgres://u:p@db.prod.internal/app?sslmode=prefer', 'warn', /allows an unencrypted/],
    ['postgres://u:p@db.prod.internal/app?sslmode=disable', 'warn', /allows an unencrypted/],
    ['postgres://u:p@db.prod.internal/app?sslmode=require', 'pass', /sslmode=require/],
    ['postgres://u:p@db.prod.internal/app?sslmode=verify-full', 'pass', /verify-full/],
    ['postgres://u:p@db.prod.internal/app?ssl=true', 'pass', /ssl=true/],
    ['postgres://u:p@localhost/app', 'pass', /local host/],
    ['mysql://u:p@db.prod.internal/app', 'skip', /PostgreSQL/],
  ])('%s → %s', (url, status, message) => {
    const result = judgeDatabaseTransport(facts(url));
    expect(result.status).toBe(status);
    expect(result.message).toMatch(message);
  });

  it('reports Prisma pool parameters as evidence', () => {
    const result = judgeDatabaseTransport(facts('postgres://u:p@db.prod.internal/app?sslmode=require&connection_limit=9&pool_timeout=20&pgbouncer=true'));
    expect(result.evidence).toMatchObject({ prismaConnectionLimit: 9, prismaPoolTimeoutSeconds: 20, pgbouncer: true });
  });
});

describe('isDefaultPair', () => {
  it.each([['postgres', 'postgres'], ['postgres', 'password'], ['root', 'root'], ['admin', 'admin'], ['shop', 'shop'], ['prisma', 'prisma']])('%s/%s', (user, password) => {
    expect(isDefaultPair(user, password)).toBe(true);
  });
  it('accepts an application role with its own password', () => {
    expect(isDefaultPair('shop_app', 'Zk29fj20aQ')).toBe(false);
  });
});
