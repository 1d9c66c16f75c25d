import { backupTable, recordedDump } from '../../test/helpers/backup-table.js';
import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './manual-backup-tested.js';

const NOT_A_RESTORE = 'but a readable file is not a tested restore: set database.backups.restoredUrl to a restored copy, or attest: A dated restore record';
const dump = recordedDump('shop.sql');

judgementTable(check, [
  {
    scenario: 'restored copy has the data',
    status: 'pass',
    message: /^the restored copy 127\.0\.0\.1:\d+\/\w+ has 3 table\(s\) with data where production has data, migrated up to 20240201080000_index_conversion_product$/,
  },
  {
    scenario: 'schema-only restore',
    status: 'fail',
    message:
      /^the restored copy 127\.0\.0\.1:\d+\/\w+ has no applied Prisma migration: the restore did not bring the schema; 2 table\(s\) empty in the restored copy but not in production: public\.Product, public\.Shop$/,
  },
  {
    scenario: 'restored copy unreachable',
    status: 'error',
    message: /^restored copy: PostgreSQL at 127\.0\.0\.1:1\/\w+ refused the connection: server down or wrong port$/,
    evidence: { reason: 'refused' },
  },
  { scenario: 'no backups configured', status: 'manual', message: /^no database\.backups configured, so a person must attest: A dated restore record/ },
]);

backupTable(check, [
  {
    name: 'only a complete dump, no restored copy',
    files: { 'shop.sql': { content: dump, ageHours: 2 } },
    status: 'manual',
    message: new RegExp(`^newest backup shop\\.sql is readable and complete, ${NOT_A_RESTORE}`),
  },
  {
    name: 'only a custom-format dump, whose completeness cannot be read',
    files: { 'shop.dump': { content: recordedDump('custom.dump'), ageHours: 2 } },
    status: 'manual',
    message: new RegExp(`^newest backup shop\\.dump is readable, ${NOT_A_RESTORE}`),
  },
  {
    name: 'a dump too old for automatic-backups is still only readable here',
    files: { 'shop.sql': { content: dump, ageHours: 100 } },
    status: 'manual',
    message: new RegExp(`^newest backup shop\\.sql is readable and complete, ${NOT_A_RESTORE}`),
  },
  {
    name: 'a truncated newest dump',
    files: { 'shop.sql': { content: Buffer.from('--\n-- PostgreSQL database dump\n--\nCREATE TABLE'), ageHours: 1 } },
    status: 'fail',
    message: 'newest backup shop.sql is truncated (no "dump complete" trailer)',
  },
  {
    name: 'an empty newest file',
    files: { 'old.sql': { content: dump, ageHours: 30 }, 'new.sql': { content: Buffer.alloc(0), ageHours: 1 } },
    status: 'fail',
    message: 'newest backup new.sql is 0 bytes, under 1: empty',
  },
  { name: 'no backup file', files: { 'README.md': { content: Buffer.from('dumps land here'), ageHours: 1 } }, status: 'fail', message: (dir) => `no backup file in ${dir}` },
  { name: 'a directory that does not exist', location: '/nonexistent/readiness-backups', status: 'error', message: 'backup directory /nonexistent/readiness-backups does not exist' },
  {
    name: 'an S3 location',
    location: 's3://shop-backups/postgres/',
    status: 'manual',
    message: /^backups are in s3:\/\/shop-backups\/postgres\/ \(S3 is not listed by this build\); set database\.backups\.restoredUrl to verify a restore, or attest: /,
  },
]);
