import { describe, expect, it } from 'vitest';
import { findCredentialLeaks } from './log-leaks.js';

const masked = (line: string, known: string[] = []) => findCredentialLeaks(line, known).map((l) => l.masked);

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

  it('finds a known password verbatim, and keeps the secret only for redaction', () => {
    const leaks = findCredentialLeaks('auth failed with Zk29fj20aQ-long', ['Zk29fj20aQ-long']);
    expect(leaks).toEqual([{ kind: 'known-password', masked: 'the configured database password, verbatim', secret: 'Zk29fj20aQ-long' }]);
  });
});
