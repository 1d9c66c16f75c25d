import { ProbeError } from '../core/errors.js';

/** First spacing between request starts once an origin answered 429; grown by SLOW_DOWN on each further 429, up to the cap. */
const FIRST_SPACING_MS = 100;
const SLOW_DOWN = 1.5;
const MAX_SPACING_MS = 2_000;
/** Each answer that is not a 429 shortens the spacing by this factor; below MIN_SPACING_MS the origin is unpaced again. */
const SPEED_UP = 0.97;
const MIN_SPACING_MS = 10;

interface Waiter {
  resolve(): void;
  reject(error: Error): void;
}

interface Gate {
  active: number;
  queue: Waiter[];
  /** performance.now() until which the origin asked us to send nothing (429 Retry-After, or our pause after a 429). */
  pausedUntil: number;
  /** Milliseconds between request starts while the origin limits us (0: unpaced), and the next allowed start. */
  spacing: number;
  nextStartAt: number;
  /** When the spacing last grew: 429s to requests sent before that were answers to the old pace. */
  slowedAt: number;
  /** It answered 429 in this run: waiting for it is waiting for its limiter, which gets a longer patience. */
  limited: boolean;
}

/** Why a request was never admitted: the bound passed while it waited. */
export class AdmissionTimeout extends Error {
  constructor(
    /** The origin rate-limited this run (so the wait was for its limiter, not for slow answers). */
    readonly limited: boolean,
    readonly waitedMs: number,
  ) {
    super(limited ? 'waited too long for the rate limit of the origin to lift' : 'waited too long for a free slot of the origin');
    this.name = 'AdmissionTimeout';
  }
}

export interface Admission {
  /** Frees the slot (idempotent). */
  release(): void;
  /** Time spent waiting, ours rather than the target's. */
  waitedMs: number;
  /** The origin had rate-limited this run when the request was admitted. */
  limited: boolean;
}

export interface AdmissionBounds {
  /** Ctrl-C. */
  signal?: AbortSignal;
  /** Longest wait for a slot of an origin that has not rate-limited the run (its slots are held by slow answers). */
  waitMs: number;
  /** Longest wait once the origin has rate-limited the run: its pause and pacing, and the queue they make. */
  limitedWaitMs: number;
}

/**
 * Admission per origin (scheme, host and port): at most `maxInFlight` requests to one origin at a time, whatever the
 * number of checks running. Once an origin answers 429, every later request to it waits out the pause it asked for
 * and is paced (spacing grown on each 429, shortened on each other answer), so a limiter sees a polite client.
 * `--concurrency` bounds checks; this bounds the load one target sees.
 */
export class OriginGates {
  private readonly gates = new Map<string, Gate>();
  private readonly closers = new Set<(error: Error) => void>();
  private closedWith?: Error;

  constructor(readonly maxInFlight: number) {}

  /**
   * Waits (when `obeyLimiter`) for the origin's pause and pacing, and for a free slot. Rejects with AdmissionTimeout
   * when the bounds pass, with the signal's reason on Ctrl-C, and with an `aborted` ProbeError once closed.
   */
  async admit(origin: string, obeyLimiter: boolean, bounds: AdmissionBounds): Promise<Admission> {
    if (this.closedWith) throw this.closedWith;
    const gate = this.gate(origin);
    const started = performance.now();
    const stop = new AbortController();
    const signal = bounds.signal ? AbortSignal.any([bounds.signal, stop.signal]) : stop.signal;
    // The bound is re-read when it fires: an origin that starts limiting us while we wait earns the longer patience.
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const bound = gate.limited ? bounds.limitedWaitMs : bounds.waitMs;
      const left = started + bound - performance.now();
      if (left <= 0) return void stop.abort(new AdmissionTimeout(gate.limited, Math.round(performance.now() - started)));
      timer = setTimeout(arm, left);
    };
    const close = (error: Error) => stop.abort(error);
    this.closers.add(close);
    arm();
    let holding = false;
    const release = () => {
      if (!holding) return;
      holding = false;
      const next = gate.queue.shift();
      // The slot passes straight to the next waiter, so `active` stays the number of requests holding one.
      if (next) next.resolve();
      else gate.active--;
    };
    try {
      for (;;) {
        if (obeyLimiter) {
          // A pause can be extended while we wait (another request got a 429 meanwhile): wait until none is pending.
          for (let wait = gate.pausedUntil - performance.now(); wait > 0; wait = gate.pausedUntil - performance.now()) {
            // A pause that outlasts our patience (Retry-After: 900) is not worth waiting for: say so at once.
            if (gate.pausedUntil > started + bounds.limitedWaitMs) throw new AdmissionTimeout(true, Math.round(performance.now() - started));
            await sleep(wait, signal);
          }
        }
        await this.takeSlot(gate, signal);
        holding = true;
        if (!obeyLimiter || gate.pausedUntil <= performance.now()) break;
        // The origin paused while we queued for the slot: wait the pause out before sending.
        release();
      }
      if (obeyLimiter && gate.spacing > 0) {
        const at = Math.max(performance.now(), gate.nextStartAt);
        gate.nextStartAt = at + gate.spacing;
        await sleep(at - performance.now(), signal);
      }
      return { release, waitedMs: Math.round(performance.now() - started), limited: gate.limited };
    } catch (error) {
      release();
      throw signal.aborted ? (signal.reason as Error) : error;
    } finally {
      clearTimeout(timer);
      this.closers.delete(close);
    }
  }

  /** What the origin answered to a request admitted at `sentAt`: 429 slows it down, anything else speeds it up again. */
  answered(origin: string, status: number, sentAt: number): void {
    const gate = this.gate(origin);
    if (status === 429) {
      gate.limited = true;
      if (sentAt >= gate.slowedAt) {
        gate.spacing = gate.spacing > 0 ? Math.min(gate.spacing * SLOW_DOWN, MAX_SPACING_MS) : FIRST_SPACING_MS;
        gate.slowedAt = performance.now();
      }
    } else if (gate.spacing > 0) {
      gate.spacing = gate.spacing * SPEED_UP < MIN_SPACING_MS ? 0 : gate.spacing * SPEED_UP;
    }
  }

  /** The origin asked for a pause of `ms`; returns when the origin's pause now ends (performance.now()). */
  pause(origin: string, ms: number): number {
    const gate = this.gate(origin);
    gate.pausedUntil = Math.max(gate.pausedUntil, performance.now() + ms);
    return gate.pausedUntil;
  }

  /** Rejects every waiting request and refuses new ones: the run is over or interrupted. */
  close(reason: Error = new ProbeError('aborted', 'the run ended before this request was sent')): void {
    this.closedWith ??= reason;
    for (const close of this.closers) close(this.closedWith);
    this.closers.clear();
  }

  private takeSlot(gate: Gate, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    if (gate.active < this.maxInFlight) {
      gate.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = gate.queue.indexOf(waiter);
        if (at >= 0) gate.queue.splice(at, 1);
        reject(signal.reason as Error);
      };
      const waiter: Waiter = {
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      signal.addEventListener('abort', onAbort, { once: true });
      gate.queue.push(waiter);
    });
  }

  private gate(origin: string): Gate {
    let gate = this.gates.get(origin);
    if (!gate) {
      gate = { active: 0, queue: [], pausedUntil: 0, spacing: 0, nextStartAt: 0, slowedAt: 0, limited: false };
      this.gates.set(origin, gate);
    }
    return gate;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
