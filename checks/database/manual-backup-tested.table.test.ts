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
  {
    scenario: 'restoredUrl is production',
    status: 'fail',
    message:
      /^database\.backups\.restoredUrl names the production database itself \(localhost:\d+\/\w+\): a restore test must read a separate copy, and restoring into this URL would overwrite production$/,
  },
  {
    scenario: 'restoredUrl reaches production through a relay',
    status: 'fail',
    message: /^database\.backups\.restoredUrl \(127\.0\.0\.1:\d+\/\w+\) reaches the production database itself \(same server, started .+, and the same database \w+\): a restore test must read a separate copy/,
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
    name: 'only a custom-format dump, read to its end',
    files: { 'shop.dump': { content: recordedDump('custom.dump'), ageHours: 2 } },
    status: 'manual',
    message: new RegExp(`^newest backup shop\\.dump is readable and complete, ${NOT_A_RESTORE}`),
  },
  {
    name: "pg_dump's error text as the newest backup, and no restored copy",
    files: { 'nightly.sql': { content: recordedDump('pg_dump-error.sql'), ageHours: 1 } },
    status: 'fail',
    message: /^newest backup nightly\.sql is not a database dump: it starts with "pg_dump: error: /,
  },
  {
    name: 'a zstd file, which this build cannot read, and no restored copy',
    files: { 'nightly.sql.zst': { content: Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00]), ageHours: 1 } },
    status: 'manual',
    message: new RegExp(`^newest backup nightly\\.sql\\.zst is readable \\(could not be verified to its end: zstd-compressed: this build cannot decompress it to check the dump inside\\), ${NOT_A_RESTORE}`),
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
    message: /^backups are in s3:\/\/shop-backups\/postgres\/: add environments\.\w+\.aws \(region, credentials\) to list them, or a person must check: A dated restore record/,
  },
]);
