import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringify } from 'yaml';
import { catalog } from '../checks/index.js';
import { parseConfig, selectEnvironment } from '../src/config/load.js';
import { RunProbes } from '../src/probes/probe-set.js';
import { runChecks } from '../src/run/runner.js';

/**
 * The README's list of requests the active probes send, observed rather than written: each scenario runs one check
 * through the real runner and probes against a loopback recorder, and the table shows what arrived. `npm run requests`
 * writes it between the README's markers; test/request-list.test.ts fails when the README is stale. A check that
 * starts sending another request changes the list by itself.
 *
 * To add a check (widget rendering, conversion tracking, product sync, …): add its scenarios to REQUEST_SCENARIOS —
 * the environment it needs, pointed at the recorder's `base`, the placeholders that turn recorded paths and values
 * into config keys, and, if the check needs a particular answer to go on, `answer` — then run `npm run requests`.
 */
export interface RequestScenario {
  check: string;
  /** What is configured, as the table's reader would say it: "shopify, with secret". */
  label: string;
  environment(base: string): Record<string, unknown>;
  /**
   * Literal → shown, applied in order to paths, queries and header values: concrete config values become their keys.
   * A (global) RegExp stands for what changes on every run: a timestamp, a random nonce, a signature.
   */
  placeholders: readonly (readonly [string | RegExp, string])[];
  /** The recorder's answer; default 401 with a small JSON error (a receiver or API refusing what it cannot verify). */
  answer?: (request: ObservedRequest, index: number) => RecorderAnswer;
}

export interface RecorderAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface ObservedRequest {
  method: string;
  /** Path and query as sent. */
  target: string;
  headers: Record<string, string>;
  bodyBytes: number;
}

/** A signing secret only the scenarios use: signatures are computed locally and never shown (header values that look random are elided). */
const DOC_SECRET = 'readiness-request-list-secret';
const DOC_KEY = 'readiness-request-list-key-0123456789abcdef';
const refuse = (): RecorderAnswer => ({ status: 401, headers: { 'content-type': 'application/json' }, body: '{"error":"unauthorized"}' });
const webhook = (provider: string, secret: boolean) => (base: string) => ({
  webhooks: [{ url: `${base}/webhooks/${provider}`, provider, ...(secret ? { secret: DOC_SECRET } : {}) }],
});
const webhookPlaceholders = (provider: string) => [[`/webhooks/${provider}`, '<webhooks[].url>'], ['/webhooks/', '<webhooks[].url>/../']] as const;

const OAUTH_PLACEHOLDERS: RequestScenario['placeholders'] = [
  ['/auth/callback', '<oauth.callback>'],
  ['/auth', '<oauth.install>'],
  ['readiness-probe.myshopify.com', '<oauth.shop>'],
  ['recorder-state-1', "<the first answer's state>"],
  // The signed callback's parts made afresh each run (the forged one's all-zero hmac and fixed timestamp stay as sent).
  [/readiness-probe-code-[0-9a-f]{16}/g, 'readiness-probe-code-<random>'],
  [/readiness-probe-never-issued-[0-9a-f]{24}/g, 'readiness-probe-never-issued-<random>'],
  [/hmac=(?!0{64})[0-9a-f]{64}/g, 'hmac=<HMAC-SHA256 with oauth.secret>'],
  [/timestamp=(?!1700000000)\d+/g, 'timestamp=<now>'],
];
// The install answers as Shopify apps do, a redirect to the authorize URL with a fresh state, so the callback is probed with it.
const oauthAnswer = (request: ObservedRequest, index: number): RecorderAnswer =>
  request.target.startsWith('/auth?')
    ? { status: 302, headers: { location: `https://readiness-probe.myshopify.com/admin/oauth/authorize?client_id=docs&scope=read_products&redirect_uri=https%3A%2F%2Fapp.example.com%2Fauth%2Fcallback&state=recorder-state-${index + 1}` } }
    : refuse();

