import type { HttpResponse } from '../probes/http-response.js';
import { isHtml, tags, visibleText } from '../probes/html.js';
import { judged, type Judgement } from '../core/outcome.js';

const FIX =
  'Expose the webhook route on the production API over HTTPS, outside session auth and IP allow-lists (the HMAC signature is the authentication), answering within 5 s.';
const WALL_FIX =
  'Let webhook deliveries through to the receiver: exempt the webhook path from session/HTTP authentication, CSRF protection, IP allow-lists and WAF rules (the provider signs each delivery; verify the signature in the route and answer 401 when it is wrong).';

/** The path of an unrelated sibling of the webhook URL: an answer there that equals the webhook's is a wall, not the receiver. */
export const SIBLING_SEGMENT = '__readiness-not-a-webhook';

export function siblingUrl(webhookUrl: string): string {
  const url = new URL(webhookUrl);
  url.search = '';
  url.hash = '';
  return new URL(SIBLING_SEGMENT, url).href;
}

const REJECTIONS = new Set([400, 401, 403, 422]);

/** True when the answer is a rejection a verifying receiver gives, so it is worth telling from a wall in front of it. */
export function isRejection(response: HttpResponse): boolean {
  return REJECTIONS.has(response.status);
}

const inner = (html: string, tag: string) => visibleText(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'i').exec(html)?.[1] ?? '');
const LOGIN = /\b(log ?in|sign ?in|signin|log on|authenticate|authentication required|session (has )?expired)\b/i;
const PROXY_TITLE = /^\s*\d{3}\s+[A-Za-z ]+$|\b(access denied|forbidden|attention required|request blocked|web application firewall|not authori[sz]ed|unauthori[sz]ed|csrf|cross-site request forgery|the change you wanted was rejected)\b/i;
const SERVERS: readonly (readonly [RegExp, string])[] = [
  [/<center>\s*nginx\b|^nginx\b/i, 'nginx'],
  [/\bApache\b/, 'Apache'],
  [/cloudflare/i, 'Cloudflare'],
  [/awselb|cloudfront|AWS WAF/i, 'AWS'],
  [/envoy/i, 'Envoy'],
  [/traefik/i, 'Traefik'],
  [/caddy/i, 'Caddy'],
];

/** A wall in front of the receiver, read from the rejection itself: HTTP authentication, a login page, a proxy or framework error page. */
export function wallOf(response: HttpResponse): { level: 'fail' | 'warn'; why: string } | undefined {
  const challenge = response.headers['www-authenticate']?.[0];
  if (challenge) {
    return { level: 'fail', why: `with WWW-Authenticate: ${challenge.split(/[\s,]/)[0]}: HTTP authentication in front of the route refuses the provider's signed deliveries too (providers send no credentials)` };
  }
  if (!isHtml(response)) return undefined;
  const title = inner(response.body, 'title');
  const heading = inner(response.body, 'h1');
  const hasPassword = tags(response.body, 'input').some((t) => t.attributes.type?.toLowerCase() === 'password');
  if (hasPassword || LOGIN.test(title) || LOGIN.test(heading)) {
    return { level: 'fail', why: `with an HTML login page${title ? ` ("${title.slice(0, 60)}")` : ''}: a session wall in front of the route refuses the provider's signed deliveries too` };
  }
  const serverHeader = response.headers.server?.[0] ?? '';
  const server = SERVERS.find(([pattern]) => pattern.test(response.body) || pattern.test(serverHeader))?.[1];
  if (PROXY_TITLE.test(title) || PROXY_TITLE.test(heading)) {
    return {
      level: 'fail',
      why: `with an HTML error page${server ? ` from ${server}` : ''} ("${(title || heading).slice(0, 60)}"): a proxy, allow-list, WAF or CSRF rule in front of the receiver refuses the provider's signed deliveries too`,
    };
  }
  return { level: 'warn', why: `with an HTML page${title ? ` ("${title.slice(0, 60)}")` : ''}, not a receiver's answer: make sure nothing in front of the route (auth, CSRF, WAF) rejects deliveries` };
}

const normalised = (body: string) => body.replace(/\s+/g, ' ').trim();

