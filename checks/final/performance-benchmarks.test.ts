import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoWorkspace } from '../../test/helpers/repo-table.js';
import performanceBenchmarks from './performance-benchmarks.js';

const fixtures = path.resolve('fixtures/repos');
// The sample's results are dated by their file time, i.e. the checkout: a wide window keeps the case independent of it.
const WIDE = { maxAgeDays: 36_500 };

describe('final.performance-benchmarks on the sample repositories', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it("passes on the well-kept repository: bench/results.json is vitest bench's JSON, with measurements", async () => {
    const result = await ws.run(performanceBenchmarks, path.join(fixtures, 'well-kept'), {}, { options: WIDE });
    expect(result.status, result.message).toBe('pass');
    expect(result.message).toMatch(/^bench\/results\.json: \d+ measurement\(s\), file modified \(no date inside, and a checkout resets file times\) \d{4}-\d{2}-\d{2} \(\d+ days ago\)$/);
  });

  it('fails on the neglected one: its results file does not parse', async () => {
    const result = await ws.run(performanceBenchmarks, path.join(fixtures, 'neglected'), {}, { options: WIDE });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^bench\/results\.json: content: does not parse as JSON/);
  });

  it('fails when the configured results file is not there', async () => {
    const result = await ws.run(performanceBenchmarks, path.join(fixtures, 'well-kept'), {}, { options: { path: 'docs/benchmarks/launch.md' } });
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/docs\/benchmarks\/launch\.md \(options\.path\) does not exist/);
  });

  it('is an error when the repository is not there', async () => {
    const result = await ws.run(performanceBenchmarks, path.join(fixtures, 'no-such-repository'));
    expect(result.status).toBe('error');
  });
});
