import { gzipSync } from 'node:zlib';
import { backupTable, recordedDump } from '../../test/helpers/backup-table.js';
import check from './automatic-backups.js';

const dump = recordedDump('shop.sql');
const custom = recordedDump('custom.dump');
const tar = recordedDump('shop.tar');
const errorText = recordedDump('pg_dump-error.sql');
const gzipped = gzipSync(dump);
const half = dump.subarray(0, Math.floor(dump.length / 2));
const bytes = dump.length;

backupTable(check, [
  {
    name: 'a complete dump 3 h old in dated folders',
    files: { '2024-05-01/shop.sql': { content: dump, ageHours: 50 }, '2024-05-02/shop.sql.gz': { content: gzipped, ageHours: 3 } },
    status: 'pass',
    message: `newest backup 2024-05-02/shop.sql.gz: ${gzipped.length} bytes, 3 h old (complete pg_dump), within 26 h`,
  },
  {
    name: 'a custom-format dump',
    files: { 'nightly.dump': { content: recordedDump('custom.dump'), ageHours: 1 } },
    status: 'pass',
    message: `newest backup nightly.dump: ${recordedDump('custom.dump').length} bytes, 1 h old (pg_dump custom format), within 26 h`,
  },
  // An unknown format is not a backup: this row passed before (the false pass the issue names).
  {
    name: 'a file that is no dump, under a backup name',
    files: { 'notes.tar': { content: Buffer.from('not a dump, but named like a backup'), ageHours: 2 } },
    status: 'fail',
    message: 'newest backup notes.tar is not a database dump: it starts with "not a dump, but named like a backup"',
  },
  {
    name: "pg_dump's error text saved as the newest .sql",
    files: { 'old.sql': { content: dump, ageHours: 25 }, 'nightly.sql': { content: errorText, ageHours: 1 } },
    status: 'fail',
    message: /^newest backup nightly\.sql is not a database dump: it starts with "pg_dump: error: connection to server at "127\.0\.0\.1", port 1 failed/,
  },
  {
    name: "pg_dump's error text, gzipped",
    files: { 'nightly.sql.gz': { content: gzipSync(errorText), ageHours: 1 } },
    status: 'fail',
    message: /^newest backup nightly\.sql\.gz is not a database dump \(gzip of something else\): it starts with "pg_dump: error: /,
  },
  {
    name: 'binary data under a backup name',
    files: { 'nightly.bak': { content: Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]), ageHours: 1 } },
    status: 'fail',
    message: 'newest backup nightly.bak is not a database dump: not pg_dump output in any format (plain, custom, directory, tar) nor gzip',
  },
  {
    name: 'a tar-format dump',
    files: { 'nightly.tar': { content: tar, ageHours: 1 } },
    status: 'pass',
    message: `newest backup nightly.tar: ${tar.length} bytes, 1 h old (pg_dump tar format), within 26 h`,
  },
  {
    name: 'a tar-format dump without its last 2 KB',
    files: { 'nightly.tar': { content: tar.subarray(0, tar.length - 2048), ageHours: 1 } },
    status: 'fail',
    message: /^newest backup nightly\.tar is incomplete or corrupt \(pg_dump tar format\): /,
  },
  {
    name: 'a gzipped tar-format dump',
    files: { 'nightly.tar.gz': { content: gzipSync(tar), ageHours: 1 } },
    status: 'pass',
    message: /^newest backup nightly\.tar\.gz: \d+ bytes, 1 h old \(gzipped pg_dump tar format\), within 26 h$/,
  },
  {
    name: 'a custom-format dump without its last 10 bytes',
    files: { 'nightly.dump': { content: custom.subarray(0, custom.length - 10), ageHours: 1 } },
    status: 'fail',
    message: /^newest backup nightly\.dump is incomplete or corrupt \(pg_dump custom format\): /,
  },
  {
    name: 'a gzipped custom-format dump',
    files: { 'nightly.dump.gz': { content: gzipSync(custom), ageHours: 1 } },
    status: 'pass',
    message: /^newest backup nightly\.dump\.gz: \d+ bytes, 1 h old \(gzipped pg_dump custom format\), within 26 h$/,
  },
  {
    name: 'a custom-format dump with a gzip of its own text appended',
    files: { 'nightly.dump': { content: Buffer.concat([custom, Buffer.from('pg_dump: error: query failed\n')]), ageHours: 1 } },
    status: 'fail',
    message: /^newest backup nightly\.dump is incomplete or corrupt \(pg_dump custom format\): an unknown data block type/,
  },
  {
    name: 'a zstd-compressed file, which this build cannot read',
    files: { 'nightly.sql.zst': { content: Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00]), ageHours: 1 } },
    status: 'warn',
    message: 'newest backup nightly.sql.zst could not be verified to its end: zstd-compressed: this build cannot decompress it to check the dump inside',
  },
  {
    name: 'a plain dump with text after its trailer',
    files: { 'nightly.sql': { content: Buffer.concat([dump, Buffer.from('pg_dump: error: could not close file\n')]), ageHours: 1 } },
    status: 'fail',
    message: 'newest backup nightly.sql is incomplete or corrupt (complete pg_dump): has text after its "dump complete" trailer',
  },
  {
    name: 'the newest dump 30 h old',
    files: { 'shop.sql': { content: dump, ageHours: 30 } },
    status: 'fail',
    message: 'newest backup shop.sql is 30 h old, older than 26 h: backups have stopped',
  },
  {
    name: 'the newest dump 30 h old, maxAge 36h',
    files: { 'shop.sql': { content: dump, ageHours: 30 } },
    backups: { maxAge: '36h' },
    status: 'pass',
    message: `newest backup shop.sql: ${bytes} bytes, 30 h old (complete pg_dump), within 36 h`,
  },
  {
    name: 'the newest dump 3 days old',
    files: { 'shop.sql': { content: dump, ageHours: 72 } },
    status: 'fail',
    message: 'newest backup shop.sql is 3 days old, older than 26 h: backups have stopped',
  },
  {
    name: 'an empty newest file beside an older dump',
    files: { 'old.sql': { content: dump, ageHours: 5 }, 'new.sql': { content: Buffer.alloc(0), ageHours: 1 } },
    status: 'fail',
    message: 'newest backup new.sql is 0 bytes, under 1: empty',
  },
  {
    name: 'a complete dump under minSize',
    files: { 'shop.sql': { content: dump, ageHours: 1 } },
    backups: { minSize: bytes + 1 },
    status: 'fail',
    message: `newest backup shop.sql is ${bytes} bytes, under ${bytes + 1}: empty`,
  },
  {
    name: 'a plain dump cut in half',
    files: { 'new.sql': { content: half, ageHours: 1 } },
    status: 'fail',
    message: 'newest backup new.sql is truncated (no "dump complete" trailer)',
  },
  {
    name: 'a gzipped dump cut short',
    files: { 'new.sql.gz': { content: gzipped.subarray(0, gzipped.length - 20), ageHours: 1 } },
    status: 'fail',
    message: 'newest backup new.sql.gz is truncated (no "dump complete" trailer, or the gzip stream is cut off)',
  },
  {
    name: 'a truncated dump that is also too old',
    files: { 'new.sql': { content: half, ageHours: 40 } },
    status: 'fail',
    message: /^newest backup new\.sql is truncated \(no "dump complete" trailer\).*newest backup new\.sql is 40 h old, older than 26 h: backups have stopped$/,
  },
  {
    name: 'no backup file, only other files',
    files: { 'README.txt': { content: Buffer.from('backups go here'), ageHours: 1 }, '.hidden.sql': { content: dump, ageHours: 1 } },
    status: 'fail',
    message: (dir) => `no backup file in ${dir}`,
  },
  {
    name: 'a dump four folders deep, beyond the walk',
    files: { 'a/b/c/d/shop.sql': { content: dump, ageHours: 1 } },
    status: 'fail',
    message: (dir) => `no backup file in ${dir}`,
  },
  { name: 'a directory that does not exist', location: '/nonexistent/readiness-backups', status: 'error', message: 'backup directory /nonexistent/readiness-backups does not exist' },
  {
    name: 'an S3 location',
    location: 's3://shop-backups/postgres/',
    status: 'manual',
    message: /^backups are in s3:\/\/shop-backups\/postgres\/: add environments\.\w+\.aws \(region, credentials\) to list them, or a person must check: Screenshot of the Railway/,
  },
  { name: 'no backup location', status: 'manual', message: /^no database\.backups\.location configured, so a person must check: Screenshot of the Railway/ },
]);
