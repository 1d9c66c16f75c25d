import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MigrationRow, MigrationTableFacts } from '../probes/postgres-catalog.js';
import { lockProvider, type LocalMigrations } from '../probes/prisma-migrations-dir.js';
import { diagnoseMigrations, judgeMigrations, prismaChecksum, scriptMatchesChecksum } from './prisma-migrations.js';

const b = (text: string) => Buffer.from(text, 'utf8');

describe('Prisma migration checksums', () => {
  it("is the lower-case, zero-padded hex SHA-256 (Prisma's own test vector)", () => {
    expect(prismaChecksum(b('hello'))).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  });

  it('matches across CRLF and LF in both directions, as Prisma does', () => {
    // Prisma's script_matches_checksum_is_line_ending_agnostic cases: a lone \r is kept as is.
    const pairs = [
      ['ab\ncd\nef\ngh\rab', 'ab\r\ncd\r\nef\r\ngh\rab'],
      ['ab\ncd\nef\ngh\rab\n', 'ab\r\ncd\r\nef\r\ngh\rab\r\n'],
    ];
    for (const pair of pairs) {
      for (const script of pair) {
        for (const other of pair) expect(scriptMatchesChecksum(b(script), prismaChecksum(b(other))), JSON.stringify([script, other])).toBe(true);
      }
    }
  });

  it('does not match a different script, or a trailing newline more', () => {
    expect(scriptMatchesChecksum(b('abc'), prismaChecksum(b('abcd')))).toBe(false);
    expect(scriptMatchesChecksum(b('abc\n'), prismaChecksum(b('abc')))).toBe(false);
  });

  it('accepts the unpadded hex that old schema engines wrote (prisma-engines#1887)', () => {
    // A script whose digest has a byte below 0x10, so the unpadded form is really shorter.
    let n = 0;
    const digestOf = (i: number) => createHash('sha256').update(b(`CREATE TABLE "A${i}" (id int);\n`)).digest();
    while (![...digestOf(n)].some((x) => x < 16)) n++;
    const script = b(`CREATE TABLE "A${n}" (id int);\n`);
    const unpadded = [...digestOf(n)].map((x) => x.toString(16)).join('');
    expect(unpadded.length).toBeLessThan(64);
    expect(scriptMatchesChecksum(script, unpadded)).toBe(true);
    expect(scriptMatchesChecksum(script, unpadded.replace(/.$/, (c) => (c === '0' ? '1' : '0')))).toBe(false);
  });

  it('preserves bytes that are not UTF-8 while rewriting line endings', () => {
    const script = Buffer.from([0xff, 0x0a, 0xfe]);
    const crlf = Buffer.from([0xff, 0x0d, 0x0a, 0xfe]);
    expect(scriptMatchesChecksum(crlf, prismaChecksum(script))).toBe(true);
  });
});

describe('migration_lock.toml', () => {
  it.each([
    ['# comment\nprovider = "postgresql"\n', 'postgresql'],
    ['provider="mysql" # trailing comment', 'mysql'],
    ["provider = 'sqlite'", 'sqlite'],
    ['# provider = "mysql"\n', null],
    ['', null],
  ])('reads the provider of %j', (toml, provider) => {
    expect(lockProvider(toml)).toBe(provider);
  });
});

const script = (name: string) => b(`-- ${name}\nSELECT 1;\n`);
const local = (names: string[], extra: Partial<LocalMigrations> = {}): LocalMigrations => ({
  dir: 'prisma/migrations',
  migrations: names.map((name) => ({ name, script: script(name) })),
  lock: { provider: 'postgresql' },
  ...extra,
});
let clock = 0;
const row = (name: string, extra: Partial<MigrationRow> = {}): MigrationRow => {
  const at = new Date(Date.UTC(2024, 0, 1, 0, 0, clock++)).toISOString();
  return { id: `id-${clock}`, checksum: prismaChecksum(script(name)), migrationName: name, startedAt: at, finishedAt: at, rolledBackAt: null, logs: null, appliedStepsCount: 1, ...extra };
};
const table = (rows: MigrationRow[], extra: Partial<MigrationTableFacts> = {}): MigrationTableFacts => ({
  table: 'public._prisma_migrations',
  exists: true,
  rows,
  lockHolders: [],
  ...extra,
});
const judge = (l: LocalMigrations, t: MigrationTableFacts) =>
  judgeMigrations(diagnoseMigrations(l, t), l, t, { modified: 'fail', missingLocally: 'fail', stuckLockMinutes: 10 });

