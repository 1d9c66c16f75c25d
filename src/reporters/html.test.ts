import { describe, expect, it } from 'vitest';
import { reportOf, result } from '../../test/helpers/report.js';
import { htmlReporter } from './html.js';

const report = reportOf([
  result({ id: 'security.helmet-headers', status: 'pass' }),
  result({
    id: 'security.cors-origins',
    status: 'fail',
    severity: 'critical',
    message: '<script>alert(1)</script>',
    evidence: { api: { origin: '<img src=https://evil.example/x.png>', verdict: 'fail' } },
  }),
  result({ id: 'security.rate-limiting', status: 'warn' }),
  result({ id: 'operational.status-page', status: 'manual', automation: 'manual' }),
  result({ id: 'operational.runbooks', status: 'manual', automation: 'manual' }),
]);
const html = htmlReporter.render(report, { colorLevel: 0 });

describe('html reporter', () => {
  it('opens with the go-live banner and a table of contents with per-section counts', () => {
    expect(html).toContain('<div class="banner no"><p class="verdict">Production Go-Live Approved: NO</p>');
    expect(html).toMatch(/<a href="#section-security">Security<\/a><\/td><td class="num"><span class="count" style="color:#cf222e">1<\/span>/);
    expect(html).toContain('<section id="section-security"');
  });

  it('offers a status filter and collapses manual lines, all without a script', () => {
    for (const f of ['all', 'attention', 'fail', 'error', 'warn', 'pass', 'manual', 'skip']) expect(html).toContain(`<label for="f-${f}">`);
    expect(html).toContain('tr.s-manual{display:none}');
    expect(html).toContain("2 manual lines awaiting a person's attestation — show");
    expect(html).toContain('#f-attention:checked~main tr.line:not(.s-fail):not(.s-error):not(.s-warn){display:none}');
  });

  it('shows each line with the same three columns, its evidence and its fix, escaped', () => {
    const rows = html.match(/<tr class="line [^"]*"[^>]*>[\s\S]*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row.match(/<td>/g)).toHaveLength(3);
    expect(html).toContain('<details class="evidence"><summary>Evidence</summary><pre>');
    expect(html).toContain('&lt;img src=https://evil.example/x.png&gt;');
    expect(html).toContain('<div class="fix"><strong>Fix:</strong> do the fix</div>');
  });

  it('is one self-contained file that is not allowed to fetch anything', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    // Only real tags count: what a target sent is escaped text (`&lt;img src=…`) and fetches nothing.
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|video|audio|source)\b|@import|url\(|<[a-z][^>]*\s(src|href)=(?!"#)/i);
  });
});
