import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Route } from 'playwright-core';
import { ProbeError } from '../core/errors.js';
import { defineProbe } from './registry.js';

/** Names a Chromium goes by on PATH (Debian's chromium first). */
export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;
/** One render's whole time, launch included: past it the page is closed and the render is a timeout. */
export const RENDER_TIMEOUT_MS = 15_000;
/** After load, how long the page may stay busy on the network before it is read anyway. */
const SETTLE_MS = 3_000;
/** Requests a render may send (the widget's own calls, fonts, images); the rest are aborted. */
export const MAX_RENDER_REQUESTS = 50;
const MAX_MESSAGES = 5;
const MESSAGE_CHARS = 200;
/**
 * Local Network Access refuses a public page's requests to loopback and private addresses: a staging target there would
 * look broken for a reason production does not have (cross-site loading itself is judged from the headers).
 */
const LOCAL_NETWORK_CHECKS = ['LocalNetworkAccessChecks', 'BlockInsecurePrivateNetworkRequests', 'PrivateNetworkAccessSendPreflights'];
/** Marks the merchant page's own elements, so whatever the widget adds can be counted apart. */
const PAGE_MARK = 'data-readiness-page';

export interface RenderRequest {
  scriptUrl: string;
  /** The storefront the page pretends to be: its URL is this origin's /products/readiness-probe-product. */
  merchantOrigin: string;
  /** Load the script with crossorigin="anonymous", as an embed snippet that wants CORS does. */
  crossOrigin: boolean;
  /** A Chromium executable; default the first of BROWSER_NAMES on PATH. */
  executablePath?: string | undefined;
}

export interface RenderObservation {
  pageUrl: string;
  browserVersion: string;
  /** The script's answer as the browser saw it; failure is Chromium's net error (net::ERR_BLOCKED_BY_RESPONSE…). */
  script: { status: number | null; failure: string | null };
  /** Uncaught exceptions (name: message), at most 5, each cut to 200 characters. */
  pageErrors: string[];
  pageErrorCount: number;
  /** console.error messages, not counting those about requests readiness itself blocked or answered. */
  consoleErrors: string[];
  consoleErrorCount: number;
  /** Elements the page did not have before: the widget's (its hosts, shadow-root contents, styles, iframes). */
  addedElements: number;
  /** Writes the widget tried (method and path), aborted so the render stays read-only. */
  blockedWrites: string[];
  requests: number;
  ms: number;
}

