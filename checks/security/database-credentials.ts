import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.database-credentials',
  section: 'security',
  item: 'Database credentials are strong and unique',
  severity: 'critical',
  verifies: "The production Postgres role used by the app has a long random password used nowhere else, and is not shared with staging or developers' local setups.",
  attestation: 'Password-manager entry for the production database role showing password length (24+ random chars) and last rotation date, and psql `\\du` output naming the role the app connects as, confirming it is not the one used by staging or local development.',
  remediation: "Rotate the password (Railway Postgres variables, or `ALTER ROLE <app_role> WITH PASSWORD '<32 random chars>'`), update DATABASE_URL in Railway for every service that uses it, redeploy, and keep the value only in the password manager.",
});
