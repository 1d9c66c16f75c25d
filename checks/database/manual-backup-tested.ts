import { defineCheck } from '../../src/kit/check.js';
import { outcome, fromFindings } from '../../src/core/outcome.js';
import { databaseFailure, withDatabase } from '../../src/kit/database.js';
import { judgeRestoredCopy, unusableBackup, type RestoreFacts } from '../../src/rules/database-backups.js';
import { backupsProbe } from '../../src/probes/backups.js';
import { postgresProbe, type DatabaseCatalog } from '../../src/probes/postgres-catalog.js';

const ATTESTATION =
  'A dated restore record: which backup, the restore command used (Railway restore or `pg_restore`), time taken, row counts for key tables (shops, products, conversions) compared with production, and `npx prisma migrate status` run against the restored copy.';

async function restoreFacts(probe: DatabaseCatalog): Promise<RestoreFacts> {
  const [table, tables] = await Promise.all([probe.migrationTable(), probe.tableRows()]);
  const applied = table.rows.filter((r) => r.finishedAt !== null && r.rolledBackAt === null).map((r) => r.migrationName);
  return { applied, latestApplied: [...applied].sort().at(-1) ?? null, tables };
}

export default defineCheck({
  id: 'database.manual-backup-tested',
  section: 'database',
  item: 'Manual backup tested and verified',
  severity: 'high',
  automation: 'partial',
  needs: ['database'],
  verifies: 'A backup was restored into a scratch database and its contents checked, proving the backups are usable.',
  how:
    'With database.backups.restoredUrl (a scratch database restored from a backup): reads both databases read-only and compares them. Pass: the restored copy\'s ' +
    'latest applied Prisma migration is one production applied, no production table is missing (when both are at the same migration), and every table with rows in ' +
    'production has rows in the copy (row estimates from pg_stat_user_tables/pg_class, no table is scanned). Otherwise, with a backup directory: fail when the newest ' +
    'backup is missing, empty or truncated, else manual — a readable file is not a tested restore. Without either: manual.',
  remediation:
    'Take a `pg_dump -Fc` of production, restore it with `pg_restore` into a fresh Railway Postgres or local container, compare row counts, point a local API at it, then write the steps into the runbook and repeat quarterly.',
  attestation: ATTESTATION,
  async run(ctx) {
    const backups = ctx.environment.database?.backups;
    if (backups?.restoredUrl) {
      const restoredUrl = backups.restoredUrl;
      return withDatabase(ctx, async (production) => {
        const restored = ctx.probe(postgresProbe).at(restoredUrl);
        let restoredFacts: RestoreFacts;
        try {
          restoredFacts = await restoreFacts(restored);
        } catch (error) {
          const failure = databaseFailure(error);
          return outcome(failure.status, `restored copy: ${failure.message}`, {
            ...(failure.evidence ? { evidence: failure.evidence } : {}),
            ...(failure.remediation ? { remediation: failure.remediation } : {}),
          });
        }
        return judgeRestoredCopy(await restoreFacts(production), restoredFacts, restored.target.display);
      });
    }
    if (!backups) return outcome('manual', `no database.backups configured, so a person must attest: ${ATTESTATION}`);
    if (/^s3:\/\//i.test(backups.location)) {
      return outcome('manual', `backups are in ${backups.location} (S3 is not listed by this build); set database.backups.restoredUrl to verify a restore, or attest: ${ATTESTATION}`);
    }
    try {
      const listing = await ctx.probe(backupsProbe).newest(ctx.target.resolvePath(backups.location));
      const evidence = { directory: listing.dir, newest: listing.newest };
      const unusable = unusableBackup(listing, backups.minSize);
      if (unusable) return fromFindings([unusable], evidence)!;
      return outcome(
        'manual',
        `newest backup ${listing.newest!.file} is readable${listing.newest!.complete ? ' and complete' : ''}, but a readable file is not a tested restore: set database.backups.restoredUrl to a restored copy, or attest: ${ATTESTATION}`,
        { evidence },
      );
    } catch (error) {
      return databaseFailure(error);
    }
  },
});
