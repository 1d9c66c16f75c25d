import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { corsAnswer, developmentOrigins, hostileOrigins, isDevelopmentOrigin, judgeApiCors, judgeWidgetCors, type CorsAnswer } from './cors.js';

describe('hostileOrigins', () => {
  const nonDevelopment = (serviceUrl: string, allowed: string[]) =>
    hostileOrigins(serviceUrl, allowed)
      .filter((o) => o.family !== 'development')
      .map((o) => o.origin);

  it('covers an unrelated origin, null, look-alikes of every domain, http twins and every development origin', () => {
    expect(nonDevelopment('https://api.example.com', ['https://app.example.com'])).toEqual([
      'https://evil.example',
      'null',
      'https://api.example.com.evil.example',
      'https://evilapi.example.com',
      'https://example.com.evil.example',
      'https://evilexample.com',
      'https://apixexample.com',
      'https://app.example.com.evil.example',
      'https://evilapp.example.com',
      'https://appxexample.com',
      'http://api.example.com',
      'http://app.example.com',
    ]);
    const development = hostileOrigins('https://api.example.com', []).filter((o) => o.family === 'development').map((o) => o.origin);
    expect(development).toEqual(developmentOrigins());
    expect(development).toEqual(expect.arrayContaining(['http://localhost:5173', 'http://localhost:3000', 'http://127.0.0.1:3000', 'http://localhost:4200', 'http://127.0.0.1:8080', 'http://localhost']));
  });

  it('has no cap: look-alikes of the last of many configured origins and every development origin are kept', () => {
    const allowed = ['https://a.shop.example', 'https://b.example.net', 'https://c.example.org', 'https://d.example.io', 'https://e.example.dev'];
    const origins = hostileOrigins('https://api.shop.example', allowed).map((o) => o.origin);
    expect(origins).toContain('https://evile.example.dev');
    expect(origins).toContain('http://e.example.dev');
    expect(origins).toContain('http://localhost:5173');
    expect(origins.length).toBeGreaterThan(60);
  });

  it('never lists an allowed origin or the service itself, guesses registrable domains under co.uk, and skips look-alikes of IP addresses', () => {
    expect(hostileOrigins('https://api.example.com', ['http://api.example.com']).map((o) => o.origin)).not.toContain('http://api.example.com');
    expect(hostileOrigins('https://shop.example.co.uk', []).map((o) => o.origin)).toContain('https://evilexample.co.uk');
    expect(nonDevelopment('http://127.0.0.1:8080', [])).toEqual(['https://evil.example', 'null']);
    expect(hostileOrigins('http://127.0.0.1:8080', []).map((o) => o.origin)).not.toContain('http://127.0.0.1:8080');
    expect(hostileOrigins('https://api.example.com', ['http://localhost:5173']).map((o) => o.origin)).not.toContain('http://localhost:5173');
  });

  it('tells development origins from production ones', () => {
    expect(['http://localhost:5173', 'http://127.0.0.1:3000', 'http://localhost', 'https://localhost:8443'].map(isDevelopmentOrigin)).toEqual([true, true, true, true]);
    // A local deployment's own loopback origin (the demo's dashboard on an ephemeral port) is not a dev server's.
    expect(['https://app.example.com', '*', 'https://localhost.example.com', 'https://127.0.0.1:42549'].map(isDevelopmentOrigin)).toEqual([false, false, false, false]);
  });
});

interface Spec {
  origin: string;
  hostile?: boolean;
  acao?: string;
  credentials?: boolean;
  vary?: string;
  method?: 'GET' | 'OPTIONS';
  path?: string;
}

function answer(spec: Spec): CorsAnswer {
  const headers: Record<string, string> = {};
  if (spec.acao) headers['access-control-allow-origin'] = spec.acao;
  if (spec.credentials) headers['access-control-allow-credentials'] = 'true';
  if (spec.vary) headers.vary = spec.vary;
  return corsAnswer(response({ headers }), { origin: spec.origin, hostile: spec.hostile ?? true, method: spec.method ?? 'GET', path: spec.path ?? '/' });
}

const verdicts = (judgements: { status: string; subject: string; message: string }[]) => judgements.map((j) => `${j.status} ${j.subject}: ${j.message}`);
const api = (answers: CorsAnswer[], allowed: string[] = [], kind: 'api' | 'dashboard' = 'api') => verdicts(judgeApiCors(answers, { allowed, kind }));

