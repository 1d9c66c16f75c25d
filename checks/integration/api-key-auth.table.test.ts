import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './api-key-auth.js';

// Recorded from fixtures/apps/api-key.ts on loopback ports of their own.
judgementTable(check, [
  { scenario: 'correct bearer', status: 'pass', message: '/correct/v1/shop refuses missing, random and malformed keys with 401/403 and accepts the valid key' },
  { scenario: 'correct x-api-key', status: 'pass', message: '/x-api-key/v1/shop refuses missing, random and malformed keys with 401/403 and accepts the valid key' },
  {
    scenario: 'no valid key configured',
    status: 'warn',
    message: 'the valid key: not probed: no apiKey.key is configured, so nothing shows a good key is accepted (a route refusing everything looks the same)',
  },
  {
    scenario: 'accepts any key',
    status: 'fail',
    message: 'a random key: accepted with 200: the route is open without a valid key; a malformed header: accepted with 200: the route is open without a valid key',
  },
  { scenario: 'crashes on malformed', status: 'fail', message: /^a malformed header: the 500 answer holds a stack trace \("at .*"\); a malformed header: answered 500 instead of 401: the key check crashes$/ },
  { scenario: 'valid key refused', status: 'fail', message: /^the valid key: refused with 401: the configured valid key is not accepted/ },
  { scenario: 'key accepted in query', status: 'warn', message: 'the valid key in the query string: accepted with 200: keys in URLs land in access logs, proxies and browser history' },
  { scenario: 'preflight demands key', status: 'warn', message: /^OPTIONS preflight: answered 401: the preflight demands the key, so browsers cannot call the API/ },
  { scenario: 'wrong url', status: 'error', message: /^no key: answered 404: nothing answers GET at this URL; / },
  { scenario: 'connection refused', status: 'error', message: /^connection refused by 127\.0\.0\.1:\d+$/ },
  { scenario: 'hangs', status: 'error', message: /^no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },
  { name: 'nothing configured → manual with guidance', scenario: 'correct bearer', environment: () => ({}), status: 'manual', message: /^not probed: no apiKey is configured; .+ Until then it needs a person's attestation: / },
]);
