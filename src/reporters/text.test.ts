import { describe, expect, it } from 'vitest';
import { result, reportOf } from '../../test/helpers/report.js';
import { textReporter, wrapLine } from './text.js';

const report = reportOf([
  result({ id: 'security.helmet-headers', status: 'fail', severity: 'critical', message: 'missing Content-Security-Policy on api' }),
  result({ id: 'security.rate-limiting', status: 'warn', severity: 'medium', message: 'no limiter detected on widget' }),
  result({ id: 'security.cors-origins', status: 'pass', message: 'allow-list only' }),
  result({ id: 'database.backups', status: 'error', message: 'connection refused' }),
  result({ id: 'operational.status-page', status: 'manual', automation: 'manual', message: "needs a person's attestation" }),
]);
const plain = (options: { quiet?: boolean; width?: number } = {}) => textReporter.render(report, { colorLevel: 0, ...options });

describe('the text report', () => {
  it('draws each line with its own symbol, its status and its severity', () => {
    const rows = plain().split('\n').filter((line) => /^ {2}\S /.test(line));
    expect(rows).toEqual([
      '  ✖ FAIL   critical Item of security.helmet-headers (security.helmet-headers)',
      '  ▲ WARN   medium   Item of security.rate-limiting (security.rate-limiting)',
      '  ✔ PASS   high     Item of security.cors-origins (security.cors-origins)',
      '  ⚠ ERROR  high     Item of database.backups (database.backups)',
      "  ◌ 1 line awaiting a person's attestation (--show-manual lists them)",
    ]);
  });

  it('names gate reasons by id, status and severity without repeating their messages', () => {
    const text = plain();
    expect(text).toContain('Gate (fail on high): FAILED — 2 reasons\n    - security.helmet-headers (fail, critical)\n    - database.backups (error, high)\n');
    expect(text.split('missing Content-Security-Policy on api').length - 1).toBe(1);
  });

  it('colours a warning yellow and a pass green, never the same', () => {
    const text = textReporter.render(report, { colorLevel: 1 });
    expect(text).toContain('\x1b[33m▲ WARN  \x1b[39m');
    expect(text).toContain('\x1b[32m✔ PASS  \x1b[39m');
  });

  it('--quiet keeps only what needs attention and the verdicts', () => {
    const text = plain({ quiet: true });
    expect(text).toContain('security.helmet-headers');
    expect(text).toContain('security.rate-limiting');
    expect(text).toContain('database.backups');
    expect(text).not.toContain('security.cors-origins');
    expect(text).not.toContain('attestation (--show-manual');
    expect(text).toContain('Gate (fail on high): FAILED');
    expect(text).toContain('Production Go-Live Approved: NO');
  });

  it('wraps to the terminal width with a hanging indent, colour codes taking no room', () => {
    const long = reportOf([result({ id: 'security.helmet-headers', status: 'fail', message: 'word '.repeat(40).trim(), remediation: 'set '.repeat(30).trim() })]);
    for (const colorLevel of [0, 1] as const) {
      const lines = textReporter.render(long, { colorLevel, width: 60 }).trimEnd().split('\n');
      for (const line of lines) expect([...line.replace(/\x1b\[[0-9;]*m/g, '')].length).toBeLessThanOrEqual(59);
      const message = lines.filter((l) => l.replace(/\x1b\[[0-9;]*m/g, '').trim().startsWith('word'));
      expect(message.length).toBeGreaterThan(3);
      for (const line of message) expect(line.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/^ {20}word/);
    }
    expect(wrapLine('  aaaa bbbb cccc', '    ', 10)).toEqual(['  aaaa', '    bbbb', '    cccc']);
    expect(wrapLine('x'.repeat(25), '  ', 10)).toEqual(['x'.repeat(10), `  ${'x'.repeat(8)}`, `  ${'x'.repeat(7)}`]);
  });
});
