import { Chalk } from 'chalk';
import type { Check } from '../kit/check.js';
import type { RunListener } from '../run/runner.js';
import { SECTIONS } from '../core/sections.js';
import { redactText } from '../core/redact.js';
import type { CheckResult } from '../core/types.js';
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
}

/** Live progress on stderr: listr2 on a terminal, one plain line per finished check otherwise (CI logs). */
export async function createProgress(checks: readonly Check[], options: ProgressOptions): Promise<Progress> {
  return options.tty ? createLiveProgress(checks, options) : createPlainProgress(checks, options);
}

function createPlainProgress(checks: readonly Check[], options: ProgressOptions): Progress {
  const c = new Chalk({ level: options.colorLevel });
  const width = String(checks.length).length;
  let done = 0;
  let manual = 0;
  return {
    listener: {
      onResult(result) {
        done++;
        // Manual lines finish instantly and say the same thing; the summary counts them.
        if (result.status === 'manual') {
          manual++;
          return;
        }
        const counter = c.dim(`[${String(done).padStart(width)}/${checks.length}]`);
        options.stream.write(`${counter} ${STATUS_LABEL[result.status].padEnd(6)} ${result.id} (${result.durationMs} ms) ${redactText(result.message)}\n`);
      },
    },
    async finish() {
      if (manual > 0) options.stream.write(c.dim(`${manual} manual line(s) await attestation\n`));
    },
  };
}

async function createLiveProgress(checks: readonly Check[], options: ProgressOptions): Promise<Progress> {
  const { Listr, ListrLogger, ProcessOutput } = await import('listr2');
  const waiting = new Map<string, (result: CheckResult) => void>();
  const settled = new Map<string, CheckResult>();
  const resultOf = (id: string) =>
    new Promise<CheckResult>((resolve) => {
      const known = settled.get(id);
      if (known) resolve(known);
      else waiting.set(id, resolve);
    });

  const sections = SECTIONS.map((section) => ({ section, checks: checks.filter((check) => check.section === section.id) })).filter(
    (group) => group.checks.length > 0,
  );
  const tasks = new Listr(
    sections.map(({ section, checks: group }) => {
      // Manual lines finish at once and all say "attest me": the live view follows the lines a machine verifies.
      const verified = group.filter((check) => check.automation !== 'manual');
      const manual = group.length - verified.length;
      return {
        title: `${section.title}${manual > 0 ? ` (${manual} manual)` : ''}`,
        task: (_ctx, task) =>
          task.newListr(
            verified.map((check) => ({
              title: check.item,
              task: async (_c, sub) => {
                const result = await resultOf(check.id);
                const message = redactText(result.message);
                if (result.status === 'fail' || result.status === 'error') throw new Error(`${STATUS_LABEL[result.status]}: ${message}`);
                if (result.status === 'skip' || result.status === 'manual') {
                  sub.skip(`${check.item} — ${STATUS_LABEL[result.status]}`);
                  return;
                }
                sub.title = `${check.item} — ${STATUS_LABEL[result.status]}${result.status === 'warn' ? `: ${message}` : ''}`;
              },
            })),
            { concurrent: true, exitOnError: false },
          ),
      };
    }),
    {
      concurrent: true,
      exitOnError: false,
      registerSignalListeners: false,
      rendererOptions: {
        // The live view goes to stderr so that stdout carries only the report.
        logger: new ListrLogger({ processOutput: new ProcessOutput(options.stream, options.stream) }),
        collapseSubtasks: true,
        collapseErrors: false,
      },
    },
  );
  const running = tasks.run().catch(() => undefined);
  return {
    listener: {
      onResult(result) {
        settled.set(result.id, result);
        waiting.get(result.id)?.(result);
      },
    },
    async finish() {
      await running;
    },
  };
}
