import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictOf } from '../core/outcome.js';
import { benchmarkDate, judgeBenchmark } from './benchmark-results.js';

const VITEST_BENCH = readFileSync(path.resolve('fixtures/benchmarks/vitest-bench.json'), 'utf8');
const ARTILLERY = readFileSync(path.resolve('fixtures/load-reports/artillery-pass.json'), 'utf8');
const NOW = new Date('2026-12-03T12:00:00Z');
const FILE_TIME = Date.parse('2026-11-30T10:00:00Z');
const judge = (file: string, text: string, maxAgeDays = 90) => verdictOf(judgeBenchmark(file, text, FILE_TIME, NOW, maxAgeDays), 'pass');

describe('benchmark results', () => {
  it("counts vitest bench's measurements, skipping ids, ranks and degrees of freedom, and dates it by file time", () => {
    expect(judgeBenchmark('bench/results.json', VITEST_BENCH, FILE_TIME, NOW, 90)).toEqual([
      { subject: 'content', status: 'pass', message: '34 measurement(s)' },
      { subject: 'age', status: 'pass', message: 'file modified (no date inside, and a checkout resets file times) 2026-11-30 (3 days ago)' },
    ]);
  });

  it('dates an Artillery report by its lastMetricAt, the latest date inside', () => {
    expect(benchmarkDate('a.json', ARTILLERY, FILE_TIME)).toEqual({ whenMs: 1796143308450, source: 'content' });
  });

  it('reads ISO strings, epoch seconds and milliseconds under date keys, and ignores implausible ones', () => {
    expect(benchmarkDate('a.json', JSON.stringify({ fetchTime: '2026-11-20T10:00:00.000Z' }), FILE_TIME)).toEqual({ whenMs: Date.parse('2026-11-20T10:00:00Z'), source: 'content' });
    expect(benchmarkDate('a.json', JSON.stringify({ meta: { timestamp: 1795000000 } }), FILE_TIME)).toEqual({ whenMs: 1795000000000, source: 'content' });
    expect(benchmarkDate('a.json', JSON.stringify({ time: 120, p95: 3 }), FILE_TIME)).toEqual({ whenMs: FILE_TIME, source: 'file time' });
    expect(benchmarkDate('benchmarks/2026-02-30.json', '{}', FILE_TIME).source).toBe('file time');
    expect(benchmarkDate('benchmarks/2026-02-28.json', '{}', FILE_TIME)).toEqual({ whenMs: Date.UTC(2026, 1, 28), source: 'file name' });
  });

  const rows = [
    { name: 'recent JSON', file: 'b.json', text: JSON.stringify({ date: '2026-12-01', p95: 1 }), status: 'pass', message: 'pass' },
    { name: 'stale JSON', file: 'b.json', text: JSON.stringify({ date: '2026-06-01', p95: 1 }), status: 'fail', message: 'age: recorded 2026-06-01, 185 days ago (limit 90)' },
    { name: 'future JSON', file: 'b.json', text: JSON.stringify({ date: '2027-06-01', p95: 1 }), status: 'warn', message: 'age: recorded 2027-06-01, in the future' },
    { name: 'Markdown with figures', file: 'b.md', text: '# 2026-12-01\n\np95 120 ms, 850 req/s, widget 18 KB\n', status: 'pass', message: 'pass' },
    { name: 'Markdown with a TBD', file: 'b.md', text: '# 2026-12-01\n\np95 TBD\n', status: 'fail', message: 'content: holds a placeholder (TODO/TBD/FIXME)' },
  ] as const;
  for (const row of rows) {
    it(`${row.name} → ${row.status}`, () => {
      const result = judge(row.file, row.text);
      expect(result.status).toBe(row.status);
      expect(result.message).toBe(row.message);
    });
  }
});
