import { Chalk, type ChalkInstance } from 'chalk';
import type { Check } from '../kit/check.js';
import type { RunListener } from '../run/runner.js';
import { SECTIONS } from '../core/sections.js';
import type { CheckResult, Status } from '../core/types.js';
import { STATUS_SYMBOL, statusColour, worstStatus } from './symbols.js';

/** Redraws at most this often: the view must cost the run nothing its time budgets could notice. */
export const LIVE_REDRAW_INTERVAL_MS = 100;
/** The spinner and the clock turn this often when no result arrives. */
const SPINNER_TICK_MS = 250;
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const COUNTED: readonly Status[] = ['fail', 'error', 'warn', 'pass', 'skip', 'manual'];

export interface LiveProgressOptions {
  stream: NodeJS.WriteStream;
  colorLevel: 0 | 1 | 2 | 3;
  intervalMs?: number;
  /**
   * Ctrl-C: the CLI writes its notice below the view, so the view stops being redrawn (a redraw would erase the
   * notice) and stays as it was.
   */
  signal?: AbortSignal;
}

export interface LiveProgress {
  listener: RunListener;
  /** Erases the view and leaves one line of totals, handing the terminal to the report. */
  finish(): void;
}

interface SectionState {
  title: string;
  total: number;
  done: number;
  counts: Map<Status, number>;
  running: string[];
}

/** A piece of a line: its plain text (what the width counts) and how it is coloured. */
type Segment = [text: string, colour?: ChalkInstance];

/**
 * The terminal view: a header and one line per checklist section (spinner, done/total, counts by status, the checks
 * still running), redrawn in place — throttled, in one write per frame, each line cut to the terminal's width, with
 * timers that never keep the process alive. Its cost is a few short strings per frame whatever the number of checks.
 * Everything goes to the given stream (stderr); nothing to stdout.
 */
export function createLiveProgress(checks: readonly Check[], options: LiveProgressOptions): LiveProgress {
  const { stream } = options;
  const c = new Chalk({ level: options.colorLevel });
  const interval = options.intervalMs ?? LIVE_REDRAW_INTERVAL_MS;
  const started = performance.now();
  const sections = new Map<string, SectionState>();
  for (const s of SECTIONS) {
    const total = checks.filter((check) => check.section === s.id).length;
    if (total > 0) sections.set(s.id, { title: s.title, total, done: 0, counts: new Map(), running: [] });
  }
  const titleWidth = Math.max(0, ...[...sections.values()].map((s) => s.title.length));
  const countWidth = Math.max(0, ...[...sections.values()].map((s) => `${s.total}/${s.total}`.length));
  const totals = new Map<Status, number>();
  let done = 0;
  let drawnLines = 0;
  let lastDraw = -Infinity;
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  let finished = false;
  let frozen = false;

  const ticker = setInterval(() => schedule(), SPINNER_TICK_MS);
  ticker.unref();
  options.signal?.addEventListener(
    'abort',
    () => {
      frozen = true;
      drawnLines = 0;
    },
    { once: true },
  );

  function schedule(): void {
    if (finished || frozen || timer) return;
    const wait = Math.max(0, lastDraw + interval - performance.now());
    timer = setTimeout(() => {
      timer = undefined;
      draw();
    }, wait);
    timer.unref();
  }

  function draw(): void {
    if (frozen) return;
    lastDraw = performance.now();
    frame++;
    const lines = view();
    stream.write(`${erase()}${lines.join('\n')}`);
    drawnLines = lines.length;
  }

  /** Moves back to the first line drawn and clears to the end of the screen (the cursor sits at the end of the last). */
  function erase(): string {
    if (drawnLines === 0) return '';
    return `\r${drawnLines > 1 ? `\x1b[${drawnLines - 1}A` : ''}\x1b[J`;
  }

  function columns(): number {
    return Math.max(20, (stream.columns || 80) - 1);
  }

  function view(): string[] {
    const width = columns();
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    const header = render([[`${done}/${checks.length} checks`, c.bold], [` · ${seconds} s`, c.dim], ...tally(totals)], width);
    const all = [...sections.values()];
    // Cursor-up cannot climb past the top of the screen: on a short terminal the finished sections give way first.
    const room = stream.rows && stream.rows > 2 ? stream.rows - 2 : Infinity;
    if (all.length <= room) return [header, ...all.map((s) => sectionLine(s, width))];
    const open = all.filter((s) => s.done < s.total);
    const shown = open.slice(0, Math.max(0, room - 1));
    const hidden = all.length - shown.length;
    return [header, ...shown.map((s) => sectionLine(s, width)), c.dim(render([[`… ${hidden} more section${hidden > 1 ? 's' : ''}`]], width))];
  }

  function sectionLine(s: SectionState, width: number): string {
    const complete = s.done === s.total;
    const worst = worstStatus(s.counts);
    const marker: Segment = complete
      ? [STATUS_SYMBOL[worst ?? 'pass'], statusColour(worst ?? 'pass', c)]
      : [SPINNER[frame % SPINNER.length]!, c.cyan];
    const count = `${s.done}/${s.total}`.padStart(countWidth);
    const segments: Segment[] = [marker, [` ${s.title.padEnd(titleWidth)} `], [count, c.dim], ...tally(s.counts)];
    if (s.running.length > 0) segments.push([`  running: ${s.running.join(', ')}`, c.dim]);
    return render(segments, width);
  }

  function tally(counts: ReadonlyMap<Status, number>): Segment[] {
    return COUNTED.filter((status) => (counts.get(status) ?? 0) > 0).map((status): Segment => [`  ${STATUS_SYMBOL[status]} ${counts.get(status)}`, statusColour(status, c)]);
  }

  return {
    listener: {
      onStart(check) {
        sections.get(check.section)?.running.push(check.id);
        schedule();
      },
      onResult(result: CheckResult) {
        done++;
        totals.set(result.status, (totals.get(result.status) ?? 0) + 1);
        const section = sections.get(result.section);
        if (section) {
          section.done++;
          section.counts.set(result.status, (section.counts.get(result.status) ?? 0) + 1);
          section.running = section.running.filter((id) => id !== result.id);
        }
        schedule();
      },
    },
    finish() {
      if (finished) return;
      finished = true;
      clearInterval(ticker);
      if (timer) clearTimeout(timer);
      timer = undefined;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const last = render([[`${done}/${checks.length} checks`, c.bold], [` in ${seconds} s`, c.dim], ...tally(totals)], columns());
      stream.write(`${frozen ? '\n' : erase()}${last}\n`);
      drawnLines = 0;
    },
  };
}

/**
 * Joins coloured segments, cut to `width` visible characters: a line that wrapped would throw off the cursor-up
 * count of the next redraw. The width is counted on the plain text, so colour codes never count.
 */
function render(segments: readonly Segment[], width: number): string {
  let used = 0;
  let out = '';
  for (const [text, colour] of segments) {
    const room = width - used;
    if (room <= 0) break;
    const piece = [...text].length <= room ? text : `${[...text].slice(0, room - 1).join('')}…`;
    used += [...piece].length;
    out += colour ? colour(piece) : piece;
  }
  return out;
}
