import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { links, metaContent, scriptUrls, visibleText } from '../probes/html.js';
import { judgePublishedPage, pageText } from './published-page.js';
import { brokenContactLink, isAppShell, supportContacts } from './support-contact.js';
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

describe('supportContacts', () => {
  const url = 'https://app.example.com/';
  it.each([
    ['<a href="mailto:help@example.com?subject=Hi">Email us</a>', 'email link help@example.com'],
    ['<a href="tel:+15551234">Call</a>', 'phone link +15551234'],
    ['<a href="/contact-us">Talk to us</a>', 'link "Talk to us" → /contact-us'],
    ['<a href="https://desk.example.com/">Help centre</a>', 'link "Help centre" → https://desk.example.com/'],
    ['<p>Write to support@example.com any time.</p>', 'address support@example.com in the page text'],
    ['<script src="https://widget.intercom.io/widget/abc"></script>', 'Intercom chat widget'],
  ])('finds %s', (html, found) => {
    expect(supportContacts(html, url)[0]?.description).toBe(found);
  });

  it('lists the direct contacts before the links that must be followed, each link with its absolute URL', () => {
    const html = '<a href="/help">Help</a><a href="/support">Support</a><a href="mailto:help@example.com">Email</a>';
    expect(supportContacts(html, url).map((c) => `${c.kind} ${c.url ?? ''}`.trim())).toEqual(['email', 'link https://app.example.com/help', 'link https://app.example.com/support']);
  });

  it('judges a followed link by where it lands', () => {
    expect(brokenContactLink(response({ status: 404 }))).toBe('answers 404');
    expect(brokenContactLink(response({ headers: { 'content-type': 'text/html' }, body: '<title>Page not found</title>' }))).toBe('answers 200 with a not-found page ("Page not found")');
    expect(brokenContactLink(response({ headers: { 'content-type': 'text/html' }, body: '<title>Help centre</title><h1>How can we help?</h1>' }))).toBeUndefined();
  });

  it('finds nothing in a page without a contact, and knows an app shell', () => {
    expect(supportContacts('<h1>Dashboard</h1><a href="/orders">Orders</a>', url)).toEqual([]);
    expect(isAppShell('<div id="root"></div><script src="/app.js"></script>', url)).toBe(true);
    expect(isAppShell('<h1>Orders</h1><p>You have no orders yet. Create a product to start selling in your store today.</p><script src="/app.js"></script>', url)).toBe(false);
  });
});

describe('judgePublishedPage', () => {
  const expected = { what: 'privacy policy', keywords: ['privacy'] };
  const html = (body: string, extra: Parameters<typeof response>[0] = {}) =>
    judgePublishedPage(response({ url: 'https://example.com/privacy', headers: { 'content-type': 'text/html; charset=utf-8' }, body, ...extra }), expected).map((j) => j.status);

  const policy = '<p>What we collect, why we collect it, who processes it for us, how long we keep it, and how to ask for a copy or for deletion.</p>';

  it('passes a 200 HTML page that is the policy over HTTPS: named in its title or a heading, with text of its own', () => {
    expect(html(`<h1>Privacy Policy</h1>${policy}`)).toEqual(['pass']);
    expect(html(`<title>Privacy | Shop</title><h1>How we handle your data</h1>${policy}`)).toEqual(['pass']);
  });

  it('is not fooled by a page that only mentions the subject: a soft 404 with a footer link, a stub, the home page', () => {
    const soft = judgePublishedPage(
      response({ url: 'https://example.com/privacy', headers: { 'content-type': 'text/html' }, body: `<title>Page not found</title><h1>Page not found</h1><p>Try the search.</p><footer><a href="/privacy">Privacy Policy</a></footer>` }),
      expected,
    );
    expect(soft.map((j) => `${j.status}: ${j.message}`)).toEqual(['fail: https://example.com/privacy answers 200 with a not-found or error page ("Page not found"), a soft 404: the privacy policy is not published there']);
    expect(html('<h1>Privacy Policy</h1><p>Coming soon.</p>')).toEqual(['warn']);
    expect(html(`<h1>Welcome</h1>${policy}<footer>Privacy Policy</footer>`)).toEqual(['warn']);
    const redirected = { ...response({ url: 'https://example.com/', headers: { 'content-type': 'text/html' }, body: `<h1>Privacy Policy</h1>${policy}` }), requestedUrl: 'https://example.com/privacy' };
    expect(judgePublishedPage(redirected, expected)[0]?.message).toBe('https://example.com/privacy redirects to the home page (https://example.com/): the privacy policy is not published there');
    const body = `<title>Shop — privacy first</title><h1>Shop</h1>${policy}`;
    const home = response({ url: 'https://example.com/', headers: { 'content-type': 'text/html' }, body });
    expect(judgePublishedPage(response({ url: 'https://example.com/privacy', headers: { 'content-type': 'text/html' }, body }), expected, home)[0]?.status).toBe('fail');
  });

  it('reads a page without its navigation and footer', () => {
    expect(pageText('<head><title>T</title></head><nav><h2>Menu</h2></nav><h1>Terms</h1><p>Body text</p><footer>Privacy</footer>')).toEqual({ title: 'T', headings: ['Terms'], main: 'Body text' });
  });

  it('fails another status, warns about a soft 404, a PDF and plain HTTP', () => {
    expect(html('<h1>Not found</h1>', { status: 404 })).toEqual(['fail']);
    expect(html('<div id="root"></div>')).toEqual(['warn']);
    expect(judgePublishedPage(response({ url: 'https://example.com/privacy.pdf', headers: { 'content-type': 'application/pdf' } }), expected)[0]?.status).toBe('warn');
    expect(html(`<h1>Privacy</h1>${policy}`, { url: 'http://example.com/privacy' })).toEqual(['warn']);
  });

  it('cannot judge a truncated page that does not mention the subject in its first part', () => {
    expect(html('a'.repeat(100), { truncated: true })).toEqual(['error']);
  });
});