export const REQUEST_SCENARIOS: readonly RequestScenario[] = [
  { check: 'security.shopify-webhook-hmac', label: 'shopify, with secret', environment: webhook('shopify', true), placeholders: webhookPlaceholders('shopify') },
  { check: 'security.shopify-webhook-hmac', label: 'shopify, no secret', environment: webhook('shopify', false), placeholders: webhookPlaceholders('shopify') },
  { check: 'integration.webhook-handlers', label: 'stripe, with secret', environment: webhook('stripe', true), placeholders: webhookPlaceholders('stripe') },
  { check: 'integration.webhook-handlers', label: 'github, with secret', environment: webhook('github', true), placeholders: webhookPlaceholders('github') },
  { check: 'integration.webhook-handlers', label: 'generic (or no secret)', environment: webhook('generic', false), placeholders: webhookPlaceholders('generic') },
  { check: 'integration.woocommerce-magento-webhooks', label: 'woocommerce, with secret', environment: webhook('woocommerce', true), placeholders: webhookPlaceholders('woocommerce') },
  { check: 'integration.woocommerce-magento-webhooks', label: 'magento', environment: webhook('magento', false), placeholders: webhookPlaceholders('magento') },
  { check: 'infrastructure.webhooks-reachable', label: 'any provider, no secret, rejected', environment: webhook('shopify', false), placeholders: webhookPlaceholders('shopify') },
  { check: 'infrastructure.webhooks-reachable', label: 'shopify, with secret, rejected', environment: webhook('shopify', true), placeholders: webhookPlaceholders('shopify') },
  {
    check: 'integration.api-key-auth',
    label: 'with key',
    environment: (base) => ({ apiKey: { url: `${base}/v1/shop`, key: DOC_KEY } }),
    placeholders: [['/v1/shop', '<apiKey.url>'], [DOC_KEY, '<apiKey.key>']],
  },
  { check: 'integration.api-key-auth', label: 'no key', environment: (base) => ({ apiKey: { url: `${base}/v1/shop` } }), placeholders: [['/v1/shop', '<apiKey.url>']] },
  {
    check: 'integration.oauth-flow',
    label: 'install and callback',
    environment: (base) => ({ oauth: { install: `${base}/auth`, callback: `${base}/auth/callback` } }),
    placeholders: OAUTH_PLACEHOLDERS,
    answer: oauthAnswer,
  },
  {
    check: 'integration.oauth-flow',
    label: 'install, callback and secret',
    environment: (base) => ({ oauth: { install: `${base}/auth`, callback: `${base}/auth/callback`, secret: DOC_SECRET } }),
    placeholders: OAUTH_PLACEHOLDERS,
    answer: oauthAnswer,
  },
  {
    check: 'integration.widget-rendering',
    label: 'widget asset',
    environment: (base) => ({ services: { widget: { url: base, asset: '/widget.js' } } }),
    placeholders: [['/widget.js', '<services.widget.asset>'], ['https://readiness-probe.myshopify.com', '<integrations.merchantOrigin>']],
    answer: () => ({ status: 200, headers: { 'content-type': 'text/javascript' }, body: 'document.currentScript;' }),
  },
  {
    check: 'integration.conversion-tracking',
    label: 'conversions endpoint',
    environment: (base) => ({ integrations: { conversions: { url: `${base}/v1/conversions` } } }),
    placeholders: [['/v1/conversions', '<integrations.conversions.url>'], ['https://readiness-probe.myshopify.com', '<integrations.merchantOrigin>']],
    // Accepts the well-formed test event and refuses the malformed ones, as a correct endpoint does.
    answer: (_request, index) => (index === 0 ? { status: 202, headers: { 'content-type': 'application/json' }, body: '{"accepted":true}' } : { status: 400, headers: { 'content-type': 'application/json' }, body: '{"error":"invalid event"}' }),
  },
  {
    check: 'integration.product-sync',
    label: 'status endpoint, with key',
    environment: (base) => ({ integrations: { productSync: { url: `${base}/v1/sync/status`, key: DOC_KEY } } }),
    placeholders: [['/v1/sync/status', '<integrations.productSync.url>'], [DOC_KEY, '<integrations.productSync.key>']],
    answer: (request) =>
      request.headers.authorization ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":"ok","lastSyncAt":"' + new Date().toISOString() + '"}' } : refuse(),
  },
];

/** Headers every request carries, or the HTTP client adds: not part of what a probe chooses to send. */
const GENERIC_HEADERS = new Set(['host', 'user-agent', 'accept', 'accept-encoding', 'accept-language', 'connection', 'content-length', 'sec-fetch-mode']);

