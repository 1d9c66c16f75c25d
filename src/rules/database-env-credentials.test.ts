import { describe, expect, it } from 'vitest';
import { credentialGroups, credentialName, transportUrl } from './database-env-credentials.js';

describe('split database credential variables', () => {
  it.each([
    ['PGPASSWORD', { prefix: 'PG', part: 'password' }],
    ['PGUSER', { prefix: 'PG', part: 'user' }],
    ['DB_PASS', { prefix: 'DB', part: 'password' }],
    ['DB_USERNAME', { prefix: 'DB', part: 'user' }],
    ['POSTGRES_DB', { prefix: 'POSTGRES', part: 'database' }],
    ['SPRING_DATASOURCE_PASSWORD', { prefix: 'SPRING_DATASOURCE', part: 'password' }],
    ['ANALYTICS_DB_PWD', { prefix: 'ANALYTICS_DB', part: 'password' }],
    ['dbPassword', { prefix: 'DB', part: 'password' }],
    ['database-host', { prefix: 'DATABASE', part: 'host' }],
    ['REDIS_PASSWORD', undefined],
    ['JWT_SECRET', undefined],
    ['DB_POOL_SIZE', undefined],
    ['PGSSLMODE', { prefix: 'PG', part: 'sslmode' }],
    ['DB_SSL_MODE', { prefix: 'DB', part: 'sslmode' }],
    ['DATABASE_SSLMODE', { prefix: 'DATABASE', part: 'sslmode' }],
    ['DB_SSL', { prefix: 'DB', part: 'ssl' }],
    ['REDIS_SSL', undefined],
    ['SSLMODE', undefined],
  ] as const)('%s', (name, expected) => {
    expect(credentialName(name)).toEqual(expected);
  });

  it('groups by prefix, skipping empty values and whole URLs', () => {
    const groups = credentialGroups([
      ['DB_HOST', 'db.internal'],
      ['DB_USER', 'postgres'],
      ['DB_PASSWORD', 'postgres'],
      ['PGPASSWORD', ''],
      ['PGHOST', 'postgres://u:p@h/db'],
      ['REPLICA_DB_USER', 'reader'],
    ]);
    expect(groups).toEqual([
      { prefix: 'DB', host: { name: 'DB_HOST', value: 'db.internal' }, user: { name: 'DB_USER', value: 'postgres' }, password: { name: 'DB_PASSWORD', value: 'postgres' } },
      { prefix: 'REPLICA_DB', user: { name: 'REPLICA_DB_USER', value: 'reader' } },
    ]);
  });

  it.each([
    ['a host, port, database and sslmode', { prefix: 'PG', host: { name: 'PGHOST', value: 'db.internal' }, port: { name: 'PGPORT', value: '6432' }, database: { name: 'PGDATABASE', value: 'shop' }, sslmode: { name: 'PGSSLMODE', value: 'require' } }, 'postgres://db.internal:6432/shop?sslmode=require'],
    ['an IPv6 host', { prefix: 'DB', host: { name: 'DB_HOST', value: '2001:db8::1' } }, 'postgres://[2001:db8::1]'],
    ['no host: the client decides', { prefix: 'DB', password: { name: 'DB_PASSWORD', value: 'x' } }, undefined],
    ['a host that is no host', { prefix: 'DB', host: { name: 'DB_HOST', value: 'a b/c' } }, undefined],
  ] as const)('judges the transport of split variables as a URL: %s', (_name, group, expected) => {
    expect(transportUrl(group)).toBe(expected);
  });
});
