import { judgementTable } from '../../test/helpers/judgement-table.js';
import rateLimiting from './rate-limiting.js';

const PASS = 'rate limiting detected on every API and widget service';
const NO_HEADERS = 'api: rate limiting not detected: no RateLimit, RateLimit-* or X-RateLimit-* headers on /v1/products, /, /health';
const INVISIBLE = `${NO_HEADERS}; a limiter that sends no headers is invisible here (enable the burst probe: checks.security.rate-limiting.options.burst)`;
const CLAIM = 'headers are a claim (static ones count nothing); enable the burst probe to see the limit count and bite (checks.security.rate-limiting.options.burst)';
const declared = (what: string) => `api: rate limit declared, not observed: ${what} on /v1/products; ${CLAIM}`;
const observed = (message: string | RegExp) => ({ api: { verdict: 'pass', message } });

judgementTable(rateLimiting, [
  // Issue 15: a header is a claim. Without the burst it is "declared, not observed" (these passed before).
  { scenario: 'draft-8 headers', status: 'warn', message: declared('IETF RateLimit headers (limit 100, per 60 s, 99 remaining)') },
  { scenario: 'draft-7 headers', status: 'warn', message: declared('IETF RateLimit headers (limit 100, per 60 s, 99 remaining)') },
  { scenario: 'draft-6 headers', status: 'warn', message: declared('RateLimit-* headers (limit 100, per 60 s, 99 remaining)') },
  { scenario: 'legacy X-RateLimit-* headers', status: 'warn', message: declared('X-RateLimit-* headers (limit 100, 99 remaining)') },
  { name: 'static headers that count nothing are only a claim without the burst', scenario: 'static headers', status: 'warn', message: declared('X-RateLimit-* headers (limit 100, 99 remaining)') },
  {
    name: 'under the burst the remaining count goes down: pass, stopping once counting is seen',
    scenario: 'draft-8 headers under a burst',
    status: 'pass',
    message: PASS,
    evidence: observed(/^IETF RateLimit headers \(limit 100, per 60 s, 99 remaining\) on \/v1\/products; the remaining count fell from 95 to 93 over 3 requests to \/v1\/products: requests are counted/),
  },
  { scenario: 'legacy X-RateLimit-* headers under a burst', status: 'pass', message: PASS, evidence: observed(/the remaining count fell from \d+ to \d+ over 3 requests/) },
  {
    name: 'a limit within reach of the burst must bite: it does, with a 429',
    scenario: 'small limit bites under a burst',
    status: 'pass',
    message: PASS,
    evidence: observed(/; answered 429 after \d request\(s\) to \/v1\/products/),
  },
  {
    scenario: 'static headers under a burst',
    status: 'fail',
    message:
      'api: X-RateLimit-* headers (limit 100, 99 remaining) on /v1/products; rate-limit headers announce a limit, but the remaining count stayed at 99 over 20 requests to /v1/products and none was refused: the headers count nothing',
  },
  {
    name: 'static headers: a burst of 2 already shows the count does not move',
    scenario: 'static headers under a burst',
    options: { burst: true, burstRequests: 2 },
    status: 'fail',
    message: /the remaining count stayed at 99 over 2 requests to \/v1\/products and none was refused/,
  },
  {
    scenario: 'limit reached but not enforced',
    status: 'fail',
    message:
      'api: IETF RateLimit headers (limit 6, per 60 s, 5 remaining) on /v1/products; the remaining count reached 0 after 3 request(s) to /v1/products, but request 4 still answered 200: the announced limit does not bite',
  },
  {
    scenario: 'implausible limit',
    status: 'fail',
    message: 'api: IETF RateLimit headers (limit 1000000, per 60 s, 999999 remaining) on /v1/products: the announced limit lets 1000000 requests through per 60 s: above 10000, it throttles no client',
  },
  { name: 'a raised plausibility bound accepts the same limit as a claim', scenario: 'implausible limit', options: { maxPlausibleLimit: 2_000_000 }, status: 'warn', message: /^api: rate limit declared, not observed/ },
  {
    name: "false error removed: nginx limit_req's 503 cut-off (no Retry-After) passes, with the caveat",
    scenario: 'nginx limit_req answers 503',
    status: 'pass',
    message: PASS,
    evidence: observed(/^answered 503 after \d request\(s\) to \/v1\/products, once earlier ones had succeeded: a limiter's cut-off \(nginx limit_req answers 503 by default\); caveat: /),
  },
  { scenario: 'nginx limit_req without the burst', status: 'warn', message: INVISIBLE },

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
