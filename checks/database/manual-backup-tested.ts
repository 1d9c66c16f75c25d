import { defineCheck } from '../../src/kit/check.js';
import { outcome, fromFindings } from '../../src/core/outcome.js';
import { databaseFailure, withDatabase } from '../../src/kit/database.js';
import { judgeRestoredCopy, restoreTargetIsProduction, unusableBackup, unverifiedBackup, type RestoreFacts } from '../../src/rules/database-backups.js';
import { backupsProbe } from '../../src/probes/backups.js';
import { isS3Location, judgeS3Backups } from '../../src/kit/s3-backups.js';
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
    'production has rows in the copy (row estimates from pg_stat_user_tables/pg_class, no table is scanned). A restoredUrl that is production itself — the same ' +
    'host, port and database (localhost and 127.0.0.1 alike), or, once connected, the same server start time, system identifier and database oid — fails. ' +
    'Otherwise, with a backup directory: fail when the newest backup is missing, empty, not a dump at all (pg_dump\'s error text saved as the backup, gzipped or ' +
    'not) or cut off inside its format (validated as in database.automatic-backups), else manual — a readable file is not a tested restore (an s3:// location is listed through the aws key the same way). Without either: manual.',
  remediation:
    'Take a `pg_dump -Fc` of production, restore it with `pg_restore` into a fresh Railway Postgres or local container, compare row counts, point a local API at it, then write the steps into the runbook and repeat quarterly.',
  attestation: ATTESTATION,
  async run(ctx) {
    const backups = ctx.environment.database?.backups;
    if (backups?.restoredUrl) {
      const restoredUrl = backups.restoredUrl;
      return withDatabase(ctx, async (production) => {
        const restored = ctx.probe(postgresProbe).at(restoredUrl);
        const refuse = (text: string) =>
          outcome('fail', `${text}: a restore test must read a separate copy, and restoring into this URL would overwrite production`, {
            evidence: { production: production.target.display, restored: restored.target.display },
            remediation: 'Restore the newest backup into a scratch database (a new Railway Postgres, or a local container) and set database.backups.restoredUrl to that copy.',
          });
        const byUrl = restoreTargetIsProduction(production.target, restored.target);
        if (byUrl) return refuse(byUrl);
        let restoredFacts: RestoreFacts;
        try {
          restoredFacts = await restoreFacts(restored);
          const byIdentity = restoreTargetIsProduction(production.target, restored.target, {
            production: await production.serverIdentity(),
            restored: await restored.serverIdentity(),
          });
          if (byIdentity) return refuse(byIdentity);
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
    if (isS3Location(backups.location)) {
      const minSize = backups.minSize;
      return judgeS3Backups(
        ctx,
        backups.location,
        (listing) =>
          fromFindings([unusableBackup(listing, minSize)].filter((f) => f !== undefined), { location: listing.dir, newest: listing.newest }) ??
          outcome('manual', `newest backup ${listing.newest!.file} in ${listing.dir} is listed, but a listed object is not a tested restore: set database.backups.restoredUrl to a restored copy, or attest: ${ATTESTATION}`, {
            evidence: { location: listing.dir, newest: listing.newest },
          }),
        ATTESTATION,
      );
    }
    try {
      const listing = await ctx.probe(backupsProbe).newest(ctx.target.resolvePath(backups.location));
      const evidence = { directory: listing.dir, newest: listing.newest };
      const unusable = unusableBackup(listing, backups.minSize);
      if (unusable) return fromFindings([unusable], evidence)!;
      const unverified = unverifiedBackup(listing);
      return outcome(
        'manual',
        `newest backup ${listing.newest!.file} is ${
          listing.newest!.complete ? 'readable and complete' : `readable (${unverified?.text.replace(/^newest backup \S+ /, '') ?? 'not verified to its end'})`
        }, but a readable file is not a tested restore: set database.backups.restoredUrl to a restored copy, or attest: ${ATTESTATION}`,
        { evidence },
      );
    } catch (error) {
      return databaseFailure(error);
    }
  },
});
