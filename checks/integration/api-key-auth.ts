import { judged, verdictOf, type Judgement } from '../../src/core/outcome.js';
import { notProbed } from '../../src/kit/not-probed.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { httpProbe, type HttpRequest } from '../../src/probes/http.js';
import { judgeApiKeyAnswer, MALFORMED_VALUE, PREFLIGHT_ORIGIN, RANDOM_KEY, type ApiKeyAttempt } from '../../src/rules/api-key.js';

const ATTESTATION =
  'For a protected route: the answers to a request without a key, with a revoked or random key and with a valid key (status codes, and no stack trace in the refusals), ' +
  'and where keys are stored (hashed) and how they are rotated.';

export default defineCheck({
  id: 'integration.api-key-auth',
  section: 'integration',
  item: 'API key authentication working',
  severity: 'critical',
  automation: 'automated',
  needs: [],
  verifies:
    'The protected route refuses a request with no key, a random key or a malformed header with 401/403 (not a crash, no stack trace), accepts the configured valid key, lets a CORS preflight through without the key, and does not take the key from the query string.',
  how:
    'Against apiKey.url, without following redirects: GET with no key; GET with a random well-formed key (readiness-probe-not-a-key-…); GET with a malformed header value; with apiKey.key, GET with the valid key ' +
    '(header apiKey.header, default authorization, scheme apiKey.scheme, default Bearer for authorization) and GET with the valid key only in ?<queryParameter>= (default api_key); OPTIONS with Origin https://readiness-probe.invalid and ' +
    'Access-Control-Request-Headers naming the header. Fail: no, random or malformed key accepted (2xx) or answered 5xx; a stack trace in a refusal; the valid key refused. ' +
    'Warn: no apiKey.key configured (nothing shows a good key works); the key accepted in the query string; the preflight refused with 401/403; another 4xx than 401/403. Error: 404/405/410, a redirect, timeouts. Manual: no apiKey configured (with what to configure and what to attest).',
  attestation: ATTESTATION,
  remediation:
    'Require the API-key middleware on every non-public route, store keys hashed with a lookup prefix, compare in constant time, answer 401 without a stack for a missing, unknown or malformed key, mount CORS before the key check, and read the key only from the documented header.',
  async run(ctx) {
    const config = ctx.environment.apiKey;
    if (!config) {
      return notProbed({
        missing: 'no apiKey is configured',
        configure: 'set apiKey.url to a route the key protects (and apiKey.key, a valid key) so readiness tries it with no key, a random key, a malformed header and the valid key',
        attestation: ATTESTATION,
        remediation: 'Configure apiKey: { url: https://api.example.com/v1/shop, key: "${READINESS_API_KEY}" } (header and scheme if not Authorization: Bearer).',
      });
    }
    const header = config.header.toLowerCase();
    const scheme = config.scheme ?? (header === 'authorization' ? 'Bearer' : undefined);
    const withKey = (key: string) => ({ [header]: scheme ? `${scheme} ${key}` : key });
    const base: HttpRequest = { url: config.url, method: 'GET', followRedirects: false, maxBodyBytes: 64 * 1024 };
    const queryUrl = new URL(config.url);
    if (config.key) queryUrl.searchParams.set(config.queryParameter, config.key);
    const attempts: [ApiKeyAttempt, HttpRequest][] = [
      ['none', base],
      ['random', { ...base, headers: withKey(RANDOM_KEY) }],
      ['malformed', { ...base, headers: { [header]: MALFORMED_VALUE } }],
      ...(config.key
        ? ([
            ['valid', { ...base, headers: withKey(config.key) }],
            ['query', { ...base, url: queryUrl.href }],
          ] as [ApiKeyAttempt, HttpRequest][])
        : []),
      ['preflight', { ...base, method: 'OPTIONS', headers: { origin: PREFLIGHT_ORIGIN, 'access-control-request-method': 'GET', 'access-control-request-headers': header } }],
    ];
    try {
      const judgements: Judgement[] = [];
      const statuses: Record<string, number> = {};
      for (const [attempt, request] of attempts) {
        const response = await ctx.probe(httpProbe).fetch(request);
        statuses[attempt] = response.status;
        judgements.push(...judgeApiKeyAnswer(attempt, response));
      }
      if (!config.key) {
        judgements.push(judged('the valid key', 'warn', 'not probed: no apiKey.key is configured, so nothing shows a good key is accepted (a route refusing everything looks the same)', 'Add a valid key for a test account as apiKey.key ("${…}" from the environment); it is never printed.'));
      }
      const path = new URL(config.url).pathname;
      return verdictOf(judgements, `${path} refuses missing, random and malformed keys with 401/403 and accepts the valid key`, { path, statuses });
    } catch (error) {
      return probeFailure(error);
    }
  },
});
