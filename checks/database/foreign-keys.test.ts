import { describe, expect, it } from 'vitest';
import { SHOP_MIGRATIONS, deployMigrations } from '../../fixtures/db/prisma-history.js';
import { loadSchema } from '../../fixtures/db/schemas.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import check from './foreign-keys.js';

describe('database.foreign-keys against a real PostgreSQL', () => {
  const pg = usePostgres();
  const shop = () => pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });

  it('passes when every relation is a validated, enforced foreign key', async () => {
    const db = await shop();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'all validated and enforced' });
    expect(result.status).toBe('pass');
    expect(result.message).toBe('2 foreign key(s), all validated and enforced; session_replication_role = origin');
  });

  it('fails on a foreign key left NOT VALID', async () => {
    const db = await pg.database({ setup: (c) => loadSchema(c, 'not-valid-foreign-key') });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'not valid' });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('1 foreign key(s) left NOT VALID (existing rows never checked): Payout_merchantId_fkey on Payout');
    expect(result.remediation).toContain('ALTER TABLE "public"."Payout" VALIDATE CONSTRAINT "Payout_merchantId_fkey";');
  });

  it('fails when the enforcement triggers were disabled', async () => {
    const db = await shop();
    const admin = await db.admin();
    await admin.query('ALTER TABLE "Conversion" DISABLE TRIGGER ALL');
    await admin.end();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'triggers disabled' });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('1 foreign key(s) not enforced, their triggers disabled: Conversion_productId_fkey on Conversion');
  });

  /** ENABLE REPLICA / ENABLE ALWAYS take one trigger by name (not ALL), so each internal trigger of the table in turn. */
  const setInternalTriggers = (mode: 'REPLICA' | 'ALWAYS', table: string) =>
    `DO $$ DECLARE t record; BEGIN
       FOR t IN SELECT tgname FROM pg_trigger WHERE tgrelid = '"${table}"'::regclass AND tgisinternal LOOP
         EXECUTE format('ALTER TABLE %I ENABLE ${mode} TRIGGER %I', '${table}', t.tgname);
       END LOOP; END $$`;

  /** Whether an orphan Conversion inserts in an ordinary (origin) session: the ground truth the verdict must match. */
  const orphanInserts = async (db: Awaited<ReturnType<typeof shop>>): Promise<boolean> =>
    db.asApp(async (c) => {
      try {
        await c.query(`INSERT INTO "Conversion" (id, "productId", "amountCents", "occurredAt") VALUES ('orphan-${Math.random()}', 'no-such-product', 1, now())`);
        return true;
      } catch {
        return false;
      }
    });

  it('fails when the enforcement triggers fire only in replica sessions (ENABLE REPLICA): orphans insert fine', async () => {
    const db = await shop();
    const admin = await db.admin();
    await admin.query(setInternalTriggers('REPLICA', 'Conversion'));
    await admin.end();
    expect(await orphanInserts(db)).toBe(true);
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'triggers replica only' });
    expect(result.status).toBe('fail');
    expect(result.message).toBe(
      "1 foreign key(s) not enforced, their triggers disabled or set to ENABLE REPLICA (they fire only when session_replication_role = replica, never in the application's sessions): Conversion_productId_fkey on Conversion (ENABLE REPLICA)",
    );
  });

  it('fails when only the referenced side fires replica-only (deleting a parent leaves orphans), and passes ENABLE ALWAYS', async () => {
    const db = await shop();
    const admin = await db.admin();
    await admin.query(setInternalTriggers('ALWAYS', 'Conversion'));
    await admin.query(setInternalTriggers('REPLICA', 'Shop'));
    await admin.end();
    expect(await orphanInserts(db)).toBe(false);
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'referenced side replica only' });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^1 foreign key\(s\) not enforced, .*: Product_shopId_fkey on Product \(ENABLE REPLICA\)$/);
    const fixed = await db.admin();
    await fixed.query(setInternalTriggers('ALWAYS', 'Shop'));
    await fixed.end();
    const always = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'triggers enable always' });
    expect(always.result.status).toBe('pass');
    expect(always.result.message).toBe('2 foreign key(s), all validated and enforced; session_replication_role = origin');
  });

  it('fails when session_replication_role = replica switches enforcement off for the database', async () => {
    const db = await shop();
    const admin = await db.admin();
    await admin.query(`ALTER DATABASE ${db.name} SET session_replication_role = replica`);
    await admin.end();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'database replica role' });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('session_replication_role is "replica" (source: database): foreign keys are not enforced in such sessions');
  });

  it('fails when a role of the application is set to replica, though the tool’s own session is not', async () => {
    const db = await shop();
    const admin = await db.admin();
    await admin.query(`ALTER ROLE ${pg.roles.app.user} IN DATABASE ${db.name} SET session_replication_role = replica`);
    await admin.end();
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'app role replica' });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('session_replication_role is set to "replica" for role shop_app: foreign keys are not enforced in those sessions');
  });

  it('warns on a column that names a table but has no foreign key, and ignores external ids', async () => {
    const db = await pg.database({ setup: (c) => loadSchema(c, 'relations-without-foreign-keys') });
    const { result } = await runDatabaseCheck(check, { url: db.url(pg.roles.reader) }, { record: 'reference without foreign key' });
    expect(result.status).toBe('warn');
    expect(result.message).toBe('1 column(s) named like a reference to an existing table but with no foreign key: Order.shopId');
    expect(result.evidence.referencesWithoutForeignKey).toEqual(['public.Order.shopId']);
  });

  it('reports error with the reason when the password is wrong', async () => {
    const db = await shop();
    const { result } = await runDatabaseCheck(check, { url: db.url({ user: pg.roles.reader.user, password: 'wrong-password-123' }) }, { record: 'wrong password' });
    expect(result).toMatchObject({ status: 'error', evidence: { reason: 'auth' } });
  });
});
