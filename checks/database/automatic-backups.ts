import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { databaseFailure } from '../../src/kit/database.js';
import { judgeBackupFreshness } from '../../src/rules/database-backups.js';
import { backupsProbe } from '../../src/probes/backups.js';
import { isS3Location, judgeS3Backups } from '../../src/kit/s3-backups.js';

const ATTESTATION =
  "Screenshot of the Railway Postgres service's Backups tab (or the provider's console) showing the schedule, retention period and the most recent automatic backup taken within the last 24 hours, with its timestamp.";

export default defineCheck({
  id: 'database.automatic-backups',
  section: 'database',
  item: 'Automatic backups enabled (Railway default: daily)',
  severity: 'critical',
  automation: 'partial',
  needs: ['database'],
  verifies: 'Automatic backups of the production Postgres run on a schedule (at least daily), and a recent backup actually exists.',
  how:
    'When database.backups.location names a directory (relative to the config file): finds the newest backup there (up to 3 levels deep) by modification time — a file ' +
    'named like one (.sql, .dump, .pgdump, .backup, .bak, .tar, .gz, .zst, …) or a folder pg_dump -Fd wrote (it holds toc.dat) — and validates it to its end in its ' +
    'format: a plain dump must start with pg_dump\'s header and end with its "dump complete" trailer; a custom-format archive must hold its header, table of contents ' +
    'and every data block the TOC promises; a tar archive every member whole and each data member toc.dat names; a directory dump its toc.dat and every data file ' +
    '(gzip ones inflated); gzip is inflated (up to 256 MB) and what it holds judged the same way. Pass: younger than backups.maxAge (default 26h), at least ' +
    'backups.minSize bytes, and whole. Fail: none, too old, empty, not a dump at all (pg_dump\'s own error text saved as the backup, gzipped or not; an unknown ' +
    'format), or cut off. Warn: a backup this build cannot read to its end (zstd/xz/bzip2/lz4, or over the size limits). Error: the directory cannot be read. ' +
    'Manual: no backup location configured. An s3://bucket/prefix location is listed through the aws key (ListObjectsV2, up to 20 pages): the newest backup-named object by ' +
    'LastModified, its size, and for a plain dump two ranged GETs of its first 512 bytes and last 4 KB; other formats are not downloaded, so they warn as unverified; denied or failed listings are error; without an aws key, manual.',
  remediation:
    'Enable scheduled backups on the Railway Postgres volume (daily plus weekly), or run `pg_dump` to S3 from a cron service with lifecycle retention, and alert when no new backup appears within 26 hours.',
  attestation: ATTESTATION,
  async run(ctx) {
    const backups = ctx.environment.database?.backups;
    if (!backups) {
      return outcome('manual', `no database.backups.location configured, so a person must check: ${ATTESTATION}`);
    }
    if (isS3Location(backups.location)) {
      return judgeS3Backups(ctx, backups.location, (listing) => judgeBackupFreshness(listing, { maxAgeMs: backups.maxAge, minSize: backups.minSize }, new Date()), ATTESTATION);
    }
    try {
      const listing = await ctx.probe(backupsProbe).newest(ctx.target.resolvePath(backups.location));
      return judgeBackupFreshness(listing, { maxAgeMs: backups.maxAge, minSize: backups.minSize }, new Date());
    } catch (error) {
      return databaseFailure(error);
    }
  },
});
