import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { databaseFailure } from '../../src/kit/database.js';
import { judgeBackupFreshness } from '../../src/rules/database-backups.js';
import { backupsProbe } from '../../src/probes/backups.js';

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
    'When database.backups.location names a directory (relative to the config file): finds the newest file there (up to 3 levels deep) named like a backup ' +
    '(.sql, .dump, .pgdump, .backup, .bak, .tar, .gz, .zst, …) by modification time. Pass: younger than backups.maxAge (default 26h), at least backups.minSize ' +
    'bytes, and not truncated (a plain or gzipped pg_dump must end with its "dump complete" trailer; a custom-format dump must start with PGDMP). Fail: none, ' +
    'too old, empty or truncated. Error: the directory cannot be read. Manual: no backup location configured, or an s3:// location (listing S3 is not in this build yet).',
  remediation:
    'Enable scheduled backups on the Railway Postgres volume (daily plus weekly), or run `pg_dump` to S3 from a cron service with lifecycle retention, and alert when no new backup appears within 26 hours.',
  attestation: ATTESTATION,
  async run(ctx) {
    const backups = ctx.environment.database?.backups;
    if (!backups) {
      return outcome('manual', `no database.backups.location configured, so a person must check: ${ATTESTATION}`);
    }
    if (/^s3:\/\//i.test(backups.location)) {
      return outcome('manual', `backups are in ${backups.location}; listing S3 is not supported by this build yet, so a person must check: ${ATTESTATION}`, {
        evidence: { location: backups.location },
      });
    }
    try {
      const listing = await ctx.probe(backupsProbe).newest(ctx.target.resolvePath(backups.location));
      return judgeBackupFreshness(listing, { maxAgeMs: backups.maxAge, minSize: backups.minSize }, new Date());
    } catch (error) {
      return databaseFailure(error);
    }
  },
});
