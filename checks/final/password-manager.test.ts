import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gitRepo } from '../../test/helpers/git-repo.js';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import { runCheck } from '../../test/helpers/run-check.js';
import passwordManager from './password-manager.js';

const fixtures = path.resolve('fixtures/repos');
// The secret the history test plants is assembled at run time, so no key-shaped literal is committed here.
const plantedKey = `${'gh'}p_${'Q7rD4xW2kPl5MzT6hVb9'}${'NcYj3FgS8aLe1UoIwZx0'}`;

describe('final.password-manager on the sample repositories (real trees, real git)', () => {
  const ws = repoWorkspace('readiness-password-manager-');
  afterAll(() => ws.remove());
  const timeoutMs = 60_000;

  it('the well-kept repository holds no committed secret: manual, the vault still needs attesting', async () => {
    const root = path.join(ws.dir, 'well-kept');
    gitRepo(root, [], path.join(fixtures, 'well-kept'));
    const result = await ws.run(passwordManager, root, {}, { timeoutMs });
    expect(result.status, result.message).toBe('manual');
    expect(result.message).toMatch(/^no secret committed \(no secret in \d+ files; no secret added by any of 1 commits\); needs a person's attestation/);
  });

  it('the neglected one fails, naming every secret by file, line and kind, never by value', async () => {
    const root = path.join(ws.dir, 'neglected');
    gitRepo(root, [], path.join(fixtures, 'neglected'));
    const result = await ws.run(passwordManager, root, {}, { timeoutMs });
    expect(result.status, result.message).toBe('fail');
    const tree = (result.evidence['working tree'] as { committed: string[] }).committed;
    expect(tree).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\.github\/workflows\/deploy\.yml:11 value of RAILWAY_TOKEN hmac:[0-9a-f]{12}$/),
        expect.stringMatching(/^Dockerfile:4 value of SESSION_SECRET hmac:/),
        expect.stringMatching(/^src\/storage\.js:6 AWS access key id \(AKIA…\) hmac:/),
      ]),
    );
    expect(result.message).toMatch(/working tree: 3 secret\(s\) committed/);
    expect(result.message).toMatch(/git history: 3 secret\(s\) in the history/);
    const text = JSON.stringify(result);
    for (const value of ['J7Q4ZXN2RB5WLK3M', 'k7Qm2vX9pL4tR8wZ3nB6yH1cF5jD0sGa', '3f9c1a7e-5b2d-4e8f-9a6c-1d2e3f4a5b6c']) expect(text).not.toContain(value);
  });

  it('finds a secret that was committed and deleted since: only the history still has it, by commit', async () => {
    const root = path.join(ws.dir, 'deleted-since');
    const [, added] = gitRepo(
      root,
      [{ files: { 'deploy.sh': `#!/bin/sh\nexport GH_TOKEN=${plantedKey}\ngh release create\n` } }, { remove: ['deploy.sh'], message: 'remove the token' }],
      path.join(fixtures, 'well-kept'),
    );
    const result = await ws.run(passwordManager, root, {}, { timeoutMs });
    expect(result.status, result.message).toBe('fail');
    expect(result.message).toContain(`git history: 1 secret(s) in the history: ${added!.slice(0, 12)} deploy.sh:2 GitHub token (ghp_…)`);
    expect((result.evidence['working tree'] as { verdict: string }).verdict).toBe('pass');
    expect(JSON.stringify(result)).not.toContain(plantedKey.slice(4));
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(passwordManager, path.join(fixtures, 'no-such-repository'), {}, { timeoutMs });
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/no such directory/);
  });

  it('without `repo:` stays the attestation it always was', async () => {
    const result = await runCheck(passwordManager, ws.target({}), { timeoutMs });
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/no repository configured/);
  });
});
