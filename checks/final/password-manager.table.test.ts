import { randomBytes } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Status } from '../../src/core/types.js';
import { gitRepo, type TestCommit } from '../../test/helpers/git-repo.js';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import passwordManager from './password-manager.js';

/** Generated per run and assembled at run time: nothing key-shaped is committed in this file. */
const jwt = randomBytes(32).toString('base64url');
const awsKeyId = `${'AK'}IA${[...randomBytes(16)].map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('')}`;
const pem = ['-----BEGIN ' + 'RSA PRIVATE KEY-----', ...randomBytes(900).toString('base64').match(/.{1,64}/g)!, '-----END RSA PRIVATE KEY-----'].join('\n');
const clean = { 'package.json': '{"name":"shop","version":"1.0.0"}\n', 'server.js': 'require("http").createServer().listen(process.env.PORT);\n' };

interface Row {
  name: string;
  /** Commits of a real git repository; without them the folder is a plain tree (no git). */
  commits?: TestCommit[];
  /** Files written after the last commit (untracked, or git-ignored by the tree's .gitignore). */
  uncommitted?: Record<string, string>;
  symlinks?: Record<string, string>;
  options?: Record<string, unknown>;
  status: Status;
  message: RegExp;
  evidence?: Record<string, unknown>;
}

const rows: Row[] = [
  {
    name: 'a clean repository with .env.example placeholders',
    commits: [{ files: { ...clean, '.env.example': 'PORT=3000\nJWT_SECRET=\nSESSION_SECRET=changeme\nAPI_KEY=<your-api-key>\nAWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' } }],
    status: 'manual',
    message: /^no secret committed \(no secret in 3 files; no secret added by any of 1 commits\); needs a person's attestation: Screenshot/,
  },
  {
    name: 'a committed .env with a generated JWT secret',
    commits: [{ files: { ...clean, '.env': `PORT=3000\nJWT_SECRET=${jwt}\n` } }],
    status: 'fail',
    message: /working tree: 1 secret\(s\) committed: \.env:2 value of JWT_SECRET; git history: 1 secret\(s\) in the history: [0-9a-f]{12} \.env:2 value of JWT_SECRET/,
  },
  {
    name: 'a committed private key',
    commits: [{ files: { ...clean, 'certs/server.key': pem } }],
    status: 'fail',
    message: /certs\/server\.key:1 PEM rsa private key/,
  },
  {
    name: 'a key committed, then deleted (only the history has it)',
    commits: [{ files: { ...clean, 'src/s3.js': `const id = '${awsKeyId}';\n` } }, { remove: ['src/s3.js'] }],
    status: 'fail',
    message: /^git history: 1 secret\(s\) in the history: [0-9a-f]{12} src\/s3\.js:1 AWS access key id \(AKIA…\)/,
  },
  {
    name: 'a secret in a local file git neither tracks nor ignores',
    commits: [{ files: clean }],
    uncommitted: { '.env': `JWT_SECRET=${jwt}\n` },
    status: 'warn',
    message: /working tree: 1 secret\(s\) in files git neither tracks nor ignores \(one `git add \.` from committed\): \.env:1 value of JWT_SECRET/,
  },
  {
    name: 'a secret in a git-ignored local .env: counted, not committed',
    commits: [{ files: { ...clean, '.gitignore': '.env\n' } }],
    uncommitted: { '.env': `JWT_SECRET=${jwt}\n` },
    status: 'manual',
    message: /no secret in 4 files \(1 in git-ignored local files, not committed\)/,
    evidence: { 'working tree': { inGitIgnoredFiles: 1 } },
  },
  {
    name: 'a folder that is no git repository, clean: the history could not be scanned',
    uncommitted: clean,
    status: 'warn',
    message: /^git history: not a git repository \(no \.git here or above\): no history to scan here/,
  },
  {
    name: 'a folder that is no git repository, with a secret: every hit counts as committed',
    uncommitted: { ...clean, 'config.yml': `jwt_secret: ${jwt}\n` },
    status: 'fail',
    message: /working tree: 1 secret\(s\) committed: config\.yml:1 value of jwt_secret/,
  },
  {
    name: 'a file over the per-file cap: not a pass, named as not scanned',
    commits: [{ files: { ...clean, 'data/dump.sql': 'x'.repeat(4 * 1024 * 1024 + 10) } }],
    status: 'warn',
    message: /working tree: no secret in the 2 files read, but not everything was scanned: 1 file\(s\) over 4 MiB \(data\/dump\.sql\)/,
  },
  {
    name: 'a history longer than maxCommits: not a pass',
    commits: [{ files: clean }, { files: { 'a.txt': 'a' } }, { files: { 'b.txt': 'b' } }],
    options: { maxCommits: 2 },
    status: 'warn',
    message: /git history: no secret in the 2 commits read, but only the newest 2 of 3 commits were read \(maxCommits\)/,
  },
  {
    name: 'keys under a folder the ignore option names',
    commits: [{ files: { ...clean, 'samples/keys.env': `JWT_SECRET=${jwt}\n` } }],
    options: { ignore: ['samples/'] },
    status: 'manual',
    message: /^no secret committed \(no secret in 2 files; no secret added by any of 1 commits\)/,
    evidence: { 'working tree': { ignoredByOption: ['samples/'] } },
  },
  {
    name: "a test's made-up password is no committed secret",
    commits: [{ files: { ...clean, 'test/login.test.js': `const password = '${jwt}';\n`, 'src/__tests__/db.js': `const url = 'postgres://app:${jwt}@db.prod.internal/shop';\n` } }],
    status: 'manual',
    message: /^no secret committed/,
  },
  {
    name: 'a vendor-format key is one even inside a test',
    commits: [{ files: { ...clean, 'test/s3.test.js': `const id = '${awsKeyId}';\n` } }],
    status: 'fail',
    message: /test\/s3\.test\.js:1 AWS access key id \(AKIA…\)/,
  },
  {
    name: 'a dependency folder is not the project: keys inside node_modules are not read',
    uncommitted: { 'node_modules/aws-sdk/test.js': `const id = '${awsKeyId}';\n` },
    commits: [{ files: { ...clean, '.gitignore': 'node_modules\n' } }],
    status: 'manual',
    message: /^no secret committed/,
  },
  {
    name: 'a symlink out of the repository is refused, never read',
    commits: [{ files: clean }],
    symlinks: { 'leak.env': '../outside-secret.env' },
    status: 'manual',
    message: /^no secret committed/,
    evidence: { 'working tree': { symlinksOutRefused: ['leak.env'] } },
  },
];

describe('final.password-manager judged from real trees and real git repositories', () => {
  const ws = repoWorkspace('readiness-password-manager-table-');
  afterAll(() => ws.remove());
  writeFileSync(path.join(ws.dir, 'outside-secret.env'), `JWT_SECRET=${jwt}\n`);
  let count = 0;

  for (const row of rows) {
    it(`${row.name} → ${row.status}`, async () => {
      const root = path.join(ws.dir, `repo-${++count}`);
      mkdirSync(root, { recursive: true });
      if (row.commits) gitRepo(root, row.commits);
      for (const [file, text] of Object.entries(row.uncommitted ?? {})) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      for (const [link, target] of Object.entries(row.symlinks ?? {})) symlinkSync(target, path.join(root, link));
      const result = await ws.run(passwordManager, path.basename(root), {}, { timeoutMs: 60_000, ...(row.options ? { options: row.options } : {}) });
      expect(result.status, result.message).toBe(row.status);
      expect(result.message).toMatch(row.message);
      if (row.evidence) expect(result.evidence).toMatchObject(row.evidence);
      expect(JSON.stringify(result)).not.toContain(jwt);
      expect(JSON.stringify(result)).not.toContain(awsKeyId.slice(4));
    });
  }
});
