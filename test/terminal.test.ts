import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../src/report/schema.js';
import { LIVE_REDRAW_INTERVAL_MS } from '../src/reporters/live-progress.js';
import { runCliMeasured } from './helpers/pty.js';

const statuses = (report: Report) => Object.fromEntries(report.results.map((r) => [r.id, r.status]));
/** Each redraw of the live summary starts by clearing to the end of the screen. */
const redraws = (screen: string) => screen.split('\x1b[J').length - 1;

/**
 * Issue 10: on a terminal the live view (listr2, 119 tasks) used a core of its own, starving the event loop on two
 * cores until time budgets ran out (12 `error` lines in the demo that a piped run did not give), and it wrote to stdout
 * (`--format json > r.json` began with "❯ Security"). The view is ours, the budgets measure the target.
 */
describe('a terminal changes the view, never the verdicts or stdout', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'readiness-tty-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stderr a terminal, stdout redirected: --format json > file is the report alone, with the statuses of a piped run', async () => {
    const piped = await runCliMeasured(['demo', '--format', 'json'], dir, { terminal: false });
    const file = path.join(dir, 'tty.json');
    const terminal = await runCliMeasured(['demo', '--format', 'json'], dir, { terminal: true, shellTail: `> '${file}'` });

    const pipedReport = reportSchema.parse(JSON.parse(piped.stdout));
    const terminalReport = reportSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(terminal.code).toBe(piped.code);
    expect(statuses(terminalReport)).toEqual(statuses(pipedReport));
    // The live view was drawn, on the terminal (stderr) only.
    expect(terminal.screen).toMatch(/\d+\/119 checks/);
    expect(terminal.screen).not.toContain('"results"');
  });

  it('stdout and stderr a terminal: the same statuses, the view costs little CPU and redraws at most 10 times a second', async () => {
    const pipedOut = path.join(dir, 'piped');
    const terminalOut = path.join(dir, 'terminal');
    const piped = await runCliMeasured(['demo', '--format', 'json', '--out', pipedOut], dir, { terminal: false });
    const terminal = await runCliMeasured(['demo', '--format', 'json', '--out', terminalOut], dir, { terminal: true });

    const read = (out: string) => reportSchema.parse(JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')));
    const terminalReport = read(terminalOut);
    expect(terminal.code).toBe(piped.code);
    expect(statuses(terminalReport)).toEqual(statuses(read(pipedOut)));
    // listr2 spent ~6 CPU seconds on the demo where the piped run spends ~1: the view must be a rounding error.
    console.log(`demo CPU: piped ${piped.cpuSeconds.toFixed(2)} s, terminal ${terminal.cpuSeconds.toFixed(2)} s; ${redraws(terminal.screen)} redraws in ${terminalReport.durationMs} ms`);
    expect(terminal.cpuSeconds).toBeLessThan(piped.cpuSeconds * 1.5 + 1);
    expect(redraws(terminal.screen)).toBeLessThanOrEqual(Math.ceil(terminalReport.durationMs / LIVE_REDRAW_INTERVAL_MS) + 2);
  });
});