/** Runs every scenario's check alone (a fresh probe set each, so no memo is shared) and returns what the recorder saw, per scenario. */
export async function observeRequests(scenarios: readonly RequestScenario[] = REQUEST_SCENARIOS): Promise<ObservedRequest[][]> {
  const observed: ObservedRequest[][] = [];
  for (const scenario of scenarios) {
    const check = catalog.find((c) => c.id === scenario.check);
    if (!check) throw new Error(`request list: no check ${scenario.check} in the catalog`);
    const seen: ObservedRequest[] = [];
    const server = createServer((req, res) => void record(req, res, seen, scenario.answer ?? refuse));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const yaml = stringify({ version: 1, environments: { docs: scenario.environment(base) } });
      const target = selectEnvironment(parseConfig(yaml, 'request-list.yaml', {}), 'docs');
      const probes = new RunProbes({ target, signal: new AbortController().signal, userAgent: 'readiness-request-list' });
      try {
        await runChecks({ checks: [check], target, probes, concurrency: 1, timeoutMs: 15_000 });
      } finally {
        await probes.close();
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
    observed.push(seen);
  }
  return observed;
}

function record(req: IncomingMessage, res: ServerResponse, seen: ObservedRequest[], answer: (request: ObservedRequest, index: number) => RecorderAnswer): void {
  let bytes = 0;
  req.on('data', (chunk: Buffer) => (bytes += chunk.length));
  req.on('end', () => {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
    const request: ObservedRequest = { method: req.method ?? '', target: req.url ?? '', headers, bodyBytes: bytes };
    const reply = answer(request, seen.length);
    seen.push(request);
    res.writeHead(reply.status, reply.headers ?? {}).end(reply.body ?? '');
  });
}

function substitute(text: string, placeholders: RequestScenario['placeholders']): string {
  return placeholders.reduce((out, [literal, shown]) => (typeof literal === 'string' ? out.split(literal).join(shown) : out.replace(literal, shown)), text);
}

/** A run of 16+ token characters mixing letters and digits, or of 40+ of any: a signature, hash or key, which means nothing to a reader. */
function looksRandom(value: string): boolean {
  return (value.match(/[A-Za-z0-9+/=_]{16,}/g) ?? []).some((run) => run.length >= 40 || (/\d/.test(run) && /[A-Za-z]/.test(run)));
}

/** The headers a probe chose to send, `name: value`, with values that look random (signatures) shown as `…`. */
function headersOf(request: ObservedRequest, placeholders: RequestScenario['placeholders']): string[] {
  return Object.entries(request.headers)
    .filter(([name]) => !GENERIC_HEADERS.has(name))
    .map(([name, value]) => {
      const visible = substitute(value, placeholders);
      return looksRandom(visible.replace(/<[^>]*>/g, '')) ? `${name}: …` : `${name}: ${visible}`;
    });
}

const code = (text: string) => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

/** All the headers of a scenario's first request; later ones as the difference from it, which is what tells them apart. */
function headerCell(headers: string[], first: string[] | undefined): string {
  if (!first || first.length === 0) return headers.length > 0 ? headers.map(code).join(', ') : '—';
  const added = headers.filter((h) => !first.includes(h));
  const dropped = first.filter((h) => !headers.includes(h));
  if (dropped.length > 0) return headers.length > 0 ? headers.map(code).join(', ') : '—';
  return added.length > 0 ? `as #1, and ${added.map(code).join(', ')}` : 'as #1';
}

/** The Markdown of the list: one table per check, its scenarios' requests in the order they were sent. */
export function renderRequestList(observed: readonly ObservedRequest[][], scenarios: readonly RequestScenario[] = REQUEST_SCENARIOS): string {
  const out: string[] = [];
  const checks = [...new Set(scenarios.map((s) => s.check))];
  for (const id of checks) {
    out.push(`#### \`${id}\``, '', '| configured | # | request | body | headers it sets |', '|---|---|---|---|---|');
    scenarios.forEach((scenario, index) => {
      if (scenario.check !== id) return;
      const requests = observed[index] ?? [];
      if (requests.length === 0) out.push(`| ${scenario.label} | — | nothing sent | | |`);
      const first = requests[0] ? headersOf(requests[0], scenario.placeholders) : undefined;
      requests.forEach((request, n) => {
        const target = substitute(request.target, scenario.placeholders);
        const body = request.bodyBytes > 0 ? `${request.bodyBytes} B` : '—';
        const headers = headerCell(headersOf(request, scenario.placeholders), n === 0 ? undefined : first);
        out.push(`| ${n === 0 ? scenario.label : ''} | ${n + 1} | ${code(`${request.method} ${target}`)} | ${body} | ${headers} |`);
      });
    });
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

export const README_START = '<!-- request-list:start (generated by `npm run requests`; do not edit by hand) -->';
export const README_END = '<!-- request-list:end -->';

/** The README with its generated section replaced. */
export function withRequestList(readme: string, list: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} section`);
  return `${readme.slice(0, start + README_START.length)}\n\n${list}\n${readme.slice(end)}`;
}