describe('diagnosing and judging a migration history', () => {
  const names = ['20240101_a', '20240102_b', '20240103_c'];

  it('passes when every folder has an applied row with a matching checksum', () => {
    const result = judge(local(names), table(names.map((n) => row(n))));
    expect(result.status).toBe('pass');
    expect(result.message).toBe('all 3 migration(s) applied, latest 20240103_c; checksums match');
  });

  it('calls a folder with no row, or only rolled-back rows, pending', () => {
    const d = diagnoseMigrations(local(names), table([row(names[0]!), row(names[1]!, { rolledBackAt: '2024-01-02T00:00:00.000Z' })]));
    expect(d.pending).toEqual(['20240102_b', '20240103_c']);
    expect(d.rolledBack).toEqual(['20240102_b']);
  });

  it('calls a row with neither finished_at nor rolled_back_at failed, keeping its logs', () => {
    const t = table([row(names[0]!), row(names[1]!, { finishedAt: null, logs: 'ERROR: relation "Shop" already exists' })]);
    const d = diagnoseMigrations(local(names), t);
    expect(d.failed).toEqual([expect.objectContaining({ name: '20240102_b', logs: 'ERROR: relation "Shop" already exists' })]);
    expect(d.pending).toEqual(['20240103_c']);
    const result = judge(local(names), t);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^1 failed migration\(s\): 20240102_b .*P3009.*; 1 pending migration\(s\): 20240103_c/);
  });

  it('is not fooled by a failed row that was later resolved and re-applied', () => {
    const t = table([row(names[0]!, { finishedAt: null, rolledBackAt: '2024-01-01T01:00:00.000Z' }), row(names[0]!)]);
    expect(judge(local([names[0]!]), t).status).toBe('pass');
  });

  it('calls an applied migration whose file changed modified, and a row with no folder missing locally', () => {
    const t = table([row(names[0]!, { checksum: prismaChecksum(b('something else')) }), row(names[1]!), row(names[2]!), row('20240104_hotfix')]);
    const d = diagnoseMigrations(local(names), t);
    expect(d.modified).toEqual(['20240101_a']);
    expect(d.missingLocally).toEqual(['20240104_hotfix']);
    const lenient = judgeMigrations(d, local(names), t, { modified: 'warn', missingLocally: 'warn', stuckLockMinutes: 10 });
    expect(lenient.status).toBe('warn');
  });

  it('calls a missing table "never migrated" and lists everything as pending', () => {
    const result = judge(local(names), table([], { exists: false }));
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^never migrated: public\._prisma_migrations does not exist, so all 3 migration\(s\) are pending/);
  });

  it('notes a pending migration that sorts before the newest applied one', () => {
    const d = diagnoseMigrations(local(names), table([row(names[0]!), row(names[2]!)]));
    expect(d.outOfOrder).toEqual(['20240102_b']);
  });

  it('fails on a lock file for another provider, a folder without migration.sql, and warns on no lock file', () => {
    const t = table(names.map((n) => row(n)));
    expect(judge(local(names, { lock: { provider: 'mysql' } }), t).message).toMatch(/provider "mysql", not "postgresql"/);
    expect(judge(local(names, { lock: null }), t).status).toBe('warn');
    const withEmpty: LocalMigrations = { ...local(names), migrations: [...local(names).migrations, { name: '20240109_empty', script: null }] };
    expect(judge(withEmpty, t).message).toMatch(/folder\(s\) without migration\.sql: 20240109_empty/);
  });

  it('warns while a deploy holds the advisory lock and fails when it is stuck', () => {
    const applied = names.map((n) => row(n));
    const running = table(applied, { lockHolders: [{ pid: 42, granted: true, application: 'prisma', state: 'active', seconds: 30 }] });
    expect(judge(local(names), running)).toMatchObject({ status: 'warn', message: expect.stringMatching(/pid 42 .*a migrate deploy is running/) });
    const stuck = table(applied, { lockHolders: [{ pid: 42, granted: true, application: null, state: 'idle in transaction', seconds: 3_600 }] });
    expect(judge(local(names), stuck)).toMatchObject({ status: 'fail', message: expect.stringMatching(/looks stuck/) });
  });

  it('cannot verify an empty folder against an empty database', () => {
    expect(judge(local([]), table([], { exists: false })).status).toBe('error');
  });

  it('caps long lists and failed logs in the evidence', () => {
    const many = Array.from({ length: 120 }, (_, i) => `2024${String(i).padStart(6, '0')}_m`);
    const result = judge(local(many), table([row(many[0]!, { finishedAt: null, logs: 'x'.repeat(3_000) })]));
    const evidence = result.evidence as { pending: string[]; failed: { logs: string }[] };
    expect(evidence.pending).toHaveLength(50);
    expect(evidence.failed[0]?.logs.length).toBeLessThan(600);
    expect(result.message).toMatch(/\(109 more\)/);
  });
});
