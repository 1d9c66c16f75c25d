import { outcome, type OutcomeExtras } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { header, type HttpResponse } from '../probes/http-response.js';

/** Health bodies that answer 200 but say they are not healthy (Spring, Terminus, many hand-written ones). */
const UNHEALTHY = /^(down|fail|failed|failure|error|unhealthy|critical|out_of_service)$/i;
const DEGRADED = /^(degraded|warn|warning|partial)$/i;

/**
 * 200 within the limit is healthy. A redirect is not (it is often a login page answering 200 after the hop),
 * and a 200 whose JSON says "down" is not either.
 */
export function judgeHealth(response: HttpResponse, maxMs: number): CheckOutcome {
  const evidence: OutcomeExtras['evidence'] = {
    url: response.url,
    status: response.status,
    ms: response.timing.totalMs,
    contentType: header(response, 'content-type') ?? null,
  };
  if (response.status >= 300 && response.status < 400) {
    return outcome('fail', `answered ${response.status}, a redirect to ${header(response, 'location') ?? '(no Location)'}, not 200`, {
      evidence,
      remediation: 'Serve the health route directly (no auth redirect, no trailing-slash redirect) and answer 200 when healthy.',
    });
  }
  if (response.status !== 200) {
    return outcome('fail', `answered ${response.status}, not 200`, {
      evidence,
      remediation: 'Make the health route answer 200 when the service can serve traffic; check the service logs for why it does not.',
    });
  }
  const reported = healthStatusField(response.body);
  if (reported !== undefined) evidence.reportedStatus = reported;
  if (reported !== undefined && UNHEALTHY.test(reported)) {
    return outcome('fail', `answered 200 but its body reports status "${reported}"`, { evidence });
  }
  if (response.timing.totalMs > maxMs) {
    return outcome('fail', `answered 200 in ${response.timing.totalMs} ms, slower than the ${maxMs} ms limit`, { evidence });
  }
  if (reported !== undefined && DEGRADED.test(reported)) {
    return outcome('warn', `answered 200 in ${response.timing.totalMs} ms but reports status "${reported}"`, { evidence });
  }
  return outcome('pass', `200 in ${response.timing.totalMs} ms`, { evidence });
}

function healthStatusField(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'status' in parsed) {
      const status = (parsed as { status: unknown }).status;
      return typeof status === 'string' ? status : undefined;
    }
  } catch {
    // not JSON: a plain "OK" body is fine
  }
  return undefined;
}
