import { describe, expect, it } from 'vitest';
import { reportOf, result } from '../../test/helpers/report.js';
import { markdownReporter } from './markdown.js';

const hostile = 'see [click](https://evil.example) ![x](https://evil.example/p.png) <img src=x> www.evil.example | `a|b`';
const report = reportOf([
  result({ id: 'security.helmet-headers', status: 'pass' }),
  result({ id: 'security.rate-limiting', status: 'warn', message: 'no 429 seen' }),
  result({ id: 'database.timezone', status: 'error', message: 'connection refused' }),
  result({ id: 'security.cors-origins', status: 'fail', severity: 'critical', message: hostile, remediation: 'Restrict `Access-Control-Allow-Origin` to `<origin>`' }),
  result({ id: 'operational.status-page', status: 'manual', automation: 'manual', item: 'Status page set up for `<bucket>` users' }),
  result({ id: 'deployment.docker-images', status: 'skip', message: 'not configured: repo' }),
]);
const md = markdownReporter.render(report, { colorLevel: 0 });

describe('markdown reporter', () => {
  it('puts a count table per section first, then failures before errors before warnings, each with its fix', () => {
    expect(md).toContain('| Section | fail | error | warn | pass | manual | skip |');
    expect(md).toContain('| Security | **1** | · | 1 | 1 | · | · |');
    const attention = md.slice(md.indexOf('## Needs attention (3)'));
    const order = ['security.cors-origins', 'database.timezone', 'security.rate-limiting'].map((id) => attention.indexOf(id));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(attention).toContain('  - Fix: Restrict `Access-Control-Allow-Origin` to `<origin>`');
  });

  it('folds passing, manual and skipped lines in <details> with a blank line so GitHub renders the list', () => {
    expect(md).toContain("<details><summary>Awaiting a person's attestation (1)</summary>\n\n- Status page set up for `<bucket>` users (`operational.status-page`)\n\n</details>");
    expect(md).toContain('<details><summary>Passed (1)</summary>');
    expect(md).toContain('<details><summary>Skipped (1)</summary>');
  });

  it('keeps code spans verbatim (no HTML entities inside backticks) and neutralises links, images and HTML from the target', () => {
    for (const span of md.match(/`[^`\n]+`/g) ?? []) expect(span).not.toMatch(/&(lt|gt|amp|quot);/);
    expect(md).not.toMatch(/\]\(https?:/);
    expect(md).not.toContain('<img');
    expect(md).toContain('https\\://evil.example');
    expect(md).toContain('www\\.evil.example');
  });

  it('names gate reasons by id instead of repeating messages shown below', () => {
    const gate = md.slice(md.indexOf('**Gate**'), md.indexOf('**Summary:**'));
    expect(gate).toMatch(/`security.cors-origins`/);
    expect(gate).not.toContain('evil.example');
  });

  it('keeps a short report whole, and cuts a runaway message so one line cannot blow the comment limit', () => {
    const line = (n: number) => result({ id: 'security.cors-origins', status: 'fail', message: `${'x'.repeat(n)}END` });
    expect(markdownReporter.render(reportOf([line(1500)]), { colorLevel: 0 })).toContain('xEND');
    const runaway = markdownReporter.render(reportOf([line(50_000)]), { colorLevel: 0 });
    expect(runaway.length).toBeLessThan(3000);
    expect(runaway).toContain('x…');
    // Many long lines: each is cut shorter so the whole still fits.
    const many = markdownReporter.render(reportOf(Array.from({ length: 40 }, (_, i) => result({ id: `security.line-${i}`, status: 'fail', message: 'y'.repeat(600) }))), { colorLevel: 0 });
    expect(many.length).toBeLessThan(20_000);
  });

  it('with many failures and long fixes, applies the tightest cuts: still within the comment budget, fixes kept, passes named only', () => {
    const failing = Array.from({ length: 34 }, (_, i) => result({ id: `security.line-${i}`, status: 'fail', message: 'm'.repeat(400), remediation: `${'f'.repeat(150)}FIXEND${'f'.repeat(400)}` }));
    const passing = Array.from({ length: 30 }, (_, i) => result({ id: `testing.pass-${i}`, status: 'pass', message: `passing message ${i} ${'p'.repeat(100)}` }));
    const tight = markdownReporter.render(reportOf([...failing, ...passing]), { colorLevel: 0 });
    expect(Buffer.byteLength(tight)).toBeLessThan(19_000);
    expect(tight.match(/ {2}- Fix: f{149}…/g)).toHaveLength(34);
    expect(tight).toContain('— pass (`testing.pass-3`)\n');
    expect(tight).not.toContain('passing message');
  });
});
