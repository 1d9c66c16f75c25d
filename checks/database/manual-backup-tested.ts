import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'database.manual-backup-tested',
  section: 'database',
  item: 'Manual backup tested and verified',
  severity: 'high',
  verifies: 'A backup was restored into a scratch database and its contents checked, proving the backups are usable.',
  attestation: 'A dated restore record: which backup, the restore command used (Railway restore or `pg_restore`), time taken, row counts for key tables (shops, products, conversions) compared with production, and `npx prisma migrate status` run against the restored copy.',
  remediation: 'Take a `pg_dump -Fc` of production, restore it with `pg_restore` into a fresh Railway Postgres or local container, compare row counts, point a local API at it, then write the steps into the runbook and repeat quarterly.',
});
