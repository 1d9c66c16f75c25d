import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgDump } from '../../fixtures/db/dump.js';
import { SHOP_MIGRATIONS, deployMigrations } from '../../fixtures/db/prisma-history.js';
import { usePostgres } from '../../test/helpers/postgres.js';
import { inspectFile } from './backups-formats.js';

describe('custom-format archives too large to walk whole, against real pg_dump output', () => {
  const pg = usePostgres();
  let root: string;
  let database: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'readiness-formats-'));
    const db = await pg.database({
      setup: async (c) => {
        await deployMigrations(c, SHOP_MIGRATIONS);
        await c.query(`INSERT INTO "Shop" (id, domain) SELECT 's' || g, 'shop' || g || '.example' FROM generate_series(1, 2000) g`);
      },
    });
    database = db.name;
  });
  afterAll(() => rm(root, { recursive: true, force: true }));
  const inspect = async (file: string) => inspectFile(file, (await stat(file)).size, 256);

  it('checks each data offset and walks the last block to the end of the file when the TOC has offsets', async () => {
    const file = path.join(root, 'seekable.dump');
    await pgDump(pg.server, database, file, { format: 'custom' });
    expect(await inspect(file)).toEqual({ format: 'custom', complete: true });
    const bytes = await readFile(file);
    await writeFile(path.join(root, 'cut.dump'), bytes.subarray(0, bytes.length - 5));
    expect(await inspect(path.join(root, 'cut.dump'))).toMatchObject({ format: 'custom', complete: false });
    await writeFile(path.join(root, 'short.dump'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await inspect(path.join(root, 'short.dump'))).toMatchObject({ format: 'custom', complete: false });
  });

  it('cannot tell without offsets (pg_dump writing to a pipe), and says so instead of passing', async () => {
    const file = path.join(root, 'piped.dump');
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(pg.server.binaries.dir, 'pg_dump'), ['--format', 'custom', '--dbname', pg.server.url({ database })], { stdio: ['ignore', 'pipe', 'inherit'] });
      const out = createWriteStream(file);
      child.stdout.pipe(out);
      child.once('error', reject);
      child.once('close', (code) => out.end(() => (code === 0 ? resolve() : reject(new Error(`pg_dump exited with ${code}`)))));
    });
    expect(await inspect(file)).toMatchObject({ format: 'custom', complete: null, problem: expect.stringMatching(/holds no data offsets to check instead/) });
    // Walked whole (within the default budget), the same piped archive is complete.
    expect(await inspectFile(file, (await stat(file)).size)).toEqual({ format: 'custom', complete: true });
  });
});
