import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verdictOf } from '../core/outcome.js';
import { judgeLoadReport, readLoadReport, type LoadReport } from './load-test-report.js';

/** fixtures/load-reports: Artillery reports captured from real runs, k6 summaries written from k6's documented format (README there). */
const fixture = (name: string) => readFileSync(path.resolve('fixtures/load-reports', name), 'utf8');
const read = (name: string): LoadReport => {
  const report = readLoadReport(fixture(name));
  if ('problem' in report) throw new Error(report.problem);
  return report;
};
const LIMITS = { p95BelowMs: 500, errorsBelowPercent: 1, maxAgeDays: 30 };
// The Artillery fixtures ran on 2026-12-01; a fixed clock keeps the table independent of when it runs.
const NOW = new Date('2026-12-03T12:00:00Z');
const FILE_TIME = Date.parse('2026-12-02T08:00:00Z');
const verdict = (name: string, limits = LIMITS, now = NOW, modified = FILE_TIME) => verdictOf(judgeLoadReport(name, read(name), limits, now, modified), 'pass');

describe('load-test reports read from real formats', () => {
  it('reads an Artillery 2 report: p95 of http.response_time, errors over http.requests, the run date', () => {
    expect(read('artillery-pass.json')).toEqual({ format: 'Artillery 2 report', thresholds: {}, requests: 50, errorRate: 0, errorsCounted: '0 error(s) and 0 4xx/5xx response(s) of 50 requests', p95Ms: 18, ranAtMs: 1796143308450 });
  });

  it('counts 5xx responses and connection errors as failed requests', () => {
    expect(read('artillery-5xx.json')).toMatchObject({ requests: 50, errorRate: 16 / 50 });
    expect(read('artillery-refused.json')).toMatchObject({ requests: 50, errorRate: 1, errorsCounted: '50 error(s) and 0 4xx/5xx response(s) of 50 requests' });
    expect(read('artillery-refused.json').p95Ms).toBeUndefined();
  });

  it("reads k6 --summary-export, whose threshold booleans are true when the threshold FAILED", () => {
    expect(read('k6-summary-export-pass.json')).toEqual({ format: 'k6 --summary-export', thresholds: { 'http_req_duration: p(95)<500': true, 'http_req_failed: rate<0.01': true }, requests: 600, errorRate: 0, errorsCounted: 'http_req_failed', p95Ms: 215.95 });
    expect(read('k6-summary-export-fail.json').thresholds).toEqual({ 'http_req_duration: p(95)<500': false, 'http_req_failed: rate<0.01': false });
  });

  it('reads the JSON a k6 handleSummary() writes ({ values, thresholds: { ok } })', () => {
    expect(read('k6-handle-summary-pass.json')).toEqual({ format: 'k6 handleSummary JSON', thresholds: { 'http_req_duration: p(95)<500': true, 'http_req_failed: rate<0.01': true }, requests: 600, errorRate: 0.0033, errorsCounted: 'http_req_failed', p95Ms: 215.95 });
  });

  it('counts errors as failed requests when Artillery counted no request at all', () => {
    const report = readLoadReport(JSON.stringify({ aggregate: { counters: { 'errors.ENOTFOUND': 20, 'vusers.failed': 20 } } }));
    expect(report).toMatchObject({ requests: 20, errorRate: 1 });
  });

  it('says why a file is no report', () => {
    expect(readLoadReport('{ nope')).toMatchObject({ problem: expect.stringMatching(/^does not parse as JSON/) });
    expect(readLoadReport('[1, 2]')).toEqual({ problem: 'is not a JSON object' });
    expect(readLoadReport('{"stats": {}}')).toMatchObject({ problem: expect.stringMatching(/neither a k6 summary .* nor an Artillery 2 report/) });
  });
});

describe('load-test reports judged against the limits', () => {
  const rows: ReadonlyArray<{ name: string; file: string; limits?: typeof LIMITS; now?: Date; status: string; message: RegExp | string }> = [
    { name: 'a fast, clean Artillery run', file: 'artillery-pass.json', status: 'pass', message: 'pass' },
    { name: 'p95 650 ms', file: 'artillery-slow.json', status: 'fail', message: 'p95: 645.6 ms, not below the 500 ms limit' },
    { name: 'a third of responses 500', file: 'artillery-5xx.json', status: 'fail', message: /^errors: 32% of requests failed, not below 1%; 0 error\(s\) and 16 4xx\/5xx response\(s\) of 50 requests$/ },
    { name: 'every connection refused', file: 'artillery-refused.json', status: 'fail', message: /^errors: 100% of requests failed/ },
    { name: 'the limit is configurable', file: 'artillery-slow.json', limits: { ...LIMITS, p95BelowMs: 700 }, status: 'pass', message: 'pass' },
    { name: 'a stricter p95 limit', file: 'artillery-pass.json', limits: { ...LIMITS, p95BelowMs: 18 }, status: 'fail', message: 'p95: 18 ms, not below the 18 ms limit' },
    { name: 'an old Artillery run warns', file: 'artillery-pass.json', now: new Date('2027-03-01T00:00:00Z'), status: 'warn', message: 'age: ran 2026-12-01, 89 days ago (limit 30)' },
    { name: 'a run dated in the future warns', file: 'artillery-pass.json', now: new Date('2026-11-01T00:00:00Z'), status: 'warn', message: /in the future/ },
    { name: 'k6 thresholds held', file: 'k6-summary-export-pass.json', status: 'pass', message: 'pass' },
    { name: 'k6 thresholds crossed', file: 'k6-summary-export-fail.json', status: 'fail', message: /^thresholds: crossed: http_req_duration: p\(95\)<500, http_req_failed: rate<0.01; p95: 1384.6 ms, not below the 500 ms limit; errors: 8% of requests failed/ },
    { name: 'k6 handleSummary JSON', file: 'k6-handle-summary-pass.json', status: 'pass', message: 'pass' },
    { name: 'k6 dated by the file time', file: 'k6-summary-export-pass.json', now: new Date('2027-02-01T00:00:00Z'), status: 'warn', message: /^age: file modified \(the report holds no date, and a checkout resets file times\) 2026-12-02, 60 days ago/ },
  ];
  for (const row of rows) {
    it(`${row.name} → ${row.status}`, () => {
      const result = verdict(row.file, row.limits, row.now);
      expect(result.status, result.message).toBe(row.status);
      if (typeof row.message === 'string') expect(result.message).toBe(row.message);
      else expect(result.message).toMatch(row.message);
    });
  }

  it('a report that sent no request fails; one without any HTTP figure is an error', () => {
    expect(verdictOf(judgeLoadReport('r.json', { format: 'Artillery 2 report', thresholds: {}, requests: 0, errorRate: 0 }, LIMITS, NOW, FILE_TIME), '').status).toBe('fail');
    expect(verdictOf(judgeLoadReport('r.json', { format: 'k6 --summary-export', thresholds: {} }, LIMITS, NOW, FILE_TIME), '').status).toBe('error');
  });
});
