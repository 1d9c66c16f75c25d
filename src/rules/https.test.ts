import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { judged } from '../core/outcome.js';
import { httpsEndpoint, judgeHttpsRedirect, judgeOwnHsts, plainTwin, sameHostHttpsTarget } from './https.js';

const first = (status: number, location?: string) =>
  response({ url: 'http://shop.example.com/', status, ...(location ? { headers: { location } } : {}) });
const judge = (status: number, location?: string) => {
  const j = judgeHttpsRedirect(first(status, location), 'https://shop.example.com');
  return `${j.status}: ${j.message}`;
};

describe('judgeHttpsRedirect', () => {
  it.each([
    [301, 'https://shop.example.com/', 'pass: 301 to https://shop.example.com/'],
    [308, 'https://shop.example.com/', 'pass: 308 to https://shop.example.com/'],
    [302, 'https://shop.example.com/', 'warn: 302 is a temporary redirect; use 301 or 308 so browsers and crawlers remember it'],
    [307, 'https://shop.example.com/', 'warn: 307 is a temporary redirect; use 301 or 308 so browsers and crawlers remember it'],
    [301, 'https://www.shop.example.com/', 'fail: first hop 301 goes to another host (www.shop.example.com); redirect to https://shop.example.com first so HSTS covers it'],
    [301, 'http://shop.example.com/home', 'fail: first hop 301 goes to http://shop.example.com/home, not to https://'],
    [301, '/home', 'fail: first hop 301 goes to http://shop.example.com/home, not to https://'],
    [200, undefined, 'fail: plain HTTP serves content (200) instead of redirecting'],
    [403, undefined, 'fail: plain HTTP answers 403 instead of redirecting'],
  ])('%i to %s', (status, location, expected) => {
    expect(judge(status, location)).toBe(expected);
  });
});

describe('plainTwin', () => {
  it('is the https URL with http:// on port 80 unless configured', () => {
    expect(plainTwin('https://shop.example.com/app')).toBe('http://shop.example.com/app');
    expect(plainTwin('https://shop.example.com:8443/')).toBe('http://shop.example.com/');
    expect(plainTwin('https://shop.example.com:8443/', 'http://shop.example.com:8080/')).toBe('http://shop.example.com:8080/');
  });
});

describe('the redirect target and the host HSTS comes from', () => {
  it('names the endpoint with its port, so another port of the same host is seen', () => {
    expect(httpsEndpoint('https://shop.example.com/')).toBe('shop.example.com:443');
    expect(httpsEndpoint('https://shop.example.com:8443/x')).toBe('shop.example.com:8443');
    expect(sameHostHttpsTarget(first(301, 'https://shop.example.com:8443/'), 'https://shop.example.com')?.port).toBe('8443');
    expect(sameHostHttpsTarget(first(301, 'https://www.shop.example.com/'), 'https://shop.example.com')).toBeUndefined();
    expect(sameHostHttpsTarget(first(200), 'https://shop.example.com')).toBeUndefined();
  });

  it('fails a target where nothing answers over TLS or whose certificate browsers refuse, and passes one that answers', () => {
    const to = first(301, 'https://shop.example.com:8443/');
    expect(judgeHttpsRedirect(to, 'https://shop.example.com', { answered: false, reason: 'connection refused' }).message).toBe(
      'first hop 301 goes to https://shop.example.com:8443/, where nothing answers over TLS (connection refused)',
    );
    expect(judgeHttpsRedirect(to, 'https://shop.example.com', { answered: true, refusal: 'expired certificate' }).status).toBe('fail');
    expect(judgeHttpsRedirect(to, 'https://shop.example.com', { answered: true })).toMatchObject({ status: 'pass', message: '301 to https://shop.example.com:8443/' });
  });

  it('says where a missing HSTS went: the host the service redirected to', () => {
    const missing = (values: readonly string[] | undefined) => judged('Strict-Transport-Security', values ? 'pass' : 'fail', values ? 'present' : 'missing');
    const page = response({ url: 'https://api.example.com/', status: 302, headers: { location: 'https://docs.example.com/' } });
    expect(judgeOwnHsts({ response: page, leftTo: 'docs.example.com' }, missing).message).toBe(
      'missing (api.example.com redirects to docs.example.com; HSTS from there covers that host, not this one)',
    );
    expect(judgeOwnHsts({ response: response({ headers: { 'strict-transport-security': 'max-age=1' } }) }, missing).status).toBe('pass');
  });
});
