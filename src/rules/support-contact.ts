import { links, scriptUrls, visibleText } from '../probes/html.js';

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

/** How a page offers help: an email or phone link, a support/help/contact link, a support address in the text, or a chat widget. */
export function findSupportContact(html: string, pageUrl: string): string | undefined {
  for (const link of links(html)) {
    if (/^mailto:/i.test(link.href)) return `email link ${link.href.replace(/^mailto:/i, '').split('?')[0]}`;
    if (/^tel:/i.test(link.href)) return `phone link ${link.href.slice(4)}`;
  }
  const supportLink = links(html).find((l) => SUPPORT_WORDS.test(l.text) || /\/(support|help|contact)(\b|[/?#.])/i.test(l.href));
  if (supportLink) return `link "${supportLink.text || supportLink.href}" → ${supportLink.href}`;
  const email = SUPPORT_EMAIL.exec(visibleText(html))?.[0];
  if (email) return `address ${email} in the page text`;
  const scripts = scriptUrls(html, pageUrl).join(' ');
  const chat = CHAT_WIDGETS.find(([pattern]) => pattern.test(scripts) || pattern.test(html));
  return chat ? `${chat[1]} chat widget` : undefined;
}

/** A single-page app shell: almost no text, content rendered by scripts — its HTML cannot show what the app displays. */
export function isAppShell(html: string, pageUrl: string): boolean {
  return visibleText(html).length < 80 && scriptUrls(html, pageUrl).length > 0;
}
