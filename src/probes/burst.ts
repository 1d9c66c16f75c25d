import { ProbeError } from '../core/errors.js';
import { httpProbe, type HttpProbe, type HttpResponse } from './http.js';
import { defineProbe } from './registry.js';

export interface BurstResult<Stop> {
  sent: number;
  statuses: number[];
  stop: Stop | undefined;
}

/**
 * Sends up to `count` identical GETs one after another (never in parallel), asking `shouldStop` after each
 * answer. Every request goes through the run's HTTP probe, so its timeouts and per-run request cap still apply.
 */
async function sendBurst<Stop>(
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

/** The opt-in burst of the rate-limit check: sequential, capped by the caller and by the HTTP probe's request cap. */
export class BurstProbe {
  constructor(private readonly http: HttpProbe) {}

  send<Stop>(
    url: string,
    count: number,
    shouldStop: (previous: HttpResponse | undefined, current: HttpResponse, sent: number) => Stop | undefined,
    signal?: AbortSignal,
  ): Promise<BurstResult<Stop>> {
    return sendBurst(this.http, url, count, shouldStop, signal);
  }
}

export const burstProbe = defineProbe<BurstProbe>({
  name: 'burst',
  describes: 'Up to the configured number (hard cap 100) of identical GETs to one cheap route, one after another, stopping at the first sign of a limiter; never a login route.',
  create: (run) => new BurstProbe(run.get(httpProbe)),
});
