import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hasXmllint, junitXsdProblems as xsdProblems } from '../../test/helpers/junit-xsd.js';
import { reportOf, result } from '../../test/helpers/report.js';
import { junitReporter } from './junit.js';

const report = reportOf([
  result({ id: 'security.helmet-headers', status: 'pass' }),
  result({ id: 'security.cors-origins', status: 'fail', severity: 'critical', message: '<script>alert(1)</script> & "quotes"\u0007' }),
  result({ id: 'security.rate-limiting', status: 'warn', message: 'rate limit not detected' }),
  result({ id: 'database.timezone', status: 'error', message: 'connection refused' }),
  result({ id: 'operational.status-page', status: 'manual', automation: 'manual' }),
  result({ id: 'deployment.docker-images', status: 'skip', message: 'not configured: repo' }),
]);

describe('junit reporter', () => {
  it.skipIf(!hasXmllint)('is valid against the Jenkins/Ant JUnit XSD', () => {
    expect(xsdProblems(junitReporter.render(report, { colorLevel: 0 }))).toBe('');
  });

  it.skipIf(!hasXmllint)('the XSD check has teeth: what the reporter used to write is rejected', () => {
    const old = junitReporter.render(report, { colorLevel: 0 }).replace('<testsuites ', '<testsuites skipped="2" timestamp="2026-11-28T00:00:00.000Z" ');
    expect(xsdProblems(old)).toMatch(/skipped.*not allowed|attribute 'skipped'/);
  });

  it('shows a warning as a failure of type warn, never only in system-out', () => {
    const xml = junitReporter.render(report, { colorLevel: 0 });
    expect(xml).toContain('<failure message="warn: rate limit not detected" type="warn">');
    expect(xml).not.toContain('<system-out>');
    expect(xml).toMatch(/<testsuites [^>]*tests="6" failures="2" errors="1" time="1.234">/);
    expect(xml).toMatch(/<testsuite name="[^"]*" [^>]*skipped="\d+" time="[\d.]+" timestamp="2026-11-28T00:00:00">/);
  });

  it('is well-formed XML even with hostile text', () => {
    expect(hasXmllint ? execFileSync('xmllint', ['--noout', '-'], { input: junitReporter.render(report, { colorLevel: 0 }) }).toString() : '').toBe('');
  });
});
