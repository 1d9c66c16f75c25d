import { Chalk } from 'chalk';
import type { Check } from '../kit/check.js';
import type { RunListener } from '../run/runner.js';
import { redactText } from '../core/redact.js';
import type { CheckResult, Status } from '../core/types.js';
import { STATUS_LABEL } from './symbols.js';

/** Redraws at most this often: the view must cost the run nothing its time budgets could notice. */
export const LIVE_REDRAW_INTERVAL_MS = 100;
/** The elapsed-time counter ticks this often when nothing else changes. */
const CLOCK_TICK_MS = 1_000;
const RUNNING_SHOWN = 3;
const COUNTED: readonly Status[] = ['pass', 'fail', 'error', 'warn', 'skip', 'manual'];

export interface LiveProgressOptions {
  stream: NodeJS.WriteStream;
  colorLevel: 0 | 1 | 2 | 3;
  intervalMs?: number;
  /**
   * Ctrl-C: the CLI writes its notice below the summary, so the summary stops being redrawn (a redraw would erase the
   * notice) and stays as it was; finished lines still follow.
   */
  signal?: AbortSignal;
}

export interface LiveProgress {
  listener: RunListener;
  /** Erases the summary lines and prints what is still pending, leaving the terminal to the report. */
  finish(): void;
}

/**
 * The terminal view: one permanent line per finished automated check (as in CI logs), under which two summary lines
 * (counts, elapsed time, what is running) are redrawn in place — throttled, in one write per frame, with timers that
 * never keep the process alive. Everything goes to the given stream (stderr); nothing to stdout.
 */
export function createLiveProgress(checks: readonly Check[], options: LiveProgressOptions): LiveProgress {
  const { stream } = options;
  const c = new Chalk({ level: options.colorLevel });
  const interval = options.intervalMs ?? LIVE_REDRAW_INTERVAL_MS;
  const started = performance.now();
  const counts = new Map<Status, number>();
  const running = new Set<string>();
  const pending: string[] = [];
  const width = String(checks.length).length;
  let done = 0;
  let footerLines = 0;
  let lastDraw = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let frozen = false;

  const clock = setInterval(() => schedule(), CLOCK_TICK_MS);
  clock.unref();
  options.signal?.addEventListener(
    'abort',
    () => {
      frozen = true;
      footerLines = 0;
    },
    { once: true },
  );

  function schedule(): void {
    if (finished || timer) return;
    const wait = Math.max(0, lastDraw + interval - performance.now());
    timer = setTimeout(() => {
      timer = undefined;
      draw(true);
    }, wait);
    timer.unref();
  }

  function draw(withFooter: boolean): void {
    lastDraw = performance.now();
    let frame = erase();
    for (const line of pending.splice(0)) frame += `${line}\n`;
    const footer = withFooter && !frozen ? summary() : [];
    frame += footer.join('\n');
    footerLines = footer.length;
    if (frame) stream.write(frame);
  }

  /** Moves back to the first summary line and clears to the end of the screen (the cursor sits at the end of the last). */
  function erase(): string {
    if (frozen) return '';
    if (footerLines === 0) return '';
    return `\r${footerLines > 1 ? `\x1b[${footerLines - 1}A` : ''}\x1b[J`;
  }

  function summary(): string[] {
    const columns = Math.max(20, (stream.columns || 80) - 1);
    const seconds = Math.floor((performance.now() - started) / 1000);
    const tally = COUNTED.filter((s) => (counts.get(s) ?? 0) > 0).map((s) => `${counts.get(s)} ${s}`);
    const head = fit(`${done}/${checks.length} checks${tally.length > 0 ? ` · ${tally.join(' · ')}` : ''} · ${seconds} s`, columns);
    const lines = [c.bold(head)];
    if (running.size > 0) {
      const ids = [...running];
      const shown = ids.slice(0, RUNNING_SHOWN).join(', ');
      const more = ids.length > RUNNING_SHOWN ? ` +${ids.length - RUNNING_SHOWN} more` : '';
      lines.push(c.dim(fit(`running ${ids.length}: ${shown}${more}`, columns)));
    }
    return lines;
  }

  return {
    listener: {
      onStart(check) {
        running.add(check.id);
        schedule();
      },
      onResult(result: CheckResult) {
        running.delete(result.id);
        done++;
        counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
        // Manual lines finish at once and all say "attest me": the summary counts them, the log follows the rest.
        if (result.status !== 'manual') {
          const counter = c.dim(`[${String(done).padStart(width)}/${checks.length}]`);
          const message = redactText(result.message).replace(/\s+/g, ' ');
          pending.push(`${counter} ${STATUS_LABEL[result.status].padEnd(6)} ${result.id} (${result.durationMs} ms) ${message}`);
        }
        schedule();
      },
    },
    finish() {
      if (finished) return;
      finished = true;
      clearInterval(clock);
      if (timer) clearTimeout(timer);
      timer = undefined;
      draw(false);
      const manual = counts.get('manual') ?? 0;
      if (manual > 0) stream.write(c.dim(`${manual} manual line(s) await attestation\n`));
    },
  };
}

/** Cuts a plain line to the terminal's width, so a wrapped line never throws off the cursor-up count. */
function fit(line: string, columns: number): string {
  return line.length <= columns ? line : `${line.slice(0, columns - 1)}…`;
}
