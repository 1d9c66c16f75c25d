import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'database.connection-pooling',
  section: 'database',
  item: 'Connection pooling configured appropriately',
  severity: 'high',
  verifies: 'Connections opened by all API replicas and workers together stay below Postgres max_connections, with pool sizes set on purpose rather than left at defaults.',
  attestation: 'The production DATABASE_URL query parameters (connection_limit, pool_timeout; password redacted) or PgBouncer config, the replica count per service, and `SHOW max_connections;` output, with the arithmetic showing replicas × connection_limit leaves at least 20% headroom.',
  remediation: 'Append `?connection_limit=N&pool_timeout=10` to DATABASE_URL so replicas × N stays under ~80% of max_connections, or put PgBouncer in transaction mode in front (with `pgbouncer=true`), and keep a single PrismaClient per process.',
});
