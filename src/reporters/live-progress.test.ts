import { describe, expect, it } from 'vitest';
import { result } from '../../test/helpers/report.js';
import { registerSecret } from '../core/redact.js';
import { outcome } from '../core/outcome.js';
import { defineCheck, type Check } from '../kit/check.js';
import { createLiveProgress } from './live-progress.js';

/** A terminal-shaped stream that keeps what was written to it. */
function terminal(columns = 60, rows = 40) {
  const writes: string[] = [];
  const stream = { columns, rows, isTTY: true, write: (chunk: string) => writes.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
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

const databaseChecks: Check[] = Array.from({ length: 4 }, (_, i) =>
  defineCheck({
    id: `database.line-${i}`,
    section: 'database',
    item: `Line ${i}`,
    severity: 'high',
    automation: 'automated',
    needs: [],
    verifies: 'test',
    how: 'test',
    remediation: 'test',
    run: async () => outcome('pass', 'ok'),
  }),
);

/** The last frame drawn: what a person sees once the redraws are done. */
const lastFrame = (writes: string[]) => writes.at(-1)!.replace(/^\r(\x1b\[\d+A)?\x1b\[J/, '');

describe('the live progress view', () => {
  it('draws one frame per interval however many checks finish, in one write each, one line per section', async () => {
    const tty = terminal();
    const all = [...checks, ...databaseChecks];
    const live = createLiveProgress(all, { stream: tty.stream, colorLevel: 0, intervalMs: 50 });
    for (const check of all) live.listener.onStart?.(check);
    for (const check of checks) live.listener.onResult?.(result({ id: check.id, status: check.automation === 'manual' ? 'manual' : 'fail' }));
    expect(tty.writes).toHaveLength(0);
    await wait(150);
    expect(tty.writes).toHaveLength(1);
    const frame = tty.writes[0]!.split('\n');
    expect(frame).toHaveLength(3);
    expect(frame[0]).toMatch(/^120\/124 checks · \d+ s {2}✖ 60 {2}◌ 60$/);
    expect(frame[1]).toMatch(/^✖ Security 120\/120 {2}✖ 60 {2}◌ 60$/);
    // An unfinished section spins and names what is running, cut to the width.
    expect(frame[2]).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Database {5}0\/4 {2}running: database\.line-0, database\.lin…$/);
    for (const line of frame) expect([...line].length).toBeLessThanOrEqual(59);
    live.listener.onResult?.(result({ id: 'database.line-0', status: 'warn' }));
    await wait(150);
    expect(lastFrame(tty.writes).split('\n')[2]).toMatch(/Database {5}1\/4 {2}▲ 1 {2}running: database\.line-1, databas…$/);
    live.finish();
    // The view is erased at the end, leaving one line of totals for the report to follow.
    expect(tty.writes.at(-1)).toMatch(/^\r\x1b\[2A\x1b\[J121\/124 checks in [\d.]+ s {2}✖ 60 {2}▲ 1 {2}◌ 60\n$/);
  });

  it('on a terminal too short for every section, shows the unfinished ones and counts the rest', async () => {
    const tty = terminal(60, 4);
    const sectioned = ['security', 'database', 'testing', 'deployment', 'monitoring'].map((section) =>
      defineCheck({ ...checks[0]!, id: `${section}.one`, section: section as Check['section'], run: async () => outcome('pass', 'ok') }),
    );
    const live = createLiveProgress(sectioned, { stream: tty.stream, colorLevel: 0, intervalMs: 10 });
    live.listener.onResult?.(result({ id: 'security.one', status: 'pass' }));
    await wait(60);
    live.finish();
    const frame = tty.writes[0]!.split('\n');
    expect(frame).toHaveLength(3);
    expect(frame[1]).toMatch(/Database/);
    expect(frame[2]).toBe('… 4 more sections');
  });

  it('keeps each coloured line to the terminal width, so a redraw erases exactly what it drew', async () => {
    const tty = terminal(30);
    const live = createLiveProgress(checks, { stream: tty.stream, colorLevel: 3, intervalMs: 10 });
    for (const check of checks.slice(0, 10)) live.listener.onStart?.(check);
    await wait(60);
    live.finish();
    const frame = tty.writes[0]!.split('\n');
    expect(frame).toHaveLength(2);
    expect(frame.join('')).toMatch(/\x1b\[/);
    for (const line of frame) expect([...line.replace(/\x1b\[[0-9;]*m/g, '')].length).toBeLessThanOrEqual(29);
  });

  it('shows ids from the catalog, never a message, and freezes on Ctrl-C so the notice written under it stays', async () => {
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
    expect(after).toMatch(/^\n1\/120 checks in [\d.]+ s {2}⚠ 1\n$/);
    expect(tty.text()).not.toContain(secret);
  });
});
