import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'database.migrations-applied',
  section: 'database',
  item: 'All Prisma migrations applied: `npx prisma migrate deploy`',
  severity: 'critical',
  verifies: 'Every migration in prisma/migrations has been applied to the production database, and none is pending or failed.',
  attestation: 'Output of `npx prisma migrate status` against the production DATABASE_URL showing "Database schema is up to date!" and the latest applied migration\'s name, with the date and the commit SHA it was run from.',
  remediation: "Run `npx prisma migrate deploy` as the API's pre-deploy command on Railway, resolve failed migrations with `npx prisma migrate resolve`, and never run `migrate dev` or `db push` against production.",
});
