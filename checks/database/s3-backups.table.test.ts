import { judgementTable } from '../../test/helpers/judgement-table.js';
import automaticBackups from './automatic-backups.js';

// The S3 form of database.automatic-backups, replayed from the listings recorded in s3-backups.test.ts.
judgementTable(automaticBackups, [
  { scenario: 'fresh plain dump in s3', status: 'pass', message: /^newest backup 2024-05-02\/shop\.sql: \d+ bytes, 3 h old \(complete pg_dump\), within 26 h$/ },
  { scenario: 'fresh plain dump in s3', environment: (e) => ({ ...e, database: { ...(e.database as object), backups: { location: 's3://shop-backups/postgres/', maxAge: '2h' } } }), status: 'fail', message: /is 3 h old, older than 2 h: backups have stopped$/ },
  { scenario: 'stale dump in s3', status: 'fail', message: 'newest backup shop.sql is 30 h old, older than 26 h: backups have stopped' },
  { scenario: 'gzipped dump in s3', status: 'warn', message: /could not be verified to its end/ },
  { scenario: 'listing denied', status: 'error', message: /needs s3:ListBucket/ },
]);
