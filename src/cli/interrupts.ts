import { err } from './output.js';

/** The signals that end a run early, and the exit code of each: 128 + the signal's number, as shells report it. */
export const INTERRUPT_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type InterruptSignal = keyof typeof INTERRUPT_EXIT_CODES;

const WHY: Record<InterruptSignal, string> = {
  SIGINT: 'Interrupted (Ctrl-C)',
  SIGTERM: 'Terminated (SIGTERM)',
  SIGHUP: 'Hung up (SIGHUP: the terminal closed)',
};

export interface InterruptWatch {
  /** The first signal received, if any. */
  readonly signal: InterruptSignal | undefined;
  /** The exit code for the signal received (130 when none, for a run stopped some other way). */
  exitCode(): number;
  /** Stops listening; the signals' default actions apply again. */
  dispose(): void;
}

/**
 * Ctrl-C, a CI cancel or `timeout` (SIGTERM) and a closed terminal (SIGHUP) all stop a run the same way: `abort`
 * is called, so running checks and probes stop (env commands' process groups are killed by the abort) and the run
 * still reports what finished. A second signal quits at once with the same code.
 */
export function watchInterrupts(abort: () => void): InterruptWatch {
  let received: InterruptSignal | undefined;
  const handlers = (Object.keys(INTERRUPT_EXIT_CODES) as InterruptSignal[]).map((signal) => {
    const handler = () => {
      if (received !== undefined) process.exit(INTERRUPT_EXIT_CODES[received]);
      received = signal;
      const again = signal === 'SIGINT' ? 'Ctrl-C again' : 'the signal again';
      err(`\n${WHY[signal]}: stopping running checks and reporting what finished (${again} to quit at once)\n`);
      abort();
    };
    process.on(signal, handler);
    return { signal, handler };
  });
  return {
    get signal() {
      return received;
    },
    exitCode: () => INTERRUPT_EXIT_CODES[received ?? 'SIGINT'],
    dispose() {
      for (const { signal, handler } of handlers) process.off(signal, handler);
    },
  };
}
