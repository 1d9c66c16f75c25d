import { outcome, fromFindings, type Finding } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { BackupFile, BackupListing } from '../probes/backups.js';
import type { ServerIdentity, TableRows } from '../probes/postgres-catalog.js';
import type { DatabaseUrl } from '../probes/postgres-url.js';
import { listNames } from './list-names.js';

export interface FreshnessOptions {
  maxAgeMs: number;
  minSize: number;
}

function hours(ms: number): string {
  return ms >= 48 * 3_600_000 ? `${Math.round(ms / 86_400_000)} days` : `${Math.round((ms / 3_600_000) * 10) / 10} h`;
}

/** How a verified backup is named in messages. */
const FORMAT_NAMES: Record<string, string> = {
  plain: 'complete pg_dump',
  custom: 'pg_dump custom format',
  tar: 'pg_dump tar format',
  directory: 'pg_dump directory format',
};

function describeKind(newest: BackupFile): string {
  if (newest.format === 'gzip') return newest.inner === 'plain' ? 'complete pg_dump' : `gzipped ${FORMAT_NAMES[newest.inner ?? ''] ?? 'file'}`;
  return FORMAT_NAMES[newest.format] ?? `${newest.format} file`;
}

/**
 * Problems with the newest backup that make it useless whatever its age: missing, empty, not pg_dump output at
 * all (pg_dump's error text saved as the "backup", an HTML page, gzip around either), or cut off inside its format.
 */
export function unusableBackup(listing: BackupListing, minSize: number): Finding | undefined {
  const newest = listing.newest;
  if (!newest) {
    return { status: 'fail', text: `no backup file in ${listing.dir}`, remediation: 'Check that the backup job runs and writes to this directory (database.backups.location).' };
  }
  if (newest.bytes < minSize) {
    return { status: 'fail', text: `newest backup ${newest.file} is ${newest.bytes} bytes, under ${minSize}: empty`, remediation: 'Check the backup job\'s logs: it writes a file but no data (wrong URL, permissions, or pg_dump failing).' };
  }
  if (newest.format === 'unknown' || (newest.format === 'gzip' && newest.inner === 'unknown')) {
    return {
      status: 'fail',
      text: `newest backup ${newest.file} is not a database dump${newest.format === 'gzip' ? ' (gzip of something else)' : ''}: ${
        newest.startsWith !== undefined ? `it starts with "${newest.startsWith}"` : (newest.problem ?? 'its format is not one pg_dump writes')
      }`,
      remediation:
        'The backup job saved something other than a dump — often pg_dump\'s own error message (redirected with 2>&1) when it could not connect. Fix the job (check its exit status, never redirect stderr into the backup), and take a new backup.',
    };
  }
  if (newest.complete === false) {
    const plainCut = (newest.format === 'plain' || (newest.format === 'gzip' && newest.inner === 'plain')) && /truncated|cut off/.test(newest.problem ?? '');
    return {
      status: 'fail',
      text: plainCut
        ? `newest backup ${newest.file} is truncated (no "dump complete" trailer${newest.format === 'gzip' ? ', or the gzip stream is cut off' : ''})`
        : `newest backup ${newest.file} is incomplete or corrupt (${describeKind(newest)}): ${newest.problem ?? 'it does not read to its end'}`,
      remediation: 'The dump was interrupted (disk full, timeout, killed job) or damaged in transfer: fix the job and take a new backup.',
    };
  }
  return undefined;
}

/** The newest backup could not be read to its end: a compression this build cannot read, or over the size limits. */
export function unverifiedBackup(listing: BackupListing): Finding | undefined {
  const newest = listing.newest;
  if (!newest || newest.complete !== null) return undefined;
  return {
    status: 'warn',
    text: `newest backup ${newest.file} could not be verified to its end: ${newest.problem ?? 'its format cannot be read here'}`,
    remediation: 'Check it where it is made: `pg_restore --list <file>` for archives, `gzip -t`/`zstd -t` for compressed files, and restore it into a scratch database (database.backups.restoredUrl).',
  };
}

