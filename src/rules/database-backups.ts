import { outcome, fromFindings, type Finding } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { BackupListing } from '../probes/backups.js';
import type { TableRows } from '../probes/postgres-catalog.js';
import { listNames } from './list-names.js';

export interface FreshnessOptions {
  maxAgeMs: number;
  minSize: number;
}

function hours(ms: number): string {
  return ms >= 48 * 3_600_000 ? `${Math.round(ms / 86_400_000)} days` : `${Math.round((ms / 3_600_000) * 10) / 10} h`;
}

/** Problems with the newest backup that make it useless whatever its age: empty, or cut off. */
export function unusableBackup(listing: BackupListing, minSize: number): Finding | undefined {
  const newest = listing.newest;
  if (!newest) {
    return { status: 'fail', text: `no backup file in ${listing.dir}`, remediation: 'Check that the backup job runs and writes to this directory (database.backups.location).' };
  }
  if (newest.bytes < minSize) {
    return { status: 'fail', text: `newest backup ${newest.file} is ${newest.bytes} bytes, under ${minSize}: empty`, remediation: 'Check the backup job\'s logs: it writes a file but no data (wrong URL, permissions, or pg_dump failing).' };
  }
  if (newest.complete === false) {
    return {
      status: 'fail',
      text: `newest backup ${newest.file} is truncated (no "dump complete" trailer${newest.format === 'gzip' ? ', or the gzip stream is cut off' : ''})`,
      remediation: 'The dump was interrupted (disk full, timeout, killed job): fix the job and take a new backup.',
    };
  }
  return undefined;
}

/** The newest backup is younger than maxAge, at least minSize bytes, and not truncated. */
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
  const found = fromFindings(findings, evidence);
  if (found) return found;
  const kind = newest!.complete === true ? 'complete pg_dump' : newest!.format === 'custom' ? 'pg_dump custom format' : `${newest!.format} file`;
  return outcome('pass', `newest backup ${newest!.file}: ${newest!.bytes} bytes, ${hours(age!)} old (${kind}), within ${hours(options.maxAgeMs)}`, { evidence });
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
