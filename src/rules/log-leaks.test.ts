import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { credentialKey, findCredentialLeaks, type KnownSecrets } from './log-leaks.js';

/** Known secrets as the check builds them: keyed fingerprints and lengths, never the values side by side. */
function knownSecrets(secrets: Record<string, string>): KnownSecrets {
  const digest = (value: string) => createHmac('sha256', 'test key').update(value).digest('hex');
  const whats = new Map(Object.entries(secrets).map(([secret, what]) => [digest(secret), what]));
  return { lengths: new Set(Object.keys(secrets).map((s) => s.length)), lookup: (candidate) => whats.get(digest(candidate)) };
}

const masked = (line: string, known: Record<string, string> = {}) => findCredentialLeaks(line, knownSecrets(known)).map((l) => l.masked);

describe('findCredentialLeaks', () => {
  it.each([
    ['Connecting to postgres://app:Zk29fj20aQ@db.internal:5432/shop', 'postgres://app:****@db.internal:5432'],
    ['url=postgresql://app:Zk29fj20aQ@db.internal/shop?sslmode=require', 'postgresql://app:****@db.internal'],
    ['mongodb+srv://svc:Zk29fj20aQ@cluster0.abc.mongodb.net/db', 'mongodb+srv://svc:****@cluster0.abc.mongodb.net'],
    ['REDIS_URL=rediss://:Zk29fj20aQ@cache.internal:6380', 'rediss://:****@cache.internal:6380'],
    ['amqps://user:Zk29fj20aQ@mq.internal/vhost', 'amqps://user:****@mq.internal'],
    ['mysql://root:Zk29fj20aQ@10.0.0.4:3306/app', 'mysql://root:****@10.0.0.4:3306'],
    ['mssql://sa:Zk29fj20aQ@sql.internal:1433', 'mssql://sa:****@sql.internal:1433'],
  ])('finds the password in %s', (line, expected) => {
    expect(masked(line)).toEqual([expected]);
  });

  it('finds password= pairs and JSON "password" keys, not prose', () => {
    expect(masked('host=db user=app password=Zk29fj20aQ dbname=shop')).toEqual(['password=****']);
    expect(masked('{"user":"app","password":"Zk29fj20aQ"}')).toEqual(['password:****']);
    expect(masked('Server=db;Pwd=Zk29fj20aQ;')).toEqual(['Pwd=****']);
    expect(masked('error: password: required field missing')).toEqual([]);
  });

  it.each([
    'postgres://app:****@db.internal:5432/shop',
    'postgres://app:<redacted>@db.internal/shop',
    'postgres://app:[REDACTED]@db.internal/shop',
    'postgres://app:${DB_PASSWORD}@db.internal/shop',
    'password=[FILTERED]',
    'password="***"',
    'postgres://db.internal:5432/shop (no credentials)',
  ])('ignores already-masked or credential-free %s', (line) => {
    expect(masked(line)).toEqual([]);
  });

  it('finds a known password verbatim by its fingerprint, and keeps the secret only for redaction', () => {
    const leaks = findCredentialLeaks('auth failed with Zk29fj20aQ-long', knownSecrets({ 'Zk29fj20aQ-long': 'the configured database password' }));
    expect(leaks).toEqual([{ kind: 'known-password', masked: 'the configured database password, verbatim', secret: 'Zk29fj20aQ-long' }]);
    expect(masked('token="Zk29fj20aQ-long"; next', { 'Zk29fj20aQ-long': 'the value of JWT_SECRET' })).toEqual(['the value of JWT_SECRET, verbatim']);
    expect(masked('url=redis://cache:6379?x=Zk29fj20aQ-long&y=1', { 'Zk29fj20aQ-long': 'the value of REDIS_TOKEN' })).toEqual(['the value of REDIS_TOKEN, verbatim']);
  });

  it.each([
    ['POSTGRES_PASSWORD=Zk29fj20aQ', 'POSTGRES_PASSWORD=****'],
    ['SPRING_DATASOURCE_PASSWORD=Zk29fj20aQ', 'SPRING_DATASOURCE_PASSWORD=****'],
    ['spring.datasource.password=Zk29fj20aQ', 'spring.datasource.password=****'],
    ['{"dbPassword": "Zk29fj20aQ"}', 'dbPassword:****'],
    ['MYSQL_ROOT_PASSWORD: Zk29fj20aQ', 'MYSQL_ROOT_PASSWORD:****'],
    ['DB-PASS=Zk29fj20aQ', 'DB-PASS=****'],
    ['PGPASSWORD=Zk29fj20aQ psql -h db', 'PGPASSWORD=****'],
    ["{ client_secret => 'Zk29fj20aQ' }", 'client_secret=>****'],
  ])('finds credential keys in every casing and separator style: %s', (line, expected) => {
    expect(masked(line)).toEqual([expected]);
  });

  it('takes a URL password of "secret" for what it is, a password', () => {
    expect(masked('connecting to postgres://app:secret@db.internal:5432/shop')).toEqual(['postgres://app:****@db.internal:5432']);
  });

  it('tells credential keys from other keys', () => {
    for (const key of ['password', 'POSTGRES_PASSWORD', 'dbPassword', 'db.password', 'PGPASSWORD', 'DB_PASS', 'client_secret', 'apiKey', 'PRIVATE_KEY', 'pwd']) expect(credentialKey(key), key).toBe(true);
    for (const key of ['user', 'passenger', 'compass', 'bypass', 'secretary_name', 'DATABASE_URL', 'token_type', 'passed']) expect(credentialKey(key), key).toBe(false);
  });
});