/** The newest backup is younger than maxAge, at least minSize bytes, and whole in its format. */
export function judgeBackupFreshness(listing: BackupListing, options: FreshnessOptions, now: Date): CheckOutcome {
  const newest = listing.newest;
  const age = newest ? Math.max(0, now.getTime() - Date.parse(newest.modified)) : null;
  const evidence = { directory: listing.dir, backups: listing.count, newest, ageHours: age === null ? null : Math.round((age / 3_600_000) * 10) / 10, maxAgeHours: options.maxAgeMs / 3_600_000 };
  const findings: Finding[] = [];
  const unusable = unusableBackup(listing, options.minSize);
  if (unusable) findings.push(unusable);
  if (newest && age !== null && age > options.maxAgeMs) {
    findings.push({
      status: 'fail',
      text: `newest backup ${newest.file} is ${hours(age)} old, older than ${hours(options.maxAgeMs)}: backups have stopped`,
      remediation: 'Enable scheduled backups (Railway: Backups tab, daily) or fix the cron job, and alert when no new backup appears within 26 hours.',
    });
  }
  const unverified = unusable ? undefined : unverifiedBackup(listing);
  if (unverified) findings.push(unverified);
  const found = fromFindings(findings, evidence);
  if (found) return found;
  return outcome('pass', `newest backup ${newest!.file}: ${newest!.bytes} bytes, ${hours(age!)} old (${describeKind(newest!)}), within ${hours(options.maxAgeMs)}`, { evidence });
}

export interface RestoreFacts {
  latestApplied: string | null;
  applied: readonly string[];
  tables: readonly TableRows[];
}

/**
 * A restored copy proves the backup works when it has the schema production has (up to an applied migration
 * production also applied) and data in every table that has data in production.
 */
export function judgeRestoredCopy(production: RestoreFacts, restored: RestoreFacts, restoredName: string): CheckOutcome {
  const restoredTables = new Map(restored.tables.map((t) => [t.table, t.rows]));
  const missing = production.tables.filter((t) => !restoredTables.has(t.table)).map((t) => t.table);
  const empty = production.tables.filter((t) => t.rows > 0 && restoredTables.get(t.table) === 0).map((t) => t.table);
  const evidence = {
    restored: restoredName,
    productionLatestMigration: production.latestApplied,
    restoredLatestMigration: restored.latestApplied,
    productionTables: production.tables.length,
    restoredTables: restored.tables.length,
    missingTables: missing.slice(0, 50),
    emptyTables: empty.slice(0, 50),
  };
  const findings: Finding[] = [];
  const fix = 'Restore the newest backup again (pg_restore --clean --if-exists into the scratch database), check the restore log for errors, and compare again.';
  if (restored.latestApplied === null) {
    findings.push({ status: 'fail', text: `the restored copy ${restoredName} has no applied Prisma migration: the restore did not bring the schema`, remediation: fix });
  } else if (!production.applied.includes(restored.latestApplied)) {
    findings.push({
      status: 'fail',
      text: `the restored copy's latest migration ${restored.latestApplied} is not one production applied: it was restored from another database`,
      remediation: 'Point database.backups.restoredUrl at a copy restored from this environment\'s backups.',
    });
  }
  if (missing.length > 0 && restored.latestApplied === production.latestApplied) {
    findings.push({ status: 'fail', text: `${missing.length} production table(s) missing from the restored copy: ${listNames(missing)}`, remediation: fix });
  }
  if (empty.length > 0) {
    findings.push({ status: 'fail', text: `${empty.length} table(s) empty in the restored copy but not in production: ${listNames(empty)}`, remediation: fix });
  }
  const found = fromFindings(findings, evidence);
  if (found) return found;
  const behind = restored.latestApplied === production.latestApplied ? '' : ` (production has since applied up to ${production.latestApplied})`;
  return outcome(
    'pass',
    `the restored copy ${restoredName} has ${restored.tables.length} table(s) with data where production has data, migrated up to ${restored.latestApplied}${behind}`,
    { evidence },
  );
}

/** Host names that reach this machine, told apart from none of the others: a restored copy on localhost is production on 127.0.0.1. */
function hostKey(url: DatabaseUrl): string {
  const host = url.host.toLowerCase().replace(/^\[|\]$/g, '');
  return url.local && !host.startsWith('/') ? 'loopback' : host;
}

/**
 * Whether the restored copy's URL or live identity is production's own: a restore "tested" against production
 * proves nothing, and pointing a restore at it would overwrite it. By URL (host, port and database, loopback
 * names alike), and, once both are connected, by the server's start time, system identifier and database oid.
 */
export function restoreTargetIsProduction(
  production: DatabaseUrl,
  restored: DatabaseUrl,
  identities?: { production: ServerIdentity; restored: ServerIdentity },
): string | undefined {
  if (hostKey(production) === hostKey(restored) && production.port === restored.port && production.database === restored.database) {
    return `database.backups.restoredUrl names the production database itself (${restored.display})`;
  }
  if (identities) {
    const { production: p, restored: r } = identities;
    const sameServer = p.startedAt === r.startedAt && (p.systemIdentifier === null || r.systemIdentifier === null || p.systemIdentifier === r.systemIdentifier);
    if (sameServer && p.databaseOid === r.databaseOid) {
      return `database.backups.restoredUrl (${restored.display}) reaches the production database itself (same server, started ${p.startedAt}, and the same database ${p.database})`;
    }
  }
  return undefined;
}
