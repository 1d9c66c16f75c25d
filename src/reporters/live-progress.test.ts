import { describe, expect, it } from 'vitest';
import { result } from '../../test/helpers/report.js';
import { registerSecret } from '../core/redact.js';
import { outcome } from '../core/outcome.js';
import { defineCheck, type Check } from '../kit/check.js';
import { createLiveProgress } from './live-progress.js';

/** A terminal-shaped stream that keeps what was written to it. */
function terminal(columns = 60) {
  const writes: string[] = [];
  const stream = { columns, isTTY: true, write: (chunk: string) => writes.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes, text: () => writes.join('') };
}

const checks: Check[] = Array.from({ length: 120 }, (_, i) =>
  defineCheck({
    id: `security.line-${i}`,
    section: 'security',
    item: `Line ${i}`,
    severity: 'high',
    automation: i % 2 === 0 ? 'automated' : 'manual',
    needs: [],
    verifies: 'test',
    how: 'test',
    remediation: 'test',
    run: async () => outcome('pass', 'ok'),
  }),
);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live progress view', () => {
  it('draws one frame per interval however many checks finish, in one write each', async () => {
    const tty = terminal();
    const live = createLiveProgress(checks, { stream: tty.stream, colorLevel: 0, intervalMs: 50 });
    for (const check of checks) {
      live.listener.onStart?.(check);
      live.listener.onResult?.(result({ id: check.id, status: check.automation === 'manual' ? 'manual' : 'fail' }));
    }
    expect(tty.writes).toHaveLength(0);
    await wait(150);
    expect(tty.writes).toHaveLength(1);
    live.finish();
    const text = tty.text();
    // Every automated line once, manual lines counted, and the summary erased at the end.
    expect(text.match(/FAIL {3}security\.line-\d+/g)).toHaveLength(60);
    expect(text).toContain('120/120 checks · 60 fail · 60 manual');
    expect(text.endsWith('60 manual line(s) await attestation\n')).toBe(true);
    expect(tty.writes.at(-2)).toMatch(/^\r\x1b\[J/);
  });

  it('cuts the summary to the terminal width, so a redraw erases exactly what it drew', async () => {
    const tty = terminal(30);
    const live = createLiveProgress(checks, { stream: tty.stream, colorLevel: 0, intervalMs: 10 });
    for (const check of checks.slice(0, 10)) live.listener.onStart?.(check);
    await wait(60);
    live.finish();
    const summary = tty.writes[0]!.split('\n');
    expect(summary).toHaveLength(2);
    for (const line of summary) expect(line.length).toBeLessThanOrEqual(29);
  });

  it('redacts messages and freezes the summary on Ctrl-C, so the notice written under it stays', async () => {
    const secret = 's3cr3t-live-progress-value';
    registerSecret(secret);
    const tty = terminal();
    const interrupt = new AbortController();
    const live = createLiveProgress(checks, { stream: tty.stream, colorLevel: 0, intervalMs: 10, signal: interrupt.signal });
    live.listener.onStart?.(checks[0]!);
    await wait(40);
    tty.stream.write('\nInterrupted: stopping running checks\n');
    interrupt.abort();
    live.listener.onResult?.(result({ id: checks[0]!.id, status: 'error', message: `leaked ${secret}` }));
    await wait(40);
    live.finish();
    const after = tty.text().split('Interrupted: stopping running checks\n')[1]!;
    expect(after).not.toMatch(/\x1b\[/);
    expect(after).toContain('ERROR  security.line-0');
    expect(tty.text()).not.toContain(secret);
  });
});
