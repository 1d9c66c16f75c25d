import type { DatabaseCatalog } from '../probes/postgres-catalog.js';
import type { LocalMigrations } from '../probes/prisma-migrations-dir.js';
import { unranMigrationExpectations, type MigrationDiagnosis, type UnranMigrationObjects } from '../rules/prisma-migrations.js';

/**
 * Looks up, for every migration marked applied without Prisma running it, whether what its script creates exists:
 * `_prisma_migrations` alone cannot tell a baseline of an existing schema from a failed migration waved through.
 */
export async function unranMigrationObjects(database: DatabaseCatalog, diagnosis: MigrationDiagnosis, local: LocalMigrations): Promise<UnranMigrationObjects[]> {
  const expected = unranMigrationExpectations(diagnosis, local);
  return Promise.all(expected.map(async ({ name, objects }) => ({ name, checked: objects.length, absent: await database.absentObjects(objects) })));
}
