import { outcome, fromFindings, type Finding } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { IdLikeColumn, RelationFacts, SettingsFacts } from '../probes/postgres-catalog.js';
import { listNames } from './list-names.js';

/** `shopId` → "shop", `shop_id` → "shop", `ShopID` → "shop"; undefined for a bare `id`. */
export function referencedName(column: string): string | undefined {
  const match = /^(.+?)(?:_id|Id|ID)$/.exec(column);
  if (!match?.[1] || match[1].endsWith('_')) return undefined;
  return match[1].toLowerCase();
}

/** Table names a `<x>_id` column would point at: x, its plural, and Prisma's model casing (all lower-cased). */
function candidateTables(x: string): string[] {
  const plural = x.endsWith('y') ? `${x.slice(0, -1)}ies` : x.endsWith('s') ? `${x}es` : `${x}s`;
  return [x, plural];
}

/**
 * Columns named like a reference to an existing table (`productId` while a table `Product` or `products`
 * exists) that no foreign key covers: the sign of relations kept only in the ORM (Prisma relationMode =
 * "prisma"). Columns whose name matches no table (`stripeCustomerId`) are external ids, not reported.
 */
export function danglingReferences(facts: Pick<RelationFacts, 'foreignKeys' | 'idLikeColumns'>, tables: ReadonlySet<string>): IdLikeColumn[] {
  const covered = new Set(facts.foreignKeys.flatMap((fk) => fk.columns.map((column) => `${fk.schema}.${fk.table}.${column}`)));
  return facts.idLikeColumns.filter((c) => {
    if (covered.has(`${c.schema}.${c.table}.${c.column}`)) return false;
    const x = referencedName(c.column);
    return x !== undefined && candidateTables(x).some((name) => tables.has(name));
  });
}

const LIST_CAP = 50;

export function judgeForeignKeys(relations: RelationFacts, settings: SettingsFacts): CheckOutcome {
  const tableCount = relations.tables.length;
  const notValid = relations.foreignKeys.filter((fk) => !fk.validated);
  const dangling = danglingReferences(relations, new Set(relations.tables));
  const role = settings.settings.session_replication_role;
  const replicaOverrides = (settings.overrides ?? []).filter((o) => o.name.toLowerCase() === 'session_replication_role' && o.value !== 'origin');
  const evidence = {
    foreignKeys: relations.foreignKeys.length,
    tables: tableCount,
    notValid: notValid.slice(0, LIST_CAP).map((fk) => ({ table: `${fk.schema}.${fk.table}`, constraint: fk.name })),
    disabled: relations.disabledForeignKeys.slice(0, LIST_CAP),
    sessionReplicationRole: role ? { value: role.setting, source: role.source } : null,
    ...(replicaOverrides.length > 0 ? { sessionReplicationRoleOverrides: replicaOverrides } : {}),
    referencesWithoutForeignKey: dangling.slice(0, LIST_CAP).map((c) => `${c.schema}.${c.table}.${c.column}`),
  };
  const findings: Finding[] = [];
  if (notValid.length > 0) {
    findings.push({
      status: 'fail',
      text: `${notValid.length} foreign key(s) left NOT VALID (existing rows never checked): ${listNames(notValid.map((fk) => `${fk.name} on ${fk.table}`))}`,
      remediation: `Fix orphaned rows, then validate each: ${notValid
        .slice(0, 5)
        .map((fk) => `ALTER TABLE "${fk.schema}"."${fk.table}" VALIDATE CONSTRAINT "${fk.name}";`)
        .join(' ')} (VALIDATE takes only a SHARE UPDATE EXCLUSIVE lock).`,
    });
  }
  if (relations.disabledForeignKeys.length > 0) {
    const disabled = relations.disabledForeignKeys;
    const replicaOnly = (d: (typeof disabled)[number]) => (d.states ?? ['D']).includes('R');
    const how = disabled.some(replicaOnly)
      ? 'their triggers disabled or set to ENABLE REPLICA (they fire only when session_replication_role = replica, never in the application\'s sessions)'
      : 'their triggers disabled';
    findings.push({
      status: 'fail',
      text: `${disabled.length} foreign key(s) not enforced, ${how}: ${listNames(
        disabled.map((d) => `${d.constraint} on ${d.table}${replicaOnly(d) ? ' (ENABLE REPLICA)' : ''}`),
      )}`,
      remediation:
        'Re-enable enforcement with ALTER TABLE <table> ENABLE TRIGGER ALL (a bulk load with DISABLE TRIGGER ALL, or a replication tool with ENABLE REPLICA TRIGGER, left it off), then check for orphaned rows.',
    });
  }
  if (role && role.setting !== 'origin') {
    findings.push({
      status: 'fail',
      text: `session_replication_role is "${role.setting}" (source: ${role.source}): foreign keys are not enforced in such sessions`,
      remediation: 'Reset it (ALTER DATABASE/ROLE … RESET session_replication_role, or remove it from the config); only replication tools should set replica.',
    });
  } else if (replicaOverrides.length > 0) {
    findings.push({
      status: 'fail',
      text: `session_replication_role is set to ${listNames(replicaOverrides.map((o) => `"${o.value}" for ${o.role ? `role ${o.role}` : 'every role'}`))}: foreign keys are not enforced in those sessions`,
      remediation: 'Remove the override: ALTER ROLE <role> [IN DATABASE <db>] RESET session_replication_role (or ALTER DATABASE <db> RESET …).',
    });
  }
  if (dangling.length > 0) {
    findings.push({
      status: 'warn',
      text: `${dangling.length} column(s) named like a reference to an existing table but with no foreign key: ${listNames(
        dangling.map((c) => `${c.table}.${c.column}`),
      )}`,
      remediation:
        'If schema.prisma sets relationMode = "prisma", remove it so Prisma creates real foreign keys; otherwise declare the @relation, clean up orphaned rows and deploy the migration.',
    });
  } else if (relations.foreignKeys.length === 0 && tableCount > 1) {
    findings.push({
      status: 'warn',
      text: `no foreign key at all across ${tableCount} tables`,
      remediation: 'Declare @relation fields in schema.prisma (without relationMode = "prisma") so relations are enforced by the database.',
    });
  }
  const found = fromFindings(findings, evidence);
  if (found) return found;
  return outcome(
    'pass',
    `${relations.foreignKeys.length} foreign key(s), all validated and enforced; session_replication_role = origin`,
    { evidence },
  );
}
