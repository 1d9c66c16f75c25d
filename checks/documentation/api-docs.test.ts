import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import apiDocs from './api-docs.js';

const fixtures = path.resolve('fixtures/repos');

describe('documentation.api-docs on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it("the well-kept openapi.yaml is at package.json's 1.4.0, and stays manual: route coverage is not compared", async () => {
    const result = await ws.run(apiDocs, path.join(fixtures, 'well-kept'));
    expect(result.status, result.message).toBe('manual');
    expect(result.evidence).toMatchObject({ file: 'openapi.yaml', version: '1.4.0', judgements: expect.arrayContaining(['pass paths: 2 path(s) documented']) });
  });

  it("fails on the neglected one: its openapi.json describes 0.0.0-draft, package.json 0.0.1", async () => {
    const result = await ws.run(apiDocs, path.join(fixtures, 'neglected'));
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/info\.version: is "0\.0\.0-draft", but package\.json is at 0\.0\.1/);
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(apiDocs, path.join(fixtures, 'no-such-repository'));
    expect(result.status).toBe('error');
  });
});