/** True when an unrelated sibling path got the very same rejection: the answer comes from something covering every path. */
export function sameAsSibling(response: HttpResponse, sibling: HttpResponse | undefined): boolean {
  return !!sibling && sibling.status === response.status && normalised(sibling.body) === normalised(response.body);
}

/**
 * What one unsigned POST shows about a webhook endpoint. A verifying endpoint rejects it (400/401/403/422): it is
 * reachable and checks signatures — unless the rejection is a wall in front of it (HTTP auth, a login page, a
 * proxy's error page, or the same answer on an unrelated sibling path), which refuses signed deliveries too.
 * 404/405 means nothing listens there for POST; 3xx is not followed by providers. With the secret configured, the
 * webhook family's genuinely signed test delivery (`signedStatus`) decides whether a rejection is the receiver's own:
 * accepted means the receiver is reached, refused means signed deliveries are refused too.
 */
export function judgeWebhookAnswer(response: HttpResponse, maxResponseMs: number, sibling?: HttpResponse, signedStatus?: number): Judgement[] {
  const subject = withoutQuery(response.requestedUrl);
  const findings: Judgement[] = [];
  if (new URL(response.requestedUrl).protocol !== 'https:') findings.push(judged(subject, 'fail', 'is not an https:// URL: providers require HTTPS', FIX));
  const status = response.status;
  if (status >= 300 && status < 400) {
    findings.push(judged(subject, 'fail', `answers ${status} to ${response.headers.location?.[0] ?? '(no Location)'}: webhook providers do not follow redirects`, FIX));
  } else if (status === 404 || status === 405 || status === 410) {
    findings.push(judged(subject, 'fail', `answers ${status}: no webhook handler accepts POST at this URL`, FIX));
  } else if (status >= 500) {
    findings.push(judged(subject, 'fail', `answers ${status} to a delivery: the handler is failing`, FIX));
  } else if (status >= 200 && status < 300) {
    findings.push(
      judged(subject, 'warn', `reachable, but accepted an unsigned delivery with ${status}: make sure the handler verifies the signature (see security.shopify-webhook-hmac)`, 'Verify the provider HMAC before processing and answer 401 when it is missing or wrong.'),
    );
  } else if (signedStatus !== undefined && isRejection(response) && !(signedStatus >= 200 && signedStatus < 300)) {
    findings.push(
      judged(
        subject,
        'fail',
        `answers ${status} to the unsigned delivery and ${signedStatus} to a genuinely signed test delivery too: a wall in front of the receiver, or a receiver holding another secret, refuses the provider's deliveries (see integration.webhook-handlers)`,
        WALL_FIX,
      ),
    );
  } else if (signedStatus === undefined && wallOf(response)) {
    const wall = wallOf(response)!;
    findings.push(judged(subject, wall.level, `answers ${status} ${wall.why}`, WALL_FIX));
  } else if (signedStatus === undefined && sameAsSibling(response, sibling)) {
    findings.push(
      judged(
        subject,
        'warn',
        `answers ${status}, and so does the unrelated path ${new URL(sibling!.requestedUrl).pathname} with the same body: that is something in front of every path (auth middleware, an allow-list), not the receiver rejecting a bad signature`,
        WALL_FIX,
      ),
    );
  } else if (response.timing.totalMs > maxResponseMs) {
    findings.push(judged(subject, 'warn', `reachable (${status}) but answered in ${response.timing.totalMs} ms, over ${maxResponseMs} ms: providers time out and retry`, FIX));
  } else {
    const signed = signedStatus === undefined ? '' : ` and accepted a genuinely signed test delivery with ${signedStatus}`;
    findings.push(judged(subject, 'pass', `reachable over HTTPS: rejected the unsigned delivery with ${status} in ${response.timing.totalMs} ms${signed}`));
  }
  return findings.some((f) => f.status !== 'pass') ? findings.filter((f) => f.status !== 'pass') : findings;
}

/** Origin and path only: some providers put a token in the webhook URL's query string, and messages must not carry it. */
export function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}${parsed.search ? '?…' : ''}`;
}
