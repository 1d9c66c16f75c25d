import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'operational.backup-recovery-tested',
  section: 'operational',
  item: 'Backup and recovery procedures tested',
  severity: 'high',
  verifies: 'The full recovery procedure (database, S3 assets, environment variables) has been rehearsed end to end and met the recovery targets.',
  attestation: 'A dated recovery-drill record: what was restored (Postgres backup, S3 objects via versioning, env vars from the secure backup) and where, the runbook steps followed, measured recovery time and data loss against the RTO/RPO targets, and issues found.',
  remediation: 'Enable S3 versioning, write a recovery runbook for database, assets and config, rehearse it into a scratch Railway environment, record the timings, fix gaps, and repeat quarterly.',
});
