import { judgementTable } from '../../test/helpers/judgement-table.js';
import rateLimiting from './rate-limiting.js';

const PASS = 'rate limiting detected on every API and widget service';
const NO_HEADERS = 'api: rate limiting not detected: no RateLimit, RateLimit-* or X-RateLimit-* headers on /v1/products, /, /health';
const INVISIBLE = `${NO_HEADERS}; a limiter that sends no headers is invisible here (enable the burst probe: checks.security.rate-limiting.options.burst)`;
const announced = (what: string) => ({ api: { verdict: 'pass', message: `rate limit announced on /v1/products: ${what}` } });

judgementTable(rateLimiting, [
  { scenario: 'draft-8 headers', status: 'pass', message: PASS, evidence: announced('IETF RateLimit headers (limit 100, per 60 s, 99 remaining)') },
  { scenario: 'draft-7 headers', status: 'pass', message: PASS, evidence: announced('IETF RateLimit headers (limit 100, per 60 s, 99 remaining)') },
  { scenario: 'draft-6 headers', status: 'pass', message: PASS, evidence: announced('RateLimit-* headers (limit 100, per 60 s, 99 remaining)') },
  { scenario: 'legacy X-RateLimit-* headers', status: 'pass', message: PASS, evidence: announced('X-RateLimit-* headers (limit 100, 99 remaining)') },
  { name: 'headers are enough: the burst is not sent when they are seen', scenario: 'draft-8 headers', options: { burst: true, notDetected: 'fail' }, status: 'pass', message: PASS },

  { scenario: 'no limiter headers', status: 'warn', message: INVISIBLE },
  { name: 'not detected fails when the config says so', scenario: 'no limiter headers', options: { notDetected: 'fail' }, status: 'fail', message: INVISIBLE },

  {
    name: 'the burst finds a limiter that sends no headers at its first 429',
    scenario: 'silent limiter under a burst',
    status: 'pass',
    message: PASS,
    evidence: { api: { message: 'answered 429 after 3 request(s) to /v1/products', sent: 3, statuses: '200×2, 429×1' } },
  },
  {
    name: 'a burst smaller than the limit sees no 429',
    scenario: 'silent limiter under a burst',
    options: { burst: true, burstRequests: 2 },
    status: 'warn',
    message: `${NO_HEADERS}, and 2 requests to /v1/products never answered 429`,
  },
  { name: 'without the burst a silent limiter is invisible', scenario: 'silent limiter under a burst', options: {}, status: 'warn', message: INVISIBLE },

  { scenario: 'no limiter under a burst of 12', status: 'warn', message: `${NO_HEADERS}, and 12 requests to /v1/products never answered 429` },
  {
    scenario: 'no limiter under a burst of 12',
    options: { burst: true, burstRequests: 5, notDetected: 'fail' },
    status: 'fail',
    message: `${NO_HEADERS}, and 5 requests to /v1/products never answered 429`,
  },
  { scenario: 'busy route answers Retry-After', status: 'warn', message: 'api: answered 503 with Retry-After: 120 after 1 request(s); stopped without confirming a limiter' },
  {
    scenario: 'burst without a route',
    status: 'warn',
    message: 'api: rate limiting not detected: no RateLimit, RateLimit-* or X-RateLimit-* headers on /, /health; the burst probe needs a cheap GET route (services.<name>.route)',
  },
  { scenario: 'dashboard only', status: 'skip', message: 'no service of kind api or widget is configured' },
  { scenario: 'api hangs', status: 'error', message: /^api: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
]);
