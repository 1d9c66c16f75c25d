import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './conversion-tracking.js';

// Recorded from fixtures/apps/conversions.ts on loopback ports of their own.
judgementTable(check, [
  {
    scenario: 'validating endpoint',
    status: 'pass',
    message: '/correct/v1/conversions records a well-formed test event and refuses invalid JSON and an event missing its fields with a 4xx',
    evidence: { statuses: { 'well-formed': 202, 'invalid-json': 400, 'missing-fields': 422 } },
  },
  { scenario: 'own format with sample', status: 'pass', message: /^\/own-format\/v1\/conversions records a well-formed test event/ },
  { scenario: 'own format, generic event', status: 'error', message: /^a well-formed test event: refused readiness's generic event with 422: its format is not the endpoint's/ },
  {
    scenario: 'accepts anything',
    status: 'fail',
    message: 'invalid JSON: accepted with 200: the endpoint records garbage as conversions; an event missing its fields: accepted with 200: the endpoint records garbage as conversions',
  },
  { scenario: 'crashes', status: 'fail', message: /^a well-formed test event: answered 500: the endpoint crashes on a well-formed event, so conversions are lost$/ },
  { scenario: 'crashes with stack trace', status: 'fail', message: /^invalid JSON: the 500 answer holds a stack trace \("at .*"\); an event missing its fields: the 500 answer holds a stack trace/ },
  { scenario: 'refuses malformed by crashing', status: 'warn', message: 'invalid JSON: answered 500: refused, but by crashing; an event missing its fields: answered 500: refused, but by crashing' },
  { scenario: 'wrong url', status: 'error', message: /^a well-formed test event: answered 404: nothing takes POST at this URL; / },
  { scenario: 'needs a key', status: 'error', message: /^a well-formed test event: refused with 401: the endpoint wants a credential readiness does not send/ },
  { scenario: 'connection refused', status: 'error', message: /^connection refused by 127\.0\.0\.1:\d+$/ },
  { scenario: 'hangs', status: 'error', message: /^no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },
]);