describe('judgeApiCors', () => {
  it('passes an allow-list that ignores hostile origins and answers allowed ones with Vary: Origin', () => {
    expect(
      api(
        [answer({ origin: 'https://evil.example' }), answer({ origin: 'https://app.example.com', hostile: false, acao: 'https://app.example.com', credentials: true, vary: 'Origin' })],
        ['https://app.example.com'],
      ),
    ).toEqual(['pass CORS: no hostile origin allowed']);
  });

  it('fails a hostile origin reflected with credentials, naming it once whatever the number of requests', () => {
    const reflected = (method: 'GET' | 'OPTIONS') => answer({ origin: 'https://evil.example', acao: 'https://evil.example', credentials: true, vary: 'Origin', method });
    expect(api([reflected('GET'), reflected('OPTIONS')])).toEqual([
      'fail hostile origins: 1 reflected with Access-Control-Allow-Credentials: true (https://evil.example; on GET /, OPTIONS /): any site can make authenticated requests and read the answers',
    ]);
  });

  it('fails reflection without credentials on the API, and the null origin', () => {
    expect(api([answer({ origin: 'null', acao: 'null', vary: 'Origin' })])).toEqual(['fail hostile origins: 1 reflected in Access-Control-Allow-Origin (null; on GET /)']);
  });

  it('fails * on an API unless the config declares it public, and * with credentials always', () => {
    const wildcard = answer({ origin: 'https://evil.example', acao: '*' });
    expect(api([wildcard])[0]).toMatch(/^fail Access-Control-Allow-Origin: \*: every origin is allowed on an API/);
    expect(api([wildcard], ['*'])).toEqual(['pass CORS: no hostile origin allowed']);
    expect(api([wildcard], [], 'dashboard')).toEqual(['pass CORS: no hostile origin allowed']);
    expect(api([answer({ origin: 'https://evil.example', acao: '*', credentials: true })], ['*'])[0]).toMatch(/^fail .*with Access-Control-Allow-Credentials: true/);
  });

  it('warns when a per-request Access-Control-Allow-Origin comes without Vary: Origin', () => {
    expect(
      api([answer({ origin: 'https://evil.example' }), answer({ origin: 'https://app.example.com', hostile: false, acao: 'https://app.example.com' })], ['https://app.example.com']),
    ).toEqual([
      "warn Vary: Access-Control-Allow-Origin varies by Origin but Vary: Origin is missing (GET /): a shared cache may serve one origin's answer to another",
    ]);
  });

  it('does not ask for Vary when the allowed origin is the same on every answer', () => {
    const fixed = (origin: string, hostile: boolean) => answer({ origin, hostile, acao: 'https://app.example.com' });
    expect(api([fixed('https://evil.example', true), fixed('https://app.example.com', false)], ['https://app.example.com'])).toEqual(['pass CORS: no hostile origin allowed']);
  });

  it('warns when a configured origin is not allowed', () => {
    expect(api([answer({ origin: 'https://app.example.com', hostile: false })], ['https://app.example.com'])[0]).toMatch(/^warn Origin https:\/\/app\.example\.com: configured as allowed but not allowed/);
  });
});

describe('judgeWidgetCors', () => {
  const widget = (answers: CorsAnswer[], allowed: string[] = [], apiPath: string | null = '/v1/widget') =>
    verdicts(judgeWidgetCors(answers, { allowed, apiPath: apiPath ?? undefined }));

  it('accepts * and reflection without credentials for public widget data', () => {
    expect(widget([answer({ origin: 'https://evil.example', acao: '*', path: '/v1/widget' })])).toEqual(['pass CORS: no credentialed cross-origin access for hostile origins']);
    expect(widget([answer({ origin: 'https://evil.example', acao: 'https://evil.example', vary: 'Origin', path: '/v1/widget' })])).toEqual([
      'pass CORS: no credentialed cross-origin access for hostile origins',
    ]);
  });

  it('fails reflection with credentials and * with credentials', () => {
    expect(widget([answer({ origin: 'https://evil.example', acao: 'https://evil.example', credentials: true, vary: 'Origin' })])[0]).toMatch(/^fail hostile origins: 1 reflected with Access-Control-Allow-Credentials/);
    expect(widget([answer({ origin: 'https://evil.example', acao: '*', credentials: true })])[0]).toMatch(/^fail Access-Control-Allow-Origin: \*/);
  });

  it('fails a configured storefront that the widget API does not allow', () => {
    const storefront = 'https://demo.myshopify.com';
    expect(widget([answer({ origin: storefront, hostile: false, path: '/v1/widget' })], [storefront])[0]).toMatch(/^fail Origin https:\/\/demo\.myshopify\.com: storefront origin not allowed on GET \/v1\/widget/);
  });

  it('warns when the widget API allows no cross-origin caller and no storefronts are configured; fails when "*" was promised', () => {
    const closed = [answer({ origin: 'https://evil.example', path: '/v1/widget' })];
    expect(widget(closed)[0]).toMatch(/^warn CORS: \/v1\/widget allows no cross-origin caller/);
    expect(widget(closed, ['*'])[0]).toMatch(/^fail CORS: \/v1\/widget allows no cross-origin caller/);
    expect(widget(closed, [], null)).toEqual(['pass CORS: no credentialed cross-origin access for hostile origins']);
  });
});
