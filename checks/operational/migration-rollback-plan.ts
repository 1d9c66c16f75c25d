import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'operational.migration-rollback-plan',
  section: 'operational',
  item: 'Database migration rollback plan prepared',
  severity: 'high',
  verifies: 'For the launch schema and each risky migration there is a written way back (down SQL or forward fix) and a backup point taken before migrating.',
  attestation: 'Link to the rollback plan for the pending migrations: the down SQL (from `prisma migrate diff ... --script`), which app versions work with which schema, the pre-migration backup step, and the date it was tried on staging.',
  remediation: 'Generate down scripts with `npx prisma migrate diff`, use expand/contract migrations so the previous release runs on the new schema, take a backup before `migrate deploy`, and document `prisma migrate resolve --rolled-back`.',
});
