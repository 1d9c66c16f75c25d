import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.database-url-not-logged',
  section: 'security',
  item: 'Database connection string does not expose password in logs',
  severity: 'critical',
  verifies: 'No log line, error report or startup banner contains DATABASE_URL or the database password, in Railway logs or in Sentry.',
  attestation: 'A search of the last 7 days of Railway logs for each service (e.g. Log Explorer query for "postgres://" and "postgresql://") and of Sentry events for the same strings returning nothing, plus the logger\'s redaction config (e.g. pino `redact` paths) masking connection strings.',
  remediation: "Remove any logging of config objects or process.env, add redaction to the logger and Sentry's beforeSend, keep Prisma's log level at warn/error in production, and rotate the database password if it ever appeared in logs.",
});
