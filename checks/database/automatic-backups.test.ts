import { mkdir, mkdtemp, readFile, rm, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDump } from '../../fixtures/db/dump.js';
import { SHOP_MIGRATIONS, deployMigrations } from '../../fixtures/db/prisma-history.js';
import { saveDumpWhenRecording } from '../../test/helpers/backup-table.js';
import { runDatabaseCheck, usePostgres } from '../../test/helpers/postgres.js';
import check from './automatic-backups.js';

describe('database.automatic-backups against real pg_dump backups', () => {
  const pg = usePostgres();
  let root: string;
  let dump: Buffer;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'readiness-backups-'));
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    await pgDump(pg.server, db.name, path.join(root, 'source.sql'));
    dump = await readFile(path.join(root, 'source.sql'));
    saveDumpWhenRecording('shop.sql', dump);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  /** A backup directory holding the given files, each with its age in hours. */
  async function backupDir(files: Record<string, { content: Buffer; ageHours: number }>): Promise<string> {
    const dir = await mkdtemp(path.join(root, 'dir-'));
    for (const [name, { content, ageHours }] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
      const when = new Date(Date.now() - ageHours * 3_600_000);
      await utimes(path.join(dir, name), when, when);
    }
    return dir;
  }
  const run = (location: string, extra: Record<string, unknown> = {}) =>
    runDatabaseCheck(check, { url: 'postgresql://unused@127.0.0.1:1/unused', backups: { location, ...extra } });

  it('passes when the newest backup is a complete dump younger than 26 hours, in dated folders', async () => {
    const dir = await backupDir({ '2024-05-01/shop.sql': { content: dump, ageHours: 50 }, '2024-05-02/shop.sql.gz': { content: gzipSync(dump), ageHours: 3 } });
    const { result } = await run(dir);
    expect(result.status).toBe('pass');
    expect(result.message).toMatch(/^newest backup 2024-05-02\/shop\.sql\.gz: \d+ bytes, 3 h old \(complete pg_dump\), within 26 h$/);
  });

  it('passes on a custom-format dump', async () => {
    const file = path.join(root, 'custom.dump');
    const db = await pg.database();
    await pgDump(pg.server, db.name, file, { format: 'custom' });
    saveDumpWhenRecording('custom.dump', await readFile(file));
    const dir = await backupDir({ 'nightly.dump': { content: await readFile(file), ageHours: 1 } });
    expect((await run(dir)).result.message).toMatch(/\(pg_dump custom format\)/);
  });

  it('fails when the newest backup is older than maxAge', async () => {
    const dir = await backupDir({ 'shop.sql': { content: dump, ageHours: 30 } });
    const { result } = await run(dir);
    expect(result).toMatchObject({ status: 'fail', message: 'newest backup shop.sql is 30 h old, older than 26 h: backups have stopped' });
    expect((await run(dir, { maxAge: '36h' })).result.status).toBe('pass');
  });

  it('fails on an empty or truncated newest backup, plain or gzipped', async () => {
    const empty = await backupDir({ 'old.sql': { content: dump, ageHours: 5 }, 'new.sql': { content: Buffer.alloc(0), ageHours: 1 } });
    expect((await run(empty)).result.message).toBe('newest backup new.sql is 0 bytes, under 1: empty');
    const cut = await backupDir({ 'new.sql': { content: dump.subarray(0, Math.floor(dump.length / 2)), ageHours: 1 } });
    expect((await run(cut)).result).toMatchObject({ status: 'fail', message: expect.stringMatching(/^newest backup new\.sql is truncated/) });
    const gz = gzipSync(dump);
    const cutGz = await backupDir({ 'new.sql.gz': { content: gz.subarray(0, gz.length - 20), ageHours: 1 } });
    expect((await run(cutGz)).result.status).toBe('fail');
  });

  it('fails when the directory holds no backup file, and ignores files that are not backups', async () => {
    const dir = await backupDir({ 'README.txt': { content: Buffer.from('backups go here'), ageHours: 1 } });
    expect((await run(dir)).result).toMatchObject({ status: 'fail', message: `no backup file in ${dir}` });
  });

  it('reports error when the directory cannot be read', async () => {
    const { result } = await run(path.join(root, 'missing'));
    expect(result).toMatchObject({ status: 'error', message: expect.stringMatching(/backup directory .* does not exist/) });
  });

  it('is manual without a backup location, or with an S3 one', async () => {
    expect((await runDatabaseCheck(check, { url: 'postgresql://u@127.0.0.1:1/db' })).result.status).toBe('manual');
    expect((await run('s3://shop-backups/postgres/')).result.message).toMatch(/listing S3 is not supported by this build yet/);
  });

  it('works from a truncated file on disk too (not just in memory)', async () => {
    const dir = await backupDir({ 'shop.sql': { content: dump, ageHours: 1 } });
    await truncate(path.join(dir, 'shop.sql'), 100);
    expect((await run(dir)).result.status).toBe('fail');
  });
});
