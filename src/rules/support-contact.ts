import type { HttpResponse } from '../probes/http-response.js';
import { links, scriptUrls, visibleText } from '../probes/html.js';
import { softNotFound } from './published-page.js';

export { isAppShell } from './published-page.js';

/** Hosted help desks and chat widgets whose loader script is a visible support channel. */
const CHAT_WIDGETS: readonly (readonly [RegExp, string])[] = [
  [/widget\.intercom\.io|js\.intercomcdn\.com/, 'Intercom'],
  [/client\.crisp\.chat/, 'Crisp'],
  [/static\.zdassets\.com|zopim/, 'Zendesk'],
  [/js\.hs-scripts\.com|js\.usemessages\.com/, 'HubSpot chat'],
  [/embed\.tawk\.to/, 'tawk.to'],
  [/js\.driftt\.com/, 'Drift'],
  [/wchat\.freshchat\.com|freshdesk/, 'Freshdesk/Freshchat'],
  [/beacon-v2\.helpscout\.net/, 'Help Scout'],
  [/cdn\.livechatinc\.com/, 'LiveChat'],
  [/code\.tidio\.co/, 'Tidio'],
  [/widget\.gorgias\.chat/, 'Gorgias'],
];

const SUPPORT_WORDS = /\b(support|help|contact|kontakt|aide|ayuda|hilfe)\b/i;
const SUPPORT_EMAIL = /\b(?:support|help|contact|hello|care|service)@[a-z0-9.-]+\.[a-z]{2,}\b/i;

/** Support links followed per page: the first few are what a visitor would try. */
export const MAX_SUPPORT_LINKS = 3;

export interface SupportContact {
  kind: 'email' | 'phone' | 'address' | 'chat' | 'link';
  /** How the page offers it, for the message: `email link support@shop.example`, `link "Help" → /help`. */
  description: string;
  /** For links: the absolute URL a visitor lands on, which must answer. */
  url?: string;
}

/**
 * How a page offers help, most direct first: an email or phone link, a support address in the text, a chat widget,
 * then links whose text or path says support/help/contact (those must be followed: a Help link to a 404 helps no one).
 */
export function supportContacts(html: string, pageUrl: string): SupportContact[] {
  const found: SupportContact[] = [];
  const all = links(html);
  const email = all.find((l) => /^mailto:/i.test(l.href));
  if (email) found.push({ kind: 'email', description: `email link ${email.href.replace(/^mailto:/i, '').split('?')[0]}` });
  const phone = all.find((l) => /^tel:/i.test(l.href));
  if (phone) found.push({ kind: 'phone', description: `phone link ${phone.href.slice(4)}` });
  const address = SUPPORT_EMAIL.exec(visibleText(html))?.[0];
  if (address) found.push({ kind: 'address', description: `address ${address} in the page text` });
  const scripts = scriptUrls(html, pageUrl).join(' ');
  const chat = CHAT_WIDGETS.find(([pattern]) => pattern.test(scripts) || pattern.test(html));
  if (chat) found.push({ kind: 'chat', description: `${chat[1]} chat widget` });
  const seen = new Set<string>();
  for (const link of all) {
    if (!(SUPPORT_WORDS.test(link.text) || /\/(support|help|contact)(\b|[/?#.])/i.test(link.href))) continue;
    let url: URL;
    try {
      url = new URL(link.href, pageUrl);
    } catch {
      continue;
    }
    if (!/^https?:$/.test(url.protocol) || seen.has(url.href) || seen.size >= MAX_SUPPORT_LINKS) continue;
    seen.add(url.href);
    found.push({ kind: 'link', description: `link "${link.text || link.href}" → ${link.href}`, url: url.href });
  }
  return found;
}

/** Why a followed support link does not help a visitor, or undefined when it lands on a page. */
export function brokenContactLink(response: HttpResponse): string | undefined {
  if (response.status < 200 || response.status >= 300) return `answers ${response.status}`;
  const notFound = softNotFound(response);
  return notFound ? `answers 200 with a not-found page ("${notFound.slice(0, 60)}")` : undefined;
}
