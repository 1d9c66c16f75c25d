import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { withDatabase } from '../../src/kit/database.js';
import { judgePooling } from '../../src/rules/database-pooling.js';

const options = z.strictObject({
  warnPercent: z.number().min(1).max(100).default(80).describe('Current or planned connections above this percent of the usable connections warn'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'database.connection-pooling',
  section: 'database',
  item: 'Connection pooling configured appropriately',
  severity: 'high',
  automation: 'automated',
  needs: ['database'],
  options,
  verifies: 'Connections opened by all replicas and workers together stay below what PostgreSQL accepts, with pool sizes set on purpose rather than left at defaults.',
  how:
    'Usable connections = max_connections − superuser_reserved_connections (− reserved_connections on PostgreSQL 16+), lowered by the role\'s or database\'s CONNECTION LIMIT. ' +
    'Client backends in pg_stat_activity above warnPercent % of it warn, at 100 % fail. The planned maximum, Σ replicas × pool size over database.pools (pool size from the ' +
    'pool, else Prisma\'s connection_limit in database.url), above 100 % fails and above warnPercent % warns. No pool size anywhere warns (Prisma then opens num_cpus × 2 + 1 per ' +
    'instance); a known pool size with unknown replicas, or pgbouncer=true, is manual.',
  remediation:
    'Append `?connection_limit=N&pool_timeout=10` to DATABASE_URL so replicas × N stays under ~80% of max_connections, or put PgBouncer in transaction mode in front (with `pgbouncer=true`), and keep a single PrismaClient per process.',
  attestation:
    'The production DATABASE_URL query parameters (connection_limit, pool_timeout; password redacted) or PgBouncer config, and the replica count per service, with the arithmetic showing replicas × connection_limit leaves at least 20% headroom.',
  async run(ctx) {
    return withDatabase(ctx, async (probe) => {
      const database = ctx.environment.database!;
      const facts = await probe.connections(database.appRole);
      return judgePooling(facts, database.pools, probe.target.prisma, ctx.options);
    });
  },
});
