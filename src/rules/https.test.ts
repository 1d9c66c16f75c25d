import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { judgeHttpsRedirect, plainTwin } from './https.js';

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
