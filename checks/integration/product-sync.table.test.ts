import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './product-sync.js';

// Recorded from fixtures/apps/product-sync.ts on loopback; replayed as of the recording, so "5 minutes ago" stays so.
judgementTable(check, [
  { scenario: 'correct status', status: 'pass', message: '/correct/v1/sync/status answers an authenticated status request with JSON and refuses one without the credential' },
  { scenario: 'correct status', options: { maxSyncAgeHours: 0.01 }, status: 'warn', message: /^last sync: lastSyncedAt is 0 h ago, more than the 0\.01 h limit$/ },
  { scenario: 'no key configured', status: 'manual', message: /^the status request: not probed: no integrations\.productSync\.key is configured/ },
  { scenario: 'open to anyone', status: 'fail', message: 'without the credential: answered 200: the sync status is open to anyone' },
  { scenario: 'sync failed', status: 'fail', message: 'sync state: the endpoint reports status: "failed"' },
  { scenario: 'html fallback', status: 'fail', message: /^the status request: answered 200 with text\/html and a body that is not JSON/ },
  { scenario: 'crashes', status: 'fail', message: /^the status request: answered 500: the sync status endpoint is broken$/ },
  { scenario: 'credential refused', status: 'fail', message: /^the status request: refused with 401: the configured credential is not accepted/ },
  { scenario: 'stale sync', status: 'warn', message: 'last sync: lastSyncedAt is 72 h ago, more than the 24 h limit' },
  { scenario: 'stale sync', options: { maxSyncAgeHours: 96 }, status: 'pass', message: /^\/stale\/v1\/sync\/status answers an authenticated status request/ },
  { scenario: 'wrong url', status: 'error', message: /^the status request: answered 404: nothing answers GET at this URL/ },
  { scenario: 'connection refused', status: 'error', message: /^connection refused by 127\.0\.0\.1:\d+$/ },
  { scenario: 'hangs', status: 'error', message: /^no complete answer from 127\.0\.0\.1:\d+ within 1000 ms$/ },
]);
