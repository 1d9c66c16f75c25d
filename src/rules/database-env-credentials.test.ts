import { describe, expect, it } from 'vitest';
import { credentialGroups, credentialName } from './database-env-credentials.js';

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
});
