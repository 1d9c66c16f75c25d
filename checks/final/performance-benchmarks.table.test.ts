import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoTable, repoWorkspace } from '../../test/helpers/repo-table.js';
import performanceBenchmarks from './performance-benchmarks.js';

const VITEST_BENCH = readFileSync(path.resolve('fixtures/benchmarks/vitest-bench.json'), 'utf8');
const ARTILLERY = readFileSync(path.resolve('fixtures/load-reports/artillery-pass.json'), 'utf8');
const today = new Date().toISOString().slice(0, 10);
const RECORD = `# Launch baseline ${today}\n\n| endpoint | p50 | p95 |\n|---|---|---|\n| GET /api/products | 42 ms | 118 ms |\n| widget.js | 18 KB | 95 ms |\n\nLighthouse performance 97%.\n`;

repoTable(performanceBenchmarks, [
  { name: "vitest bench's JSON in bench/", files: { 'bench/results.json': VITEST_BENCH }, status: 'pass', message: /^bench\/results\.json: \d+ measurement\(s\), file modified/ },
  { name: 'runs kept a level down, in benchmarks/results/', files: { 'benchmarks/run.js': 'console.log(1)', 'benchmarks/results/2026-11-27.json': JSON.stringify({ p95Ms: 120 }) }, options: { maxAgeDays: 36_500 }, status: 'pass', message: /^benchmarks\/results\/2026-11-27\.json: 1 measurement\(s\), named for 2026-11-27/ },
  { name: 'a dated Markdown record in docs/benchmarks/', files: { 'docs/benchmarks/launch.md': RECORD, 'docs/benchmarks/README.md': 'How to run the benchmarks.' }, status: 'pass', message: new RegExp(`^docs/benchmarks/launch\\.md: 5 measurement\\(s\\), recorded ${today} \\(0 days ago\\)$`) },
  { name: 'an Artillery report is dated by its run', files: { 'benchmarks/api.json': ARTILLERY }, options: { maxAgeDays: 36_500 }, status: 'pass', message: /recorded 2026-12-01/ },
  { name: 'a baseline dated two years ago fails', files: { 'benchmark.json': JSON.stringify({ date: '2024-01-15', api: { p95Ms: 120 } }) }, status: 'fail', message: /^benchmark\.json: age: recorded 2024-01-15, \d+ days ago \(limit 90\)$/ },
  { name: 'the window is configurable', files: { 'benchmark.json': JSON.stringify({ date: '2024-01-15', api: { p95Ms: 120 } }) }, options: { maxAgeDays: 36_500 }, status: 'pass', message: /recorded 2024-01-15/ },
  { name: 'a date in the file name', files: { 'benchmarks/2024-03-01.json': JSON.stringify({ api: { p95Ms: 120 } }) }, status: 'fail', message: /age: named for 2024-03-01/ },
  { name: 'epoch milliseconds under timestamp', files: { 'bench/results.json': JSON.stringify({ timestamp: Date.UTC(2023, 5, 1), p95: 120 }) }, status: 'fail', message: /age: recorded 2023-06-01/ },
  { name: 'the newest record is the baseline judged', files: { 'benchmarks/2024-03-01.json': JSON.stringify({ p95: 300 }), 'benchmarks/latest.json': JSON.stringify({ date: today, p95: 120 }) }, status: 'pass', message: /^benchmarks\/latest\.json: 1 measurement\(s\), recorded/ },
  { name: 'a date in the future warns', files: { 'bench/results.json': JSON.stringify({ date: '2099-01-01', p95: 120 }) }, status: 'warn', message: /in the future/ },
  { name: 'JSON that does not parse', files: { 'bench/results.json': '{ "p95": 12' }, status: 'fail', message: /content: does not parse as JSON/ },
  { name: 'JSON without a number', files: { 'bench/results.json': JSON.stringify({ date: today, p95: 'fast' }) }, status: 'fail', message: /holds no measurement \(no number in it\)/ },
  { name: 'a Markdown stub', files: { 'docs/benchmarks/launch.md': `# Benchmarks ${today}\n\nTODO: run them.\n` }, status: 'fail', message: /holds a placeholder/ },
  { name: 'Markdown without a figure', files: { 'docs/benchmarks/launch.md': `# Benchmarks ${today}\n\nThe API felt fast and the widget loaded quickly.\n` }, status: 'fail', message: /holds no measurement/ },
  { name: 'a configured path', files: { 'ops/baseline.json': JSON.stringify({ date: today, p95: 120 }), 'bench/results.json': '{' }, options: { path: 'ops/baseline.json' }, status: 'pass', message: /^ops\/baseline\.json: 1 measurement/ },
  { name: 'a configured path that is missing', files: { 'bench/results.json': VITEST_BENCH }, options: { path: 'ops/baseline.json' }, status: 'fail', message: /ops\/baseline\.json \(options\.path\) does not exist/ },
  { name: 'no results anywhere', files: { 'package.json': '{}', 'bench/run.js': 'console.log(1)' }, status: 'manual', message: /^no benchmark results in the repository .*they may be kept in a wiki/ },
  { name: 'a results file past the 256 KiB listing read is judged whole', files: { 'bench/results.json': JSON.stringify({ date: today, samples: Array.from({ length: 60_000 }, (_, i) => i * 0.5) }) }, status: 'pass', message: /^bench\/results\.json: \d{5} measurement\(s\), recorded/ },
  { name: 'a results file past the 8 MiB limit', files: { 'bench/results.json': JSON.stringify({ date: today, samples: Array.from({ length: 1_200_000 }, (_, i) => i * 0.5) }) }, status: 'error', message: /bench\/results\.json is larger than the 8 MiB read limit/ },
  { name: 'a results file symlinked out of the repository', symlinks: { 'benchmark.json': '/etc/hostname' }, status: 'error', message: /symlink to a place outside the repository/ },
]);

describe('final.performance-benchmarks dates undated results by their file time', () => {
  const ws = repoWorkspace();
  afterAll(() => ws.remove());

  it('vitest bench JSON last written 2020-01-01 fails: it is not the baseline of this release', async () => {
    const folder = ws.tree({ files: { 'bench/results.json': VITEST_BENCH } });
    const old = new Date('2020-01-01T00:00:00Z');
    utimesSync(path.join(ws.dir, folder, 'bench/results.json'), old, old);
    const result = await ws.run(performanceBenchmarks, folder);
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(/^bench\/results\.json: age: file modified \(no date inside, and a checkout resets file times\) 2020-01-01, \d+ days ago \(limit 90\)$/);
  });
});
