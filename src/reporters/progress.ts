import { Chalk } from 'chalk';
import type { Check } from '../kit/check.js';
import type { RunListener } from '../run/runner.js';
import { redactText } from '../core/redact.js';
import { safeLine } from '../core/safe-text.js';
import { createLiveProgress } from './live-progress.js';
import { STATUS_LABEL } from './symbols.js';

export interface Progress {
  listener: RunListener;
  /** Waits for the live view to draw its last frame. */
  finish(): Promise<void>;
}

export interface ProgressOptions {
  stream: NodeJS.WriteStream;
  tty: boolean;
  colorLevel: 0 | 1 | 2 | 3;
  /** `--quiet`: only lines that need attention, never the live view. */
  quiet?: boolean;
  /** The run's interrupt (Ctrl-C): the live summary stops redrawing so the CLI's notice stays readable. */
  signal?: AbortSignal;
}

/**
 * Progress on the given stream (stderr, never stdout): on a terminal a compact view redrawn in place, otherwise one
 * plain line per finished check (CI logs; with --quiet, only the lines that need attention).
 */
export async function createProgress(checks: readonly Check[], options: ProgressOptions): Promise<Progress> {
  if (!options.tty || options.quiet) return createPlainProgress(checks, options);
  const live = createLiveProgress(checks, { stream: options.stream, colorLevel: options.colorLevel, ...(options.signal ? { signal: options.signal } : {}) });
  return {
    listener: live.listener,
    async finish() {
      live.finish();
    },
  };
}

function createPlainProgress(checks: readonly Check[], options: ProgressOptions): Progress {
  const c = new Chalk({ level: options.colorLevel });
  const width = String(checks.length).length;
  let done = 0;
  let manual = 0;
  return {
    listener: {
      // A message may quote the target or an attestation: one visible line, so it can forge no progress line.
      onResult(result) {
        done++;
        // Manual lines finish instantly and say the same thing; the summary counts them.
        if (result.status === 'manual') {
          manual++;
          return;
        }
        if (options.quiet && !['fail', 'error', 'warn'].includes(result.status)) return;
        const counter = c.dim(`[${String(done).padStart(width)}/${checks.length}]`);
        options.stream.write(`${counter} ${STATUS_LABEL[result.status].padEnd(6)} ${result.id} (${result.durationMs} ms) ${safeLine(redactText(result.message))}\n`);
      },
    },
    async finish() {
      if (manual > 0 && !options.quiet) options.stream.write(c.dim(`${manual} manual line(s) await attestation\n`));
    },
  };
}
