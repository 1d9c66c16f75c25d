import { SECRET_NAME } from '../redact.js';
import { textLayers } from './layers.js';
import { credentialsInside } from './secret-like.js';

/**
 * The secrets inside a structured value — a JSON document (a service-account key), a URL, a connection string, a
 * PEM block — each in a canonical form, so that the same secret is recognised however it is wrapped: the
 * `private_key` of staging's service-account JSON is the same key as production's GOOGLE_PRIVATE_KEY whether its
 * line breaks are real or written `\n`.
 */
export interface SecretPart {
  /** The canonical form, for keyed fingerprints only: never printed or kept. */
  secret: string;
  /** Where in the value, safe to print: `inside the value` (a URL's password), `private_key inside its JSON`, … */
  where: string;
  /** The text as it stands in the value, when it can be masked as such (a JSON string); for redaction only. */
  raw?: string;
}

const PEM = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
/** Connection-string keys (ADO.NET, Azure Storage, Service Bus) whose values authenticate. */
const CONNECTION_SECRET = /(?:^|;)\s*(AccountKey|SharedAccessKey|SharedAccessSignature|ClientSecret|Client Secret)\s*=\s*([^;]+)/gi;
/** JSON deeper or bigger than this is not walked: a service-account key has a dozen fields. */
const MAX_DEPTH = 6;
const MAX_LEAVES = 500;

export function secretParts(value: string): SecretPart[] {
  const parts: SecretPart[] = [];
  collect(value, '', parts, 0);
  // One secret found twice (a JSON field holding a PEM block) is named where it was found first.
  const seen = new Set<string>();
  return parts.filter((p) => (seen.has(p.secret) ? false : (seen.add(p.secret), true)));
}

function collect(value: string, within: string, parts: SecretPart[], depth: number): void {
  const inside = (what: string) => (within ? `${what} in ${within}` : what);
  for (const password of credentialsInside(value)) parts.push({ secret: password, where: within ? inside('a password') : 'inside the value', raw: password });
  for (const match of value.matchAll(CONNECTION_SECRET)) {
    const secret = match[2]!.trim();
    if (secret) parts.push({ secret, where: inside(`${match[1]} inside its connection string`), raw: secret });
  }
  const trimmed = value.trim();
  if (depth < 2 && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
    const leaves: { path: string; text: string }[] = [];
    try {
      walk(JSON.parse(trimmed) as unknown, '', leaves, 0);
    } catch {
      // not JSON after all
    }
    for (const { path, text } of leaves) {
      const where = inside(`${path} inside its JSON`);
      const key = path.split('.').pop() ?? '';
      // Identifiers (private_key_id, client_id) name a secret without being one.
      if (SECRET_NAME.test(key) && !/(^|[_-])id$|[a-z]Id$/i.test(key) && text.length > 0) parts.push({ secret: canonicalPem(text) ?? text, where, raw: text });
      collect(text, where, parts, depth + 1);
    }
  }
  // After the JSON walk, so a key found in a field is named by its field.
  for (const pem of privateKeyBlocks(value)) parts.push({ secret: pem, where: inside('PEM private key inside the value') });
  if (depth < 2) {
    const layer = textLayers(trimmed).pop();
    if (layer && /^\s*[[{]|-----BEGIN /.test(layer.text)) collect(layer.text, `its ${layer.encoding}`, parts, depth + 1);
  }
}

/** Every string leaf of a JSON document with its dotted path (`private_key`, `credentials.password`). */
function walk(node: unknown, path: string, leaves: { path: string; text: string }[], depth: number): void {
  if (leaves.length >= MAX_LEAVES || depth > MAX_DEPTH) return;
  if (typeof node === 'string') {
    leaves.push({ path: path || 'value', text: node });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, `${path}[${i}]`, leaves, depth + 1));
    return;
  }
  if (node !== null && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) walk(child, path ? `${path}.${key}` : key, leaves, depth + 1);
  }
}

/** The private-key PEM blocks of a value, each as its type and base64 body without white space. */
function privateKeyBlocks(value: string): string[] {
  const text = value.replace(/\\n/g, '\n');
  const blocks: string[] = [];
  for (const match of text.matchAll(PEM)) {
    if (/PRIVATE KEY/.test(match[1]!)) blocks.push(`${match[1]}:${match[2]!.replace(/\s+/g, '')}`);
  }
  return blocks;
}

/** A string that is one private-key PEM block, in canonical form; undefined for anything else. */
function canonicalPem(text: string): string | undefined {
  const blocks = privateKeyBlocks(text);
  return blocks.length === 1 ? blocks[0] : undefined;
}
