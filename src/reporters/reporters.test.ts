import { describe, expect, it } from 'vitest';
import { reportOf, result } from '../../test/helpers/report.js';
import { reportSchema } from '../report/schema.js';
import { REPORTERS, reporterFor } from './index.js';

const hostile = '<script>alert("x")</script> | pipe & "quotes"\u0007';
const report = reportOf([
  result({ id: 'security.helmet-headers', status: 'pass' }),
  result({ id: 'security.cors-origins', status: 'fail', severity: 'critical', message: hostile }),
  result({ id: 'security.rate-limiting', status: 'warn', message: 'rate limit not detected' }),
  result({ id: 'database.timezone', status: 'error', message: 'connection refused' }),
  result({ id: 'operational.status-page', status: 'manual', automation: 'manual' }),
  result({ id: 'deployment.docker-images', status: 'skip', message: 'not configured: repo' }),
  result({
    id: 'infrastructure.cdn',
    status: 'fail',
    override: { kind: 'waiver', originalStatus: 'fail', by: 'jane@example.com', reason: 'CDN next sprint', expires: '2099-01-01' },
  }),
]);

describe('reporters', () => {
  it('builds a report that satisfies the published schema', () => {
    expect(reportSchema.safeParse(report).success).toBe(true);
    expect(report.summary).toMatchObject({ total: 7, pass: 1, fail: 2, warn: 1, error: 1, manual: 1, skip: 1, waived: 1 });
    expect(report.gate.passed).toBe(false);
  });

  it.each(REPORTERS.map((r) => [r.format, r] as const))('%s renders every line of the report', (_format, reporter) => {
    const text = reporter.render(report, { colorLevel: 0, showManual: true });
    for (const r of report.results) expect(text).toContain(r.id);
  });

  it('json round-trips', () => {
    expect(JSON.parse(reporterFor('json').render(report, { colorLevel: 0 }))).toEqual(report);
  });

  it('junit marks failures, errors and unverified lines; never a green case for manual or waived', () => {
    const xml = reporterFor('junit').render(report, { colorLevel: 0 });
    expect(xml).toMatch(/<testsuites [^>]*tests="7" failures="2" errors="1"/);
    expect(xml).toContain('<failure message="fail: &lt;script&gt;');
    expect(xml).toContain('<skipped message="waived by jane@example.com until 2099-01-01');
    expect(xml).toContain('<failure message="warn: rate limit not detected" type="warn">');
    expect(xml).not.toContain('\u0007');
    expect(xml).not.toContain('<script>');
  });

  it('sarif lists every line as a rule, reports only lines needing attention, and suppresses waived ones', () => {
    const sarif = JSON.parse(reporterFor('sarif').render(report, { colorLevel: 0 })) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; kind: string; level: string; suppressions?: { justification: string }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.tool.driver.rules).toHaveLength(7);
    const byId = Object.fromEntries(sarif.runs[0]!.results.map((r) => [r.ruleId, r]));
    expect(byId['security.cors-origins']).toMatchObject({ kind: 'fail', level: 'error' });
    // GitHub turns every result into an alert whatever its kind: pass, manual and skip lines are rules, not results.
    expect(Object.keys(byId).sort()).toEqual(['database.timezone', 'infrastructure.cdn', 'security.cors-origins', 'security.rate-limiting']);
    expect(byId['infrastructure.cdn']?.suppressions?.[0]?.justification).toContain('CDN next sprint');
  });

  it('markdown ticks only verified lines and keeps table-breaking characters out', () => {
    const md = reporterFor('markdown').render(report, { colorLevel: 0 });
    expect(md).toContain('- [x] Item of security.helmet-headers — pass');
    expect(md).toContain('- [ ] Item of security.cors-origins — **FAIL**');
    expect(md).toContain('**Production Go-Live Approved:** ☐ YES ☒ NO');
    expect(md).toContain('\\|');
    expect(md).not.toContain('<script>');
  });

  it('html is self-contained and escapes what the target sent', () => {
    const html = reporterFor('html').render(report, { colorLevel: 0 });
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Production Go-Live Approved: NO');
  });

  it('text shows problems with their fix and counts manual lines unless asked to list them', () => {
    const text = reporterFor('text').render(report, { colorLevel: 0 });
    expect(text).toContain('fix: do the fix');
    expect(text).toContain("1 line awaiting a person's attestation");
    expect(text).toContain('Gate (fail on high): FAILED');
    expect(reporterFor('text').render(report, { colorLevel: 0, showManual: true })).toContain('operational.status-page');
  });
});
