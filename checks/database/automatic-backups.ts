import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'database.automatic-backups',
  section: 'database',
  item: 'Automatic backups enabled (Railway default: daily)',
  severity: 'critical',
  verifies: 'Automatic backups of the production Postgres run on a schedule (at least daily), and a recent backup actually exists.',
  attestation: "Screenshot of the Railway Postgres service's Backups tab (or the provider's console) showing the schedule, retention period and the most recent automatic backup taken within the last 24 hours, with its timestamp.",
  remediation: 'Enable scheduled backups on the Railway Postgres volume (daily plus weekly), or run `pg_dump` to S3 from a cron service with lifecycle retention, and alert when no new backup appears within 26 hours.',
});
