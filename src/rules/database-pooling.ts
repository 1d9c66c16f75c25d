import { outcome, fromFindings, type Finding } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { PoolConfig } from '../config/schema/database.js';
import type { ConnectionFacts } from '../probes/postgres-catalog.js';
import type { PrismaUrlParams } from '../probes/postgres-url.js';
import { listNames } from './list-names.js';

export interface PoolingOptions {
  /** Usage (current or planned) above this percent of the usable connections warns. */
  warnPercent: number;
}

/**
 * Connections clients may open — max_connections minus the reserved slots, lowered by a role or database
 * CONNECTION LIMIT — and how many of those are in use (a role or database limit counts only its own).
 */
export function usableConnections(facts: ConnectionFacts): { usable: number; limitedBy: string; inUse: number } {
  const limits: [number, string, number][] = [[facts.maxConnections - facts.reserved, `max_connections ${facts.maxConnections} − ${facts.reserved} reserved`, facts.clients]];
  if (facts.roleLimit >= 0) limits.push([facts.roleLimit, `the role's CONNECTION LIMIT ${facts.roleLimit}`, facts.thisRole]);
  if (facts.databaseLimit >= 0) limits.push([facts.databaseLimit, `the database's CONNECTION LIMIT ${facts.databaseLimit}`, facts.thisDatabase]);
  const [usable, limitedBy, inUse] = limits.reduce((a, b) => (b[0] < a[0] ? b : a));
  return { usable, limitedBy, inUse };
}

export interface PlannedPool {
  service: string;
  replicas: number;
  /** Per instance; undefined when neither the config nor connection_limit says. */
  size: number | undefined;
  sizeFrom: 'config' | 'connection_limit' | 'unknown';
}

export function plannedPools(pools: Readonly<Record<string, PoolConfig>>, prisma: PrismaUrlParams): PlannedPool[] {
  return Object.entries(pools).map(([service, pool]) => {
    const size = pool.size ?? prisma.connectionLimit;
    return { service, replicas: pool.replicas, size, sizeFrom: pool.size !== undefined ? 'config' : size !== undefined ? 'connection_limit' : 'unknown' };
  });
}

const percent = (part: number, whole: number) => (whole <= 0 ? Infinity : Math.round((1000 * part) / whole) / 10);

/**
 * Two sums against the usable connections: the client connections open now (pg_stat_activity), and the most
 * the configured pools can open (replicas × pool size per service). Over the limit fails, over warnPercent warns.
 */
export function judgePooling(
  facts: ConnectionFacts,
  pools: Readonly<Record<string, PoolConfig>> | undefined,
  prisma: PrismaUrlParams,
  options: PoolingOptions,
): CheckOutcome {
  const { usable, limitedBy, inUse } = usableConnections(facts);
  const planned = pools ? plannedPools(pools, prisma) : [];
  const unknown = planned.filter((p) => p.size === undefined);
  const total = planned.reduce((sum, p) => sum + p.replicas * (p.size ?? 0), 0);
  const evidence = {
    usable,
    limitedBy,
    inUse,
    inUsePercent: percent(inUse, usable),
    byState: facts.byState,
    urlParams: {
      connection_limit: prisma.connectionLimit ?? null,
      pool_timeout: prisma.poolTimeout ?? null,
      pgbouncer: prisma.pgbouncer,
    },
    pools: planned,
    ...(planned.length > 0 && unknown.length === 0 ? { plannedMax: total, plannedPercent: percent(total, usable) } : {}),
  };
  const findings: Finding[] = [];
  const nowText = `${inUse} of ${usable} usable connections in use now (${evidence.inUsePercent}%; ${limitedBy})`;
  if (inUse >= usable) {
    findings.push({ status: 'fail', text: `${nowText}: new connections are refused`, remediation: 'Lower connection_limit per instance or put PgBouncer in front; close idle connections.' });
  } else if (evidence.inUsePercent > options.warnPercent) {
    findings.push({
      status: 'warn',
      text: `${nowText}, above ${options.warnPercent}%`,
      remediation: 'Lower connection_limit per instance, reduce replicas, or put PgBouncer (transaction mode) in front of PostgreSQL.',
    });
  }
  if (prisma.pgbouncer) {
    // Through PgBouncer, Prisma's pools talk to PgBouncer: its default_pool_size, not these sums, reaches PostgreSQL.
  } else if (planned.length > 0 && unknown.length === 0) {
    const plannedText = `the pools can open ${total} connections (${planned.map((p) => `${p.service} ${p.replicas}×${p.size}`).join(' + ')}) of ${usable} usable`;
    if (total > usable) {
      findings.push({
        status: 'fail',
        text: `${plannedText}: at peak, connections will be refused`,
        remediation: `Make replicas × connection_limit fit within ${Math.floor((usable * options.warnPercent) / 100)} (${options.warnPercent}% of ${usable}), or add PgBouncer.`,
      });
    } else if (percent(total, usable) > options.warnPercent) {
      findings.push({
        status: 'warn',
        text: `${plannedText} (${percent(total, usable)}%, above ${options.warnPercent}%): little headroom for migrations, consoles and restarts`,
        remediation: `Keep replicas × connection_limit under ${options.warnPercent}% of ${usable}: lower connection_limit or add PgBouncer.`,
      });
    }
  } else if (planned.length === 0 ? prisma.connectionLimit === undefined : unknown.length > 0) {
    findings.push({
      status: 'warn',
      text: `pool size not set: no connection_limit in database.url${planned.length > 0 ? ` and no size for ${listNames(unknown.map((p) => p.service))} in database.pools` : ''}, so Prisma opens num_cpus × 2 + 1 per instance`,
      remediation: 'Append ?connection_limit=N&pool_timeout=10 to DATABASE_URL (or set database.pools.<service>.size) so replicas × N stays under 80% of the usable connections.',
    });
  }
  const found = fromFindings(findings, evidence);
  if (found) return found;
  if (prisma.pgbouncer) {
    return outcome('manual', `${nowText}; pgbouncer=true, so the pool that reaches PostgreSQL is PgBouncer's: confirm default_pool_size × PgBouncer instances fits ${usable}`, {
      evidence,
    });
  }
  if (planned.length === 0) {
    return outcome(
      'manual',
      `${nowText}; connection_limit=${prisma.connectionLimit ?? '(unset)'} per instance, but the replicas are unknown: declare them in database.pools to have the sum checked`,
      { evidence },
    );
  }
  return outcome('pass', `${nowText}; the pools can open at most ${total} (${evidence.plannedPercent}%)`, { evidence });
}
