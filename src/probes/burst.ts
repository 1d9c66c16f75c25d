import type { HttpProbe, HttpResponse } from './http.js';
import { ProbeError } from './errors.js';

export interface BurstResult<Stop> {
  sent: number;
  statuses: number[];
  stop: Stop | undefined;
}

/**
 * Sends up to `count` identical GETs one after another (never in parallel), asking `shouldStop` after each
 * answer. Every request goes through the run's HTTP probe, so its timeouts and per-run request cap still apply.
 */
export async function sendBurst<Stop>(
  http: HttpProbe,
  url: string,
  count: number,
  shouldStop: (previous: HttpResponse | undefined, current: HttpResponse, sent: number) => Stop | undefined,
  signal?: AbortSignal,
): Promise<BurstResult<Stop>> {
  const statuses: number[] = [];
  let previous: HttpResponse | undefined;
  for (let sent = 1; sent <= count; sent++) {
    if (signal?.aborted) throw new ProbeError('aborted', `burst to ${url} stopped after ${sent - 1} requests: the check was stopped`);
    const current = await http.fetchUncached({ url, followRedirects: false, maxBodyBytes: 16 * 1024 });
    statuses.push(current.status);
    const stop = shouldStop(previous, current, sent);
    if (stop !== undefined) return { sent, statuses, stop };
    previous = current;
  }
  return { sent: count, statuses, stop: undefined };
}
