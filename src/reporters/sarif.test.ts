import { describe, expect, it } from 'vitest';
import { reportOf, result } from '../../test/helpers/report.js';
import { githubProblems, sarifSchema as schema, validateSarif as validate, type SarifLog } from '../../test/helpers/sarif.js';
import type { CheckResult } from '../core/types.js';
import type { ResultLocation } from '../report/schema.js';
import { FINGERPRINT_KEY, SARIF_SCHEMA_URI, sarifReporter } from './sarif.js';

const locate = (key: string, line: number) => (r: CheckResult): ResultLocation => ({ file: 'deploy/readiness.config.yaml', key: `environments.prod.${key}.${r.id}`, line, column: 7 });

const results = [
  result({ id: 'security.helmet-headers', status: 'pass' }),
  result({ id: 'security.cors-origins', status: 'fail', severity: 'critical', message: 'api: https://127.0.0.1:41234 allows https://evil.example' }),
  result({ id: 'security.rate-limiting', status: 'warn', message: 'rate limit not detected after 100 requests in 812 ms' }),
  result({ id: 'database.timezone', status: 'error', message: 'connection refused' }),
  result({ id: 'operational.status-page', status: 'manual', automation: 'manual' }),
  result({ id: 'deployment.docker-images', status: 'skip', message: 'not configured: repo' }),
  result({
    id: 'infrastructure.cdn',
    status: 'fail',
    override: { kind: 'waiver', originalStatus: 'fail', by: 'jane@example.com', reason: 'CDN next sprint', expires: '2099-01-01' },
  }),
];

function render(list: CheckResult[], locator?: (r: CheckResult) => ResultLocation): SarifLog {
  const report = reportOf(list);
  const located = locator ? { ...report, results: report.results.map((r, i) => ({ ...r, location: locator(list[i]!) })) } : report;
  return JSON.parse(sarifReporter.render(located, { colorLevel: 0 })) as SarifLog;
}

describe('sarif reporter', () => {
  it('is valid against the OASIS SARIF 2.1.0 (errata 01) JSON Schema', () => {
    expect(schema.id).toBe(SARIF_SCHEMA_URI);
    for (const log of [render(results, locate('services', 12)), render(results)]) {
      const ok = validate(log);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    }
  });

  it('the schema check has teeth: a result without a message is rejected', () => {
    const log = render(results, locate('services', 12));
    const broken = structuredClone(log) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    delete broken.runs[0]!.results[0]!.message;
    expect(validate(broken)).toBe(false);
  });

  it("meets GitHub's documented upload requirements", () => {
    const log = render(results, locate('services', 12));
    expect(githubProblems(log)).toEqual([]);
    // Even without a configuration file behind the report, every result still has a location.
    expect(githubProblems(render(results))).toEqual([]);
    // The checker itself rejects what the old reporter wrote: logical locations only.
    const old = structuredClone(log);
    for (const r of old.runs[0]!.results) r.locations = [{}];
    expect(githubProblems(old).some((p) => p.includes('expected at least one location'))).toBe(true);
  });

  it('emits results only for lines that need attention, each at its config line, and every line as a rule with help', () => {
    const log = render(results, locate('services', 12));
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(results.map((r) => r.id));
    const byId = Object.fromEntries(run.results.map((r) => [r.ruleId, r]));
    expect(Object.keys(byId).sort()).toEqual(['database.timezone', 'infrastructure.cdn', 'security.cors-origins', 'security.rate-limiting']);
    expect(byId['security.cors-origins']).toMatchObject({ kind: 'fail', level: 'error' });
    expect(byId['security.rate-limiting']).toMatchObject({ level: 'warning' });
    expect(byId['security.cors-origins']!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'deploy/readiness.config.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 7 },
    });
    expect(byId['infrastructure.cdn']?.suppressions?.[0]?.justification).toContain('CDN next sprint');
    const rule = run.tool.driver.rules.find((r) => r.id === 'security.cors-origins')!;
    expect(rule.help?.text).toBe('Verifies: What security.cors-origins verifies\nHow: How security.cors-origins is judged\nFix: do the fix');
    expect(rule.help?.markdown).toContain('**How:** How security.cors-origins is judged');
  });

  it('fingerprints are stable across runs (ports, timings and counts differ) and differ between findings', () => {
    const run = (port: number, ms: number, line: number) =>
      Object.fromEntries(
        render(
          [
            result({ id: 'security.cors-origins', status: 'fail', message: `api: https://127.0.0.1:${port} allows https://evil.example`, durationMs: ms }),
            result({ id: 'security.rate-limiting', status: 'warn', message: `no 429 after 100 requests in ${ms} ms` }),
          ],
          locate('services', line),
        ).runs[0]!.results.map((r) => [r.ruleId, r.partialFingerprints![FINGERPRINT_KEY]]),
      );
    const first = run(41234, 812, 12);
    expect(run(50001, 95, 12)).toEqual(first);
    // The key is what the finding is about; the line it sits on may move when the file is edited above it.
    expect(run(50001, 95, 30)).toEqual(first);
    expect(first['security.cors-origins']).not.toBe(first['security.rate-limiting']);
    const other = render([result({ id: 'security.cors-origins', status: 'error', message: 'api: https://127.0.0.1:41234 allows https://evil.example' })], locate('services', 12));
    expect(other.runs[0]!.results[0]!.partialFingerprints![FINGERPRINT_KEY]).not.toBe(first['security.cors-origins']);
  });
});
