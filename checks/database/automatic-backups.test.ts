import { cp, mkdir, mkdtemp, readdir, readFile, rm, truncate, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDump, pgDumpFailing } from '../../fixtures/db/dump.js';
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
    expect((await run('s3://shop-backups/postgres/')).result.message).toMatch(/^backups are in s3:\/\/shop-backups\/postgres\/: add environments\.\w+\.aws/);
  });

  it("fails when the newest .sql is pg_dump's own error text (the job redirected stderr into it), gzipped or not", async () => {
    const file = path.join(root, 'pg_dump-error.sql');
    await pgDumpFailing(pg.server, file);
    const text = await readFile(file);
    saveDumpWhenRecording('pg_dump-error.sql', text);
    expect(text.toString()).toMatch(/^pg_dump: error: connection to server at "127\.0\.0\.1", port 1 failed/);
    const plain = await backupDir({ 'old.sql': { content: dump, ageHours: 25 }, 'nightly.sql': { content: text, ageHours: 1 } });
    const { result } = await run(plain);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^newest backup nightly\.sql is not a database dump: it starts with "pg_dump: error: connection to server at "127\.0\.0\.1", port 1 failed/);
    const gz = await backupDir({ 'nightly.sql.gz': { content: gzipSync(text), ageHours: 1 } });
    expect((await run(gz)).result).toMatchObject({ status: 'fail', message: expect.stringMatching(/^newest backup nightly\.sql\.gz is not a database dump \(gzip of something else\): it starts with "pg_dump: error:/) });
  });

  it('validates tar and directory formats through the end: whole ones pass, cut or incomplete ones fail', async () => {
    const db = await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) });
    const tar = path.join(root, 'shop.tar');
    await pgDump(pg.server, db.name, tar, { format: 'tar' });
    const tarBytes = await readFile(tar);
    saveDumpWhenRecording('shop.tar', tarBytes);
    expect((await run(await backupDir({ 'nightly.tar': { content: tarBytes, ageHours: 1 } }))).result.message).toMatch(/\(pg_dump tar format\), within 26 h$/);
    const cutTar = await run(await backupDir({ 'nightly.tar': { content: tarBytes.subarray(0, tarBytes.length - 2048), ageHours: 1 } }));
    expect(cutTar.result).toMatchObject({ status: 'fail', message: expect.stringMatching(/^newest backup nightly\.tar is incomplete or corrupt \(pg_dump tar format\): /) });

    const directory = await mkdtemp(path.join(root, 'fd-'));
    await pgDump(pg.server, db.name, path.join(directory, '2024-05-02'), { format: 'directory' });
    const whole = await run(directory);
    expect(whole.result.status).toBe('pass');
    expect(whole.result.message).toMatch(/^newest backup 2024-05-02: \d+ bytes, 0 h old \(pg_dump directory format\), within 26 h$/);
    const broken = await mkdtemp(path.join(root, 'fd-'));
    await cp(path.join(directory, '2024-05-02'), path.join(broken, '2024-05-02'), { recursive: true });
    const dataFile = (await readdir(path.join(broken, '2024-05-02'))).find((f) => /^\d+\.dat\.gz$/.test(f))!;
    await unlink(path.join(broken, '2024-05-02', dataFile));
    expect((await run(broken)).result).toMatchObject({ status: 'fail', message: expect.stringMatching(new RegExp(`is incomplete or corrupt \\(pg_dump directory format\\): ${dataFile.replace('.gz', '').replace('.', '\\.')}, named in toc\\.dat, is missing$`)) });
    await unlink(path.join(broken, '2024-05-02', 'toc.dat'));
    expect((await run(broken)).result.message).toMatch(/a directory-format dump without its toc\.dat/);
  });

  it('fails a custom-format dump cut off inside its data, gzipped or not, and an unknown format', async () => {
    const file = path.join(root, 'cut.dump');
    await pgDump(pg.server, (await pg.database({ setup: (c) => deployMigrations(c, SHOP_MIGRATIONS).then(() => undefined) })).name, file, { format: 'custom' });
    const custom = await readFile(file);
    const cut = custom.subarray(0, custom.length - 10);
    expect((await run(await backupDir({ 'nightly.dump': { content: cut, ageHours: 1 } }))).result.message).toMatch(
      /^newest backup nightly\.dump is incomplete or corrupt \(pg_dump custom format\): (cut off|the data of)/,
    );
    expect((await run(await backupDir({ 'nightly.dump.gz': { content: gzipSync(cut), ageHours: 1 } }))).result.status).toBe('fail');
    expect((await run(await backupDir({ 'nightly.dump.gz': { content: gzipSync(custom), ageHours: 1 } }))).result.message).toMatch(/\(gzipped pg_dump custom format\)/);
    const unknown = await run(await backupDir({ 'nightly.bak': { content: Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]), ageHours: 1 } }));
    expect(unknown.result).toMatchObject({ status: 'fail', message: 'newest backup nightly.bak is not a database dump: not pg_dump output in any format (plain, custom, directory, tar) nor gzip' });
    const zstd = await run(await backupDir({ 'nightly.sql.zst': { content: Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x00]), ageHours: 1 } }));
    expect(zstd.result).toMatchObject({ status: 'warn', message: expect.stringMatching(/could not be verified to its end: zstd-compressed/) });
  });

  it('works from a truncated file on disk too (not just in memory)', async () => {
    const dir = await backupDir({ 'shop.sql': { content: dump, ageHours: 1 } });
    await truncate(path.join(dir, 'shop.sql'), 100);
    expect((await run(dir)).result.status).toBe('fail');
  });
});
