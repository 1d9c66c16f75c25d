import { describe, expect, it } from 'vitest';
import { createdObjects, expectedObjects, stripSqlNoise } from './database-migration-objects.js';

describe('objects a migration.sql creates', () => {
  it("reads Prisma's generated statements", () => {
    const sql = `-- CreateEnum
CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- AlterTable
ALTER TABLE "Post" ADD COLUMN     "title" TEXT,
ADD COLUMN     "views" INTEGER NOT NULL DEFAULT 0;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`;
    expect(createdObjects(sql)).toEqual([
      { kind: 'type', name: 'Role' },
      { kind: 'table', name: 'User' },
      { kind: 'index', table: 'User', name: 'User_email_key' },
      { kind: 'column', table: 'Post', name: 'title' },
      { kind: 'column', table: 'Post', name: 'views' },
      { kind: 'constraint', table: 'Post', name: 'Post_authorId_fkey' },
    ]);
  });

  it('folds unquoted names, keeps schemas, and ignores comments, strings, function bodies and temporary tables', () => {
    const sql = `CREATE TABLE IF NOT EXISTS billing.Invoices (id int);
/* CREATE TABLE "Ghost" (id int); */
INSERT INTO notes VALUES ('CREATE TABLE "Fake" (x int);');
CREATE FUNCTION f() RETURNS void AS $body$ BEGIN CREATE TABLE "Inner" (x int); END $body$ LANGUAGE plpgsql;
CREATE TEMP TABLE scratch (x int);
CREATE INDEX CONCURRENTLY IF NOT EXISTS invoices_id_idx ON billing.invoices (id);`;
    expect(createdObjects(sql)).toEqual([
      { kind: 'table', schema: 'billing', name: 'invoices' },
      { kind: 'index', schema: 'billing', table: 'invoices', name: 'invoices_id_idx' },
    ]);
    expect(stripSqlNoise(`SELECT 'a;b' -- c;d\n`)).toBe(`SELECT '' \n`);
  });

  it('does not expect what the migration itself or a later one drops or renames', () => {
    const script = 'CREATE TABLE "Draft" (id int); CREATE TABLE "Kept" (id int); CREATE INDEX "Kept_id_idx" ON "Kept"(id); ALTER TABLE "Kept" ADD COLUMN "old" TEXT;';
    const later = ['DROP TABLE "Draft";', 'ALTER TABLE "Kept" RENAME COLUMN "old" TO "new";'];
    expect(expectedObjects(script, later)).toEqual([
      { kind: 'table', name: 'Kept' },
      { kind: 'index', table: 'Kept', name: 'Kept_id_idx' },
    ]);
    // A table renamed away takes its columns, indexes and constraints out of what is expected under the old name.
    expect(expectedObjects(script, ['ALTER TABLE "Kept" RENAME TO "Archive";', 'DROP TABLE IF EXISTS "Draft" CASCADE;'])).toEqual([]);
    // Dropping a default is not dropping the column.
    expect(expectedObjects('ALTER TABLE "T" ADD COLUMN "c" INT;', ['ALTER TABLE "T" ALTER COLUMN "c" DROP DEFAULT;'])).toHaveLength(1);
    expect(expectedObjects(script, [])).toHaveLength(4);
  });
});
