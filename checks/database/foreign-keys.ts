import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'database.foreign-keys',
  section: 'database',
  item: 'Foreign key constraints enabled',
  severity: 'high',
  verifies: 'Relations in schema.prisma are enforced by real foreign-key constraints in Postgres, so orphaned rows cannot be written.',
  attestation: 'Confirmation that schema.prisma does not set `relationMode = "prisma"`, and output of `SELECT conrelid::regclass, conname FROM pg_constraint WHERE contype = \'f\';` on production listing a foreign key for each relation (e.g. products→shops, conversions→shops).',
  remediation: 'Remove `relationMode = "prisma"` if present, declare @relation fields with explicit onDelete behaviour, delete or fix orphaned rows, then generate and deploy the migration that adds the constraints.',
});