/** The first executable of BROWSER_NAMES on PATH. */
export function findBrowser(pathVariable = process.env.PATH ?? ''): string | undefined {
  for (const name of BROWSER_NAMES) {
    for (const dir of pathVariable.split(path.delimiter).filter(Boolean)) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A plain product page of a store that embeds the widget: every element marked as the page's own. */
export function merchantPage(request: RenderRequest): string {
  const m = PAGE_MARK;
  const cors = request.crossOrigin ? ' crossorigin="anonymous"' : '';
  return (
    `<!doctype html><html lang="en" ${m}><head ${m}><meta charset="utf-8" ${m}><meta name="viewport" content="width=device-width, initial-scale=1" ${m}>` +
    `<title ${m}>Readiness probe product</title></head><body ${m}><main ${m}><h1 ${m}>Readiness probe product</h1>` +
    `<p ${m}>A storefront page readiness renders to see the widget run; nothing here is real.</p></main>` +
    `<script src="${escapeAttribute(request.scriptUrl)}" async${cors} ${m}></script></body></html>`
  );
}

/** Runs in the page (no DOM types here): elements without the page's mark, inside open shadow roots too. */
const COUNT_ADDED_ELEMENTS = `(() => {
  let count = 0;
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (!element.hasAttribute(${JSON.stringify(PAGE_MARK)})) count++;
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  return count;
})()`;

const cut = (text: string) => (text.length > MESSAGE_CHARS ? `${text.slice(0, MESSAGE_CHARS - 1)}…` : text);

/**
 * Renders the widget the way a shopper's browser meets it: headless Chromium (through playwright-core) opens a product
 * page of the merchant origin — answered by readiness itself, nothing is fetched from the store — that embeds the
 * script, then reads what happened. Bounded (one page, RENDER_TIMEOUT_MS, MAX_RENDER_REQUESTS) and read-only: every
 * request but GET/HEAD is aborted and listed. One browser per run, launched on first use.
 */
export class BrowserProbe {
  private browser: Promise<Browser> | undefined;
  private readonly memo = new Map<string, Promise<RenderObservation>>();
  private closed = false;

  constructor(
    private readonly signal: AbortSignal,
    private readonly ignoreHttpsErrors: boolean,
  ) {
    signal.addEventListener('abort', () => void this.close(), { once: true });
  }

  render(request: RenderRequest): Promise<RenderObservation> {
    const key = JSON.stringify(request);
    let pending = this.memo.get(key);
    if (!pending) {
      pending = this.renderOnce(request);
      this.memo.set(key, pending);
    }
    return pending;
  }

  private launch(executablePath: string | undefined): Promise<Browser> {
    if (!this.browser) {
      this.browser = (async () => {
        const executable = executablePath ?? findBrowser();
        if (!executable) {
          throw new ProbeError('unavailable', `no Chromium to render with: none of ${BROWSER_NAMES.join(', ')} is on PATH (install Debian's chromium, or set the browser option)`);
        }
        const { chromium } = await import('playwright-core');
        try {
          // Chromium refuses to run as root inside its sandbox (containers, CI runners).
          const root = typeof process.getuid === 'function' && process.getuid() === 0;
          const args = [...(root ? ['--no-sandbox'] : []), `--disable-features=${LOCAL_NETWORK_CHECKS.join(',')}`];
          return await chromium.launch({ executablePath: executable, timeout: RENDER_TIMEOUT_MS, args });
        } catch (error) {
          throw new ProbeError('unavailable', `could not start ${executable}: ${firstLine(error)}`);
        }
      })();
    }
    return this.browser;
  }

  private async renderOnce(request: RenderRequest): Promise<RenderObservation> {
    if (this.closed || this.signal.aborted) throw new ProbeError('aborted', 'the run was interrupted before the widget was rendered');
    const started = performance.now();
    const browser = await this.launch(request.executablePath);
    const context = await browser.newContext({ ignoreHTTPSErrors: this.ignoreHttpsErrors, serviceWorkers: 'block', acceptDownloads: false });
    let timer: NodeJS.Timeout | undefined;
    try {
      const work = this.observe(context, request, started);
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new ProbeError('timeout', `the widget page did not finish rendering within ${RENDER_TIMEOUT_MS} ms`)), RENDER_TIMEOUT_MS);
      });
      return await Promise.race([work, deadline]);
    } finally {
      clearTimeout(timer);
      await context.close().catch(() => undefined);
    }
  }

  private async observe(context: BrowserContext, request: RenderRequest, started: number): Promise<RenderObservation> {
    const pageUrl = `${request.merchantOrigin}/products/readiness-probe-product`;
    const merchant = new URL(pageUrl).origin;
    const page = await context.newPage();
    const blockedWrites: string[] = [];
    const answeredByUs = new Set<string>();
    let requests = 0;
    await page.route('**/*', async (route: Route) => {
      const req = route.request();
      const url = new URL(req.url());
      if (req.url() === pageUrl) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: merchantPage(request) });
      if (req.method() !== 'GET' && req.method() !== 'HEAD') {
        blockedWrites.push(`${req.method()} ${url.origin === merchant ? '(the store) ' : ''}${url.pathname}`);
        return route.abort('blockedbyclient');
      }
      // The store's own endpoints (cart.js, products/*.js) are not readiness's to call: an empty 404 stands in.
      if (url.origin === merchant) {
        answeredByUs.add(req.url());
        return route.fulfill({ status: 404, contentType: 'application/json', body: '{"readiness-probe":"not a real store"}' });
      }
      if (++requests > MAX_RENDER_REQUESTS) return route.abort('blockedbyclient');
      return route.continue();
    });
    const script: RenderObservation['script'] = { status: null, failure: null };
    page.on('response', (response) => {
      if (response.url() === request.scriptUrl && script.status === null) script.status = response.status();
    });
    page.on('requestfailed', (failed) => {
      if (failed.url() === request.scriptUrl) script.failure = failed.failure()?.errorText ?? 'failed';
    });
    const pageErrors: string[] = [];
    let pageErrorCount = 0;
    page.on('pageerror', (error) => {
      pageErrorCount++;
      if (pageErrors.length < MAX_MESSAGES) pageErrors.push(cut(`${error.name}: ${error.message}`.replace(/^(?:Error: )?Uncaught /, '')));
    });
    const consoleErrors: string[] = [];
    let consoleErrorCount = 0;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const from = message.location().url;
      // What readiness caused itself: the writes it aborted, the store endpoints it answered 404, requests past the cap.
      if (/ERR_BLOCKED_BY_CLIENT/.test(text) || answeredByUs.has(from) || [...answeredByUs].some((url) => text.includes(url))) return;
      consoleErrorCount++;
      if (consoleErrors.length < MAX_MESSAGES) consoleErrors.push(cut(text));
    });
    await page.goto(pageUrl, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
    await page.waitForLoadState('networkidle', { timeout: SETTLE_MS }).catch(() => undefined);
    const addedElements = Number(await page.evaluate(COUNT_ADDED_ELEMENTS));
    return {
      pageUrl,
      browserVersion: context.browser()?.version() ?? 'unknown',
      script,
      pageErrors,
      pageErrorCount,
      consoleErrors,
      consoleErrorCount,
      addedElements,
      blockedWrites: [...new Set(blockedWrites)].slice(0, MAX_MESSAGES),
      requests,
      ms: Math.round(performance.now() - started),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    if (browser) await browser.then((b) => b.close()).catch(() => undefined);
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim().slice(0, MESSAGE_CHARS) ?? 'unknown error';
}

export const browserProbe = defineProbe<BrowserProbe>({
  name: 'browser',
  describes:
    `Opt-in (integration.widget-rendering's render option): headless Chromium through playwright-core opens one product page of the merchant origin, answered by readiness itself, that embeds the widget script; ` +
    `GET/HEAD only (other methods aborted and listed; the store's own endpoints answered 404 locally), at most ${MAX_RENDER_REQUESTS} requests and ${RENDER_TIMEOUT_MS / 1000} s per render, one browser per run.`,
  create: (run) => new BrowserProbe(run.signal, run.extraCa !== undefined),
  close: (probe) => probe.close(),
});
