import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoTable, repoWorkspace } from '../../test/helpers/repo-table.js';
import loadTesting from './load-testing.js';

// Reports from fixtures/load-reports: Artillery's captured from real runs, k6's written from its documented format.
const report = (name: string) => readFileSync(path.resolve('fixtures/load-reports', name), 'utf8');
const K6 = "import http from 'k6/http';\nexport const options = { thresholds: { http_req_duration: ['p(95)<500'] } };\nexport default function () { http.get(__ENV.TARGET); }\n";
const ARTILLERY = readFileSync(path.resolve('fixtures/load-reports/artillery-scenario.yml'), 'utf8');
// The Artillery reports ran on a fixed day: a wide window keeps the rows that are not about age independent of today.
const wide = (options: Record<string, unknown>) => ({ maxAgeDays: 36_500, ...options });

repoTable(loadTesting, [
  { name: 'a k6 script and its passing summary', files: { 'load/api.js': K6, 'load/summary.json': report('k6-summary-export-pass.json') }, options: { report: 'load/summary.json' }, status: 'pass', message: /^load\/summary\.json \(k6 --summary-export\): thresholds 2 held, p95 215\.9 ms/ },
  { name: 'k6 thresholds crossed', files: { 'load/api.js': K6, 'load/summary.json': report('k6-summary-export-fail.json') }, options: { report: 'load/summary.json' }, status: 'fail', message: /^load\/summary\.json thresholds: crossed: http_req_duration: p\(95\)<500, http_req_failed: rate<0\.01; load\/summary\.json p95: 1384\.6 ms, not below the 500 ms limit; load\/summary\.json errors: 8% of requests failed/ },
  { name: 'a k6 handleSummary JSON', files: { 'k6/run.js': K6, 'k6/out.json': report('k6-handle-summary-pass.json') }, options: { report: 'k6/out.json' }, status: 'pass', message: /\(k6 handleSummary JSON\): thresholds 2 held, p95 215\.9 ms \(limit 500 ms\), errors 0\.33% failed/ },
  { name: 'a handleSummary error rate over a stricter limit', files: { 'k6/out.json': report('k6-handle-summary-pass.json') }, options: { report: 'k6/out.json', errorsBelowPercent: 0.1 }, status: 'fail', message: /errors: 0\.33% of requests failed, not below 0\.1%/ },
  { name: 'an Artillery config and its clean report', files: { 'artillery.yml': ARTILLERY, 'reports/run.json': report('artillery-pass.json') }, options: wide({ report: 'reports/run.json' }), status: 'pass', message: /\(Artillery 2 report\): p95 18 ms \(limit 500 ms\), errors 0% failed \(limit 1%\), age ran 2026-12-01/ },
  { name: 'an Artillery run with p95 over the limit', files: { 'artillery.yml': ARTILLERY, 'reports/run.json': report('artillery-slow.json') }, options: wide({ report: 'reports/run.json' }), status: 'fail', message: 'reports/run.json p95: 645.6 ms, not below the 500 ms limit' },
  { name: 'an Artillery run answered 500 a third of the time', files: { 'reports/run.json': report('artillery-5xx.json') }, options: wide({ report: 'reports/run.json' }), status: 'fail', message: /errors: 32% of requests failed, not below 1%; 0 error\(s\) and 16 4xx\/5xx response\(s\) of 50 requests/ },
  { name: 'an Artillery run whose every connection was refused', files: { 'reports/run.json': report('artillery-refused.json') }, options: wide({ report: 'reports/run.json' }), status: 'fail', message: /errors: 100% of requests failed/ },
  { name: 'scripts and no report', files: { 'tests/load/browse.js': K6, 'tests/load/helpers.js': 'export const x = 1;\n', 'load-test.yml': ARTILLERY }, status: 'manual', message: /^load-test scripts found: load-test\.yml \(artillery\), tests\/load\/browse\.js \(k6\); no report configured/ },
  { name: 'nothing at all', files: { 'package.json': '{}', 'perf/bench.js': "import { bench } from 'vitest';\n" }, status: 'manual', message: /^no k6 script or Artillery config found \(looked in .*perf\/.*\) and no report configured: the load test may live elsewhere/ },
  { name: 'an unparsable Artillery config', files: { 'load/api.yml': 'config:\n  target: "http://x\nscenarios: [\n' }, status: 'fail', message: /^load\/api\.yml: does not parse as YAML/ },
  { name: 'a k6 script with nothing to run', files: { 'k6/api.js': "import http from 'k6/http';\nfunction hit() { http.get('x'); }\n" }, status: 'fail', message: /k6 has nothing to run/ },
  { name: 'an Artillery config without a target', files: { 'load/api.yml': 'config:\n  phases: [{ duration: 5, arrivalRate: 1 }]\nscenarios:\n  - flow: [{ get: { url: / } }]\n' }, status: 'warn', message: /no config\.target/ },
  { name: 'options.paths: a folder and a file', files: { 'qa/stress/a.js': K6, 'qa/soak.yml': ARTILLERY, 'load/ignored.yml': 'config: {}\nscenarios: []\n' }, options: { paths: ['qa/stress', 'qa/soak.yml'] }, status: 'manual', message: /^load-test scripts found: qa\/stress\/a\.js \(k6\), qa\/soak\.yml \(artillery\);/ },
  { name: 'options.paths naming a file that is not there', files: { 'qa/a.js': K6 }, options: { paths: ['qa/a.js', 'qa/b.js'] }, status: 'fail', message: 'qa/b.js: is in options.paths but does not exist (or is an empty folder)' },
  { name: 'a configured report that is missing', files: { 'load/api.js': K6 }, options: { report: 'load/summary.json' }, status: 'fail', message: /load\/summary\.json: the configured report \(options\.report\) does not exist/ },
  { name: 'a report that is not JSON', files: { 'load/summary.json': 'p95=120ms\n' }, options: { report: 'load/summary.json' }, status: 'error', message: /load\/summary\.json: does not parse as JSON/ },
  { name: 'a report symlinked out of the repository', symlinks: { 'load/summary.json': '/etc/hostname' }, options: { report: 'load/summary.json' }, status: 'error', message: /symlink to a place outside the repository/ },
]);

describe('testing.load-testing dates k6 reports by their file time', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());
  const withReportAged = (modified: Date) => {
    const folder = ws.tree({ files: { 'load/api.js': K6, 'load/summary.json': report('k6-summary-export-pass.json') } });
    utimesSync(path.join(ws.dir, folder, 'load/summary.json'), modified, modified);
    return folder;
  };

  it('a summary written today passes', async () => {
    const result = await ws.run(loadTesting, withReportAged(new Date()), {}, { options: { report: 'load/summary.json' } });
    expect(result.status, result.message).toBe('pass');
    expect(result.message).toMatch(/age file modified \(the report holds no date, and a checkout resets file times\) \d{4}-\d{2}-\d{2} \(0 days ago\)$/);
  });

  it('a summary last written 2020-01-01 warns: the targets were met then, whether they still are is for a person', async () => {
    const result = await ws.run(loadTesting, withReportAged(new Date('2020-01-01T00:00:00Z')), {}, { options: { report: 'load/summary.json' } });
    expect(result.status).toBe('warn');
    expect(result.message).toMatch(/^load\/summary\.json age: file modified .* 2020-01-01, \d+ days ago \(limit 30\)$/);
  });
});
