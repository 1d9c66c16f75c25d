import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import changelog from './changelog.js';

const fixtures = path.resolve('fixtures/repos');
// The fixtures' dates are fixed; a wide window keeps these cases about content, not about today's date.
const options = { options: { maxAgeDays: 100_000 } };

describe('documentation.changelog on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it('passes on the well-kept repository: CHANGELOG.md has a dated entry for 1.4.0', async () => {
    const result = await ws.run(changelog, path.join(fixtures, 'well-kept'), {}, options);
    expect(result.status, result.message).toBe('pass');
    expect(result.evidence).toMatchObject({ file: 'CHANGELOG.md', version: '1.4.0' });
  });

  it("fails on the neglected one: its 0.0.1 entry is a TODO", async () => {
    const result = await ws.run(changelog, path.join(fixtures, 'neglected'), {}, options);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/placeholder/);
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(changelog, path.join(fixtures, 'no-such-repository'), {}, options);
    expect(result.status).toBe('error');
  });
});
