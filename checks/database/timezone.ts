import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'database.timezone',
  section: 'database',
  item: 'Database timezone set correctly (UTC recommended)',
  severity: 'high',
  verifies: 'The production database and every service run in UTC, and timestamps are stored unambiguously, so analytics and reports do not shift with server location.',
  attestation: "Output of `SHOW timezone;` on production returning UTC (or Etc/UTC), TZ=UTC (or unset) in each service's variables, and psql `\\d` output for the main timestamp columns (createdAt, updatedAt, event times) showing their types.",
  remediation: "Run `ALTER DATABASE <db> SET timezone TO 'UTC';`, set TZ=UTC on all services, use `@db.Timestamptz(6)` for DateTime fields in schema.prisma, and migrate.",
});
