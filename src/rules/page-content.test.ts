import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { links, metaContent, scriptUrls, visibleText } from '../probes/html.js';
import { judgePublishedPage } from './published-page.js';
import { findSupportContact, isAppShell } from './support-contact.js';
import { judgeViewport } from './viewport.js';

describe('html helpers', () => {
  it('reads script sources in any attribute order and quoting, resolved against the page, ignoring comments', () => {
    const html = `<script defer src='/a.js'></script><script src=b.js type=module></script><!-- <script src="/old.js"></script> -->
      <link rel="modulepreload" href="/chunk.js"><script>inline()</script>`;
    expect(scriptUrls(html, 'https://app.example.com/dash/')).toEqual([
      'https://app.example.com/a.js',
      'https://app.example.com/dash/b.js',
      'https://app.example.com/chunk.js',
    ]);
  });

  it('reads meta content, link text and visible text', () => {
    const html = '<meta content="width=device-width" name="Viewport"><a href="/help">Get <b>help</b></a><script>var hidden = 1</script>';
    expect(metaContent(html, 'viewport')).toBe('width=device-width');
    expect(links(html)).toEqual([{ href: '/help', text: 'Get help' }]);
    expect(visibleText(html)).toBe('Get help');
  });
});

describe('judgeViewport', () => {
  const page = (content?: string) => `<head>${content === undefined ? '' : `<meta name="viewport" content="${content}">`}</head>`;
  it.each([
    ['width=device-width, initial-scale=1', 'pass'],
    ['initial-scale=1, width=device-width, maximum-scale=5', 'pass'],
    [undefined, 'fail'],
    ['width=1024', 'fail'],
    ['initial-scale=1', 'fail'],
    ['width=device-width, user-scalable=no', 'warn'],
    ['width=device-width, maximum-scale=1', 'warn'],
  ])('%s → %s', (content, status) => {
    expect(judgeViewport(page(content)).status).toBe(status);
  });
});

describe('findSupportContact', () => {
  const url = 'https://app.example.com/';
  it.each([
    ['<a href="mailto:help@example.com?subject=Hi">Email us</a>', 'email link help@example.com'],
    ['<a href="tel:+15551234">Call</a>', 'phone link +15551234'],
    ['<a href="/contact-us">Talk to us</a>', 'link "Talk to us" → /contact-us'],
    ['<a href="https://desk.example.com/">Help centre</a>', 'link "Help centre" → https://desk.example.com/'],
    ['<p>Write to support@example.com any time.</p>', 'address support@example.com in the page text'],
    ['<script src="https://widget.intercom.io/widget/abc"></script>', 'Intercom chat widget'],
  ])('finds %s', (html, found) => {
    expect(findSupportContact(html, url)).toBe(found);
  });

  it('finds nothing in a page without a contact, and knows an app shell', () => {
    expect(findSupportContact('<h1>Dashboard</h1><a href="/orders">Orders</a>', url)).toBeUndefined();
    expect(isAppShell('<div id="root"></div><script src="/app.js"></script>', url)).toBe(true);
    expect(isAppShell('<h1>Orders</h1><p>You have no orders yet. Create a product to start selling in your store today.</p><script src="/app.js"></script>', url)).toBe(false);
  });
});

describe('judgePublishedPage', () => {
  const expected = { what: 'privacy policy', keywords: ['privacy'] };
  const html = (body: string, extra: Parameters<typeof response>[0] = {}) =>
    judgePublishedPage(response({ url: 'https://example.com/privacy', headers: { 'content-type': 'text/html; charset=utf-8' }, body, ...extra }), expected).map((j) => j.status);

  it('passes a 200 HTML page about privacy over HTTPS', () => {
    expect(html('<h1>Privacy Policy</h1>')).toEqual(['pass']);
  });

  it('fails another status, warns about a soft 404, a PDF and plain HTTP', () => {
    expect(html('<h1>Not found</h1>', { status: 404 })).toEqual(['fail']);
    expect(html('<div id="root"></div>')).toEqual(['warn']);
    expect(judgePublishedPage(response({ url: 'https://example.com/privacy.pdf', headers: { 'content-type': 'application/pdf' } }), expected)[0]?.status).toBe('warn');
    expect(html('<h1>Privacy</h1>', { url: 'http://example.com/privacy' })).toEqual(['warn']);
  });

  it('cannot judge a truncated page that does not mention the subject in its first part', () => {
    expect(html('a'.repeat(100), { truncated: true })).toEqual(['error']);
  });
});
