import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { result, reportOf } from '../../test/helpers/report.js';
import { loadConfig } from '../config/load.js';
import { registerSecret } from '../core/redact.js';
import { annotationsFor, annotationSource, escapeData, publishToGitHub, workflowCommand } from './github.js';

const dir = mkdtempSync(path.join(tmpdir(), 'readiness-github-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const configFile = path.join(dir, 'readiness.config.yaml');
writeFileSync(
  configFile,
  [
    'version: 1',
    'environments:',
    '  prod:',
    '    services:',
    '      api: { url: "https://api.example.com" }',
    '      dashboard: { url: "https://app.example.com" }',
    '    logs: [{ file: app.log }]',
    'checks:',
    '  security.rate-limiting: { options: { burst: true } }',
    '',
  ].join('\n'),
);

/** A stream that keeps what was written to it. */
function capture() {
  const writes: string[] = [];
  const stream = { write: (chunk: string) => writes.push(chunk) > 0, destroyed: false } as unknown as NodeJS.WriteStream;
  return { stream, text: () => writes.join('') };
}

const checks = [
  { id: 'security.cors-origins', needs: ['services' as const] },
  { id: 'security.database-url-not-logged', needs: ['logs' as const] },
  { id: 'security.rate-limiting', needs: ['services' as const] },
];

async function source() {
  const loaded = await loadConfig(configFile);
  return { ...annotationSource(loaded, 'prod', checks), workspace: dir };
}

describe('GitHub Actions annotations', () => {
  it('points each failure at the line that defines its failing service, its checks block or the key it reads', async () => {
    const report = reportOf([
      result({ id: 'security.cors-origins', status: 'fail', evidence: { api: { verdict: 'pass' }, dashboard: { verdict: 'fail', message: 'reflects any origin' } } }),
      result({ id: 'security.database-url-not-logged', status: 'error', severity: 'critical' }),
      result({ id: 'security.rate-limiting', status: 'warn' }),
      result({ id: 'security.helmet-headers', status: 'fail', severity: 'low' }),
      result({ id: 'security.hsts', status: 'pass' }),
      result({ id: 'security.csp', status: 'fail', override: { kind: 'waiver', originalStatus: 'fail', by: 'a', reason: 'accepted', expires: '2099-01-01' } }),
    ]);
    const rows = annotationsFor(report, await source()).map((a) => [a.level, a.file, a.line, a.title]);
    expect(rows).toEqual([
      ['error', 'readiness.config.yaml', 6, 'FAIL security.cors-origins [high]'],
      ['error', 'readiness.config.yaml', 7, 'ERROR security.database-url-not-logged [critical]'],
      // Not gating: a warning without --strict, a failure below the gate's severity. Waived and passing lines stay quiet.
      ['warning', 'readiness.config.yaml', 9, 'WARN security.rate-limiting [high]'],
      ['warning', 'readiness.config.yaml', 4, 'FAIL security.helmet-headers [low]'],
    ]);
    expect(workflowCommand(annotationsFor(report, await source())[0]!)).toBe(
      '::error file=readiness.config.yaml,line=6,title=FAIL security.cors-origins [high]::Item of security.cors-origins: message of security.cors-origins — fix: do the fix\n',
    );
  });

  it('never carries a secret nor a workflow command injected through a message, a title or a path', () => {
    const secret = 'gh-annotation-s3cr3t-value';
    registerSecret(secret);
    const line = workflowCommand({
      level: 'error',
      file: 'a,b:c.yaml',
      line: 3,
      title: 'x::warning::y',
      message: `token ${secret}\n::add-mask::x\r\n::stop-commands::abc 100% %0A`,
    });
    expect(line).not.toContain(secret);
    expect(line.split('\n')).toEqual([expect.any(String), '']);
    // One command, at the start of the line; what follows cannot start another.
    expect(line.match(/::/g)).toHaveLength(2);
    expect(line).toMatch(/^::error file=a%2Cb%3Ac\.yaml,line=3,title=x%3A%3Awarning%3A%3Ay::token \[REDACTED\] : :add-mask: :x : :stop-commands: :abc 100%25 %250A\n$/);
    expect(escapeData('50%\r\n')).toBe('50%25%0D%0A');
  });

  it('appends the Markdown report to $GITHUB_STEP_SUMMARY and writes annotations to the stream given', async () => {
    const summary = path.join(dir, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const secret = 'gh-summary-s3cr3t-value';
    registerSecret(secret);
    const report = reportOf([result({ id: 'security.cors-origins', status: 'fail', message: `leaked ${secret}` }), result({ id: 'security.hsts', status: 'pass' })]);
    const out = capture();
    await publishToGitHub({ report, source: await source(), stream: out.stream, env: { GITHUB_STEP_SUMMARY: summary } });
    await publishToGitHub({ report, source: await source(), stream: out.stream, env: { GITHUB_STEP_SUMMARY: summary } });
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('# earlier step\n')).toBe(true);
    expect(written.split('security.cors-origins').length - 1).toBeGreaterThanOrEqual(2);
    expect(written).not.toContain(secret);
    expect(out.text().match(/^::error /gm)).toHaveLength(2);
    expect(out.text()).not.toContain(secret);
  });
});

describe('GitHub Actions annotations and the report\'s locations', () => {
  it('use the location the report carries (the one SARIF shows) when it has one', async () => {
    const report = reportOf([result({ id: 'security.cors-origins', status: 'fail' })]);
    report.results[0]!.location = { file: 'deploy/readiness.config.yaml', key: 'environments.prod.services.api', line: 42, column: 7 };
    expect(annotationsFor(report, await source()).map((a) => [a.file, a.line])).toEqual([['deploy/readiness.config.yaml', 42]]);
  });
});

describe('GitHub Actions: printed text is never a workflow command', () => {
  it('breaks a line-leading "::" (after spaces) under GITHUB_ACTIONS=true only', async () => {
    const { inert } = await import('./output.js');
    const text = '  ✖ FAIL x\n           ::add-mask::abc\n::error::forged\nkeep a::b here\n';
    expect(inert(text, { GITHUB_ACTIONS: 'true' })).toBe('  ✖ FAIL x\n           : :add-mask::abc\n: :error::forged\nkeep a::b here\n');
    expect(inert(text, {})).toBe(text);
  });
});
