import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import loadTesting from './load-testing.js';

const fixtures = path.resolve('fixtures/repos');
// The sample reports are real runs of a fixed day; a wide window keeps these cases independent of the date they run on.
const WIDE = { maxAgeDays: 36_500 };

describe('testing.load-testing on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());
  const run = (repo: string, options: Record<string, unknown> = {}) => ws.run(loadTesting, path.join(fixtures, repo), {}, { options });

  it("passes on the well-kept repository with its k6 summary: thresholds held, p95 and errors under the limits", async () => {
    const result = await run('well-kept', { report: 'load/reports/k6-summary.json', ...WIDE });
    expect(result.status, result.message).toBe('pass');
    expect(result.message).toMatch(/^load\/reports\/k6-summary\.json \(k6 --summary-export\): thresholds 2 held, p95 215\.9 ms \(limit 500 ms\), errors 0% failed \(limit 1%\), age file modified/);
    expect(result.evidence).toMatchObject({ scripts: ['load/api.k6.js (k6)', 'load/widget.artillery.yml (artillery)'] });
  });

  it('passes with its Artillery report too, dated by the run itself', async () => {
    const result = await run('well-kept', { report: 'load/reports/artillery.json', ...WIDE });
    expect(result.status, result.message).toBe('pass');
    expect(result.message).toMatch(/\(Artillery 2 report\): p95 18 ms .* age ran 2026-12-01/);
  });

  it('is manual on the well-kept repository without a report: the scripts are there, the results are for a person', async () => {
    const result = await run('well-kept');
    expect(result.status).toBe('manual');
    expect(result.message).toMatch(/^load-test scripts found: load\/api\.k6\.js \(k6\), load\/widget\.artillery\.yml \(artillery\); no report configured/);
  });

  it('fails on the neglected one: a scenario without a flow, and a report with p95 over the limit', async () => {
    const result = await run('neglected', { report: 'load/report.json', ...WIDE });
    expect(result.status).toBe('fail');
    expect(result.message).toBe('load/artillery.yml: a scenario has no `flow:` list; load/report.json p95: 645.6 ms, not below the 500 ms limit');
  });

  it('fails when the configured report is not there', async () => {
    const result = await run('well-kept', { report: 'load/reports/missing.json' });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/load\/reports\/missing\.json: the configured report \(options\.report\) does not exist/);
  });

  it('is an error when the configured report is no load-test report', async () => {
    const result = await run('well-kept', { report: 'package.json' });
    expect(result.status).toBe('error');
    expect(result.message).toMatch(/package\.json: is neither a k6 summary/);
  });

  it('is an error when the repository is not there', async () => {
    const result = await run('no-such-repository', { report: 'load/report.json' });
    expect(result.status).toBe('error');
  });
});
