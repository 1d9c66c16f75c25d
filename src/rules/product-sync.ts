import { judged, type Judgement } from '../core/outcome.js';
import { header, type HttpResponse } from '../probes/http-response.js';
import { findStackTrace } from './dev-markers.js';

/*
 * The product-sync status endpoint, asked twice: with the configured credential it must answer 2xx with a JSON
 * body (whose own status, when it states one, is not a failure, and whose last sync, when it dates one, is recent);
 * without it, it must refuse — a sync status open to anyone tells the world about the merchants' catalogs.
 */

export type SyncAttempt = 'authenticated' | 'anonymous';

/** Body fields that name when the last sync ran, in the spellings APIs use. */
const LAST_SYNC_FIELDS = ['lastSyncAt', 'lastSyncedAt', 'last_sync_at', 'last_synced_at', 'lastSync', 'last_sync', 'syncedAt', 'synced_at', 'lastRunAt', 'last_run_at'];
const STATUS_FIELDS = ['status', 'state', 'syncStatus', 'sync_status'];
const FAILED_STATES = /^(error|errored|failed|failing|failure|down|unhealthy|broken|stalled|stuck)$/i;

const FIX_AUTH = 'Require the app\'s authentication on the sync status route (the same middleware as the rest of the API) and answer 401 without it.';
const FIX_CRASH = 'Make the status route answer from stored sync state (last run, counts, errors) without throwing; a 5xx means merchants\' sync health is unknown.';
const FIX_URL = 'Point integrations.productSync.url at the read-only sync status route (GET).';
const FIX_JSON = 'Answer the status route with a JSON body (Content-Type: application/json) stating the sync state and the time of the last sync.';
const FIX_STALE =
  'Find why the sync stopped (failed bulk operation, unprocessed products/update webhooks, a stopped reconciliation job), re-run it, and alert when the last sync is older than expected.';

const ok = (status: number) => status >= 200 && status < 300;

export interface SyncStatusOptions {
  /** A last sync older than this many hours is a warning. */
  maxSyncAgeHours: number;
}

export function judgeAnonymousSync(response: HttpResponse): Judgement[] {
  const subject = 'without the credential';
  const { status } = response;
  const out: Judgement[] = [];
  const stack = findStackTrace(response.body);
  if (stack) out.push(judged(subject, 'fail', `the ${status} answer holds a stack trace ("${stack.slice(0, 80)}")`, FIX_CRASH));
  if (ok(status)) out.push(judged(subject, 'fail', `answered ${status}: the sync status is open to anyone`, FIX_AUTH));
  else if (status === 401 || status === 403 || status === 404) out.push(judged(subject, 'pass', `refused with ${status}`));
  else if (status >= 500) out.push(judged(subject, 'fail', `answered ${status} instead of 401: the auth check crashes`, FIX_CRASH));
  else if (status >= 300 && status < 400) out.push(judged(subject, 'warn', `answered ${status} (a redirect, to a login page?) instead of 401`, FIX_AUTH));
  else out.push(judged(subject, 'warn', `answered ${status}, not 401/403`, FIX_AUTH));
  return out;
}

export function judgeAuthenticatedSync(response: HttpResponse, options: SyncStatusOptions, now = Date.now()): Judgement[] {
  const subject = 'the status request';
  const { status } = response;
  if (status === 404 || status === 405 || status === 410) return [judged(subject, 'error', `answered ${status}: nothing answers GET at this URL`, FIX_URL)];
  if (status >= 300 && status < 400) return [judged(subject, 'error', `answered ${status} (a redirect, not a status): is the URL behind a login page?`, FIX_URL)];
  if (status === 401 || status === 403) {
    return [judged(subject, 'fail', `refused with ${status}: the configured credential is not accepted (revoked, or the header/scheme differ from integrations.productSync.header/scheme)`)];
  }
  if (status >= 500) return [judged(subject, 'fail', `answered ${status}: the sync status endpoint is broken`, FIX_CRASH)];
  if (!ok(status)) return [judged(subject, 'error', `answered ${status}, which says neither a status nor a refusal`, FIX_URL)];
  const type = (header(response, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const body = parseJson(response.body);
  if (response.truncated || body === undefined || !/^application\/(.+\+)?json$/.test(type)) {
    return [judged(subject, 'fail', `answered ${status} with ${type || 'no Content-Type'}${body === undefined ? ' and a body that is not JSON' : ''}: not a sync status (an HTML page, the SPA fallback?)`, FIX_JSON)];
  }
  const out: Judgement[] = [judged(subject, 'pass', `answered ${status} with JSON`)];
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const fields = body as Record<string, unknown>;
    const state = STATUS_FIELDS.map((name) => [name, fields[name]] as const).find(([, value]) => typeof value === 'string');
    if (state && FAILED_STATES.test(state[1] as string)) {
      out.push(judged('sync state', 'fail', `the endpoint reports ${state[0]}: ${JSON.stringify(state[1])}`, FIX_STALE));
    } else if (state) out.push(judged('sync state', 'pass', `${state[0]}: ${shownState(state[1] as string)}`));
    const last = LAST_SYNC_FIELDS.map((name) => [name, fields[name]] as const).find(([, value]) => typeof value === 'string' || typeof value === 'number');
    if (last) out.push(judgeLastSync(last[0], last[1] as string | number, options, now));
  }
  return out;
}

function judgeLastSync(field: string, value: string | number, options: SyncStatusOptions, now: number): Judgement {
  // Numbers: seconds or milliseconds since the epoch, told apart by size.
  const at = typeof value === 'number' ? (value < 1e12 ? value * 1000 : value) : Date.parse(value);
  // The value itself stays out of the message: a cut-off excerpt of whatever a target put there would escape redaction.
  if (!Number.isFinite(at)) return judged('last sync', 'warn', `${field} is not a date (a ${typeof value} of ${String(value).length} characters)`, FIX_JSON);
  const hours = (now - at) / 3_600_000;
  if (hours > options.maxSyncAgeHours) {
    return judged('last sync', 'warn', `${field} is ${Math.round(hours)} h ago, more than the ${options.maxSyncAgeHours} h limit`, FIX_STALE);
  }
  return judged('last sync', 'pass', `${field} is ${hours < 1 ? 'under an hour' : `${Math.round(hours)} h`} ago`);
}

/** A state word is shown as it is; anything else only by its length (a target may echo anything there, a credential included). */
function shownState(value: string): string {
  return /^[A-Za-z][A-Za-z _-]{0,23}$/.test(value) ? JSON.stringify(value) : `a value of ${value.length} characters`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
