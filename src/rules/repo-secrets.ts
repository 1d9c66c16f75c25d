import { isLocalHost } from '../core/hosts.js';
import { publishedSecret } from '../core/secrets/published.js';
import { looksSecret } from '../core/secrets/secret-like.js';
import { isKnownWeak, placeholderIn, placeholderWord, templateMarker } from '../core/secrets/weak-secrets.js';
import { estimateStrength } from '../core/secrets/entropy.js';
import { isTestPath } from './env-parity.js';
import { credentialKey, findCredentialLeaks } from './log-leaks.js';

/**
 * A committed secret: where it is and what kind it is — never the value. `prefix` is a vendor's documented public
 * prefix (`AKIA`, `sk_live_`), which says nothing of the rest of the key.
 */
export interface SecretHit {
  line: number;
  kind: string;
  prefix?: string;
  /** The value itself, for a keyed fingerprint and redaction only: never printed or kept in evidence. */
  secret: string;
}

export interface NumberedLine {
  line: number;
  text: string;
}

/**
 * Key formats whose shape alone says "a live credential": documented vendor prefixes with the length and alphabet
 * the vendor issues (a prefix followed by anything would catch `npm_package_version`). Test-mode and publishable
 * keys are left out: committing them leaks nothing.
 */
const KEY_FORMATS: readonly { kind: string; prefix: string; pattern: RegExp }[] = [
  // `prefix` is the public part as documented; `?` stands for the letter that varies (ghp_, gho_, xoxb-, xoxp-).
  { kind: 'AWS access key id', prefix: 'A?IA', pattern: /\b(AKIA|ASIA)[A-Z2-7]{16}\b/g },
  { kind: 'Stripe live secret key', prefix: 'sk_live_', pattern: /\bsk_live_[0-9A-Za-z]{16,}\b/g },
  { kind: 'Stripe live restricted key', prefix: 'rk_live_', pattern: /\brk_live_[0-9A-Za-z]{16,}\b/g },
  { kind: 'Stripe webhook signing secret', prefix: 'whsec_', pattern: /\bwhsec_[0-9A-Za-z+/=]{24,}/g },
  { kind: 'GitHub token', prefix: 'gh?_', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/g },
  { kind: 'GitHub fine-grained token', prefix: 'github_pat_', pattern: /\bgithub_pat_[A-Za-z0-9_]{40,}\b/g },
  { kind: 'GitLab personal access token', prefix: 'glpat-', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'Slack token', prefix: 'xox?-', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'Slack webhook URL', prefix: 'https://hooks.slack.com/services/', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g },
  { kind: 'Shopify access token or shared secret', prefix: 'shp??_', pattern: /\bshp(at|ss|ca|pa)_[a-fA-F0-9]{32}\b/g },
  { kind: 'SendGrid API key', prefix: 'SG.', pattern: /\bSG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g },
  { kind: 'Anthropic API key', prefix: 'sk-ant-', pattern: /\bsk-ant-[A-Za-z0-9_-]{32,}/g },
  { kind: 'OpenAI project key', prefix: 'sk-proj-', pattern: /\bsk-proj-[A-Za-z0-9_-]{32,}/g },
  { kind: 'npm token', prefix: 'npm_', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'Google API key', prefix: 'AIza', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'Square credential', prefix: 'sq0???-', pattern: /\bsq0(atp|csp)-[0-9A-Za-z_-]{22,}/g },
  { kind: 'Razorpay live key', prefix: 'rzp_live_', pattern: /\brzp_live_[0-9A-Za-z]{14,}\b/g },
  { kind: 'Doppler service token', prefix: 'dp.st.', pattern: /\bdp\.st\.[A-Za-z0-9_.-]{40,}/g },
];

const PEM_HEADER = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----/;
/** A real key's body is hundreds of base64 characters; documentation shows `MIIE...` or nothing. */
const MIN_PEM_BODY = 64;
const PEM_LOOKAHEAD_LINES = 8;

/** Extensions of source code: there a secret is a quoted literal (a bare word after `=` is an expression). */
const CODE = /\.(m?[jt]sx?|c[jt]s|py|rb|go|java|kts?|php|cs|rs|swift|scala|vue|svelte|dart|ex|exs)$/i;
/** `key = value` in its common spellings: dotenv, YAML, JSON, TOML, code; the key is judged by its name. */
const PAIR = /(["']?)\b([A-Za-z_][A-Za-z0-9_.-]{0,80})\1\s*(=>|:=|[=:])\s*(?:"([^"\n]*)"|'([^'\n]*)'|`([^`\n$]*)`|([^\s,;&}'"`#]+))/g;
/** A value that names where the secret is rather than being it: an env variable's name, a path, a reference. */
const REFERENCE = /^([A-Z][A-Z0-9_]*|\.{0,2}\/\S*|~\/\S*|\S+\.(pem|key|crt|json|txt|p12|pfx)|(process\.env|os\.environ|ENV|env|secrets|vars|config|settings)[.[]\S*|!\w+.*)$/;
/** Below this length a committed value is a development default, not a credential worth a failure. */
const MIN_VALUE_LENGTH = 8;
const MIN_VALUE_BITS = 28;
const MAX_PAIR_LINE = 20_000;

/** Whether a key names a credential: the password family, secrets, API keys (log-leaks' credentialKey) and tokens. */
export function credentialName(key: string): boolean {
  if (credentialKey(key)) return true;
  const normal = key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();
  return /(^|_)(TOKEN|AUTH_KEY|SIGNING_KEY|ENCRYPTION_KEY|MASTER_KEY|WEBHOOK_SECRET|DSN_SECRET)$/.test(normal) && !/(^|_)(CSRF|XSRF)_TOKEN$/.test(normal);
}

/**
 * Whether a committed value is a real secret rather than a placeholder: not empty, not a template or a reference,
 * no placeholder word (`changeme`, `your-…`, `<…>`, `xxx`), not on the known-weak or published lists (those are
 * development defaults and tutorial values, which other lines judge where they are deployed), and not trivially short.
 */
export function isRealSecretValue(value: string): boolean {
  const v = value.trim();
  // White space makes it prose (a message, a label), not a key or a password someone generated.
  if (v.length < MIN_VALUE_LENGTH || /\s/.test(v) || REFERENCE.test(v)) return false;
  // Judged as a secret-named value: plain settings (true, 3600, a host name) and credential-free URLs are not secrets.
  if (!looksSecret('SECRET', v)) return false;
  if (templateMarker(v) || placeholderIn(v) || isKnownWeak(v) || publishedSecret(v)) return false;
  const estimate = estimateStrength(v);
  if (placeholderWord(v, estimate) || estimate.lowVariety.length > 0) return false;
  return estimate.bits >= MIN_VALUE_BITS;
}

/**
 * The secrets a file's lines hold: known key formats anywhere, private-key PEM blocks with a real body, passwords in
 * URLs, and credential-named assignments with real values. `path` decides how assignments are read (source code
 * needs quoted literals; in tests and fixtures only key formats and private keys count). One finding per secret per
 * line, the first recogniser that names it winning.
 */
export function findSecrets(path: string, lines: readonly NumberedLine[]): SecretHit[] {
  const hits: SecretHit[] = [];
  const code = CODE.test(path);
  // Tests and fixtures are full of made-up passwords (`password: 'hunter2-test'`): there only what no one makes up by
  // hand counts — a vendor-format key or a private key.
  const shapesOnly = isTestPath(path);
  lines.forEach((entry, index) => {
    const { line, text } = entry;
    const seen = new Set<string>();
    const add = (hit: SecretHit) => {
      if ([...seen].some((s) => s.includes(hit.secret) || hit.secret.includes(s))) return;
      seen.add(hit.secret);
      hits.push(hit);
    };
    for (const format of KEY_FORMATS) {
      for (const match of text.matchAll(format.pattern)) {
        const token = match[0];
        // AWS documents its example keys with an EXAMPLE suffix (AKIAIOSFODNN7EXAMPLE); a run of x's is filler.
        if (/EXAMPLE$/.test(token) || placeholderIn(token)) continue;
        add({ line, kind: format.kind, prefix: token.slice(0, format.prefix.length), secret: token });
      }
    }
    const pem = PEM_HEADER.exec(text);
    if (pem) {
      const following = [text.slice(pem.index + pem[0].length), ...lines.slice(index + 1, index + 1 + PEM_LOOKAHEAD_LINES).map((l) => l.text)].join('\n');
      const body = following.replace(/\\n/g, '\n').split(/-----END /)[0]!.replace(/[^A-Za-z0-9+/=]/g, '');
      if (body.length >= MIN_PEM_BODY && !/^(x+|\.+)$/i.test(body)) add({ line, kind: `PEM ${pem[1]!.toLowerCase()}`, secret: body });
    }
    // A minified bundle's line is generated and too costly to read pair by pair; key shapes above were still searched.
    if (shapesOnly || text.length > MAX_PAIR_LINE) return;
    for (const leak of findCredentialLeaks(text)) {
      if (leak.kind !== 'url-password') continue;
      const host = leak.masked.slice(leak.masked.lastIndexOf('@') + 1).replace(/:\d+$/, '');
      // A development database on this machine (postgres://app:devpass@localhost) is no production credential.
      if (isLocalHost(host) || !isRealSecretValue(leak.secret)) continue;
      add({ line, kind: `password inside a ${leak.masked.slice(0, leak.masked.indexOf(':'))} URL`, secret: leak.secret });
    }
    for (const match of text.matchAll(PAIR)) {
      const [whole, keyQuote = '', key = '', separator = '', doubleQuoted, singleQuoted, backtick, bare] = match;
      if (!credentialName(key)) continue;
      const quoted = doubleQuoted ?? singleQuoted ?? backtick;
      if (quoted === undefined) {
        // In code a bare word after `=` or `:` is an expression or a type (`password: string`), never a literal.
        if (code) continue;
        // Prose ("password: required") is no assignment: a bare `:` pair needs a key shaped like a variable.
        if (separator === ':' && keyQuote === '' && !/[_.-]|^[A-Z0-9]+$/.test(key)) continue;
        if (separator === ':' && whole.includes('://')) continue;
      }
      const value = quoted ?? bare ?? '';
      // A PEM block is the PEM recogniser's, named by its kind (`"private_key": "-----BEGIN …"`).
      if (PEM_HEADER.test(value) || !isRealSecretValue(value)) continue;
      add({ line, kind: `value of ${key}`, secret: value });
    }
  });
  return hits;
}

/** A file's text as numbered lines (1-based). */
export function numberedLines(text: string): NumberedLine[] {
  return text.split(/\r?\n/).map((line, i) => ({ line: i + 1, text: line }));
}

/** A secret found in a file of the working tree or in a line some commit added. */
export interface LocatedHit extends SecretHit {
  path: string;
  /** For the history: the commit that added the line (the oldest one scanned, when several did). */
  commit?: string;
  /** For the history: how many scanned commits added this secret at this path. */
  commits?: number;
}

/** Paths no scan reads: the `ignore` option's entries (a file, or a folder ending in `/`) and dependency or cache folders. */
export function isIgnoredPath(path: string, ignore: readonly string[], skippedFolders: ReadonlySet<string>): boolean {
  if (path.split('/').slice(0, -1).some((segment) => skippedFolders.has(segment))) return true;
  return ignore.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry || path.startsWith(`${entry}/`)));
}

/** The secrets in the files of a tree walk. */
export function secretsInFiles(files: readonly { path: string; text: string }[], skip: (path: string) => boolean): LocatedHit[] {
  const hits: LocatedHit[] = [];
  for (const file of files) {
    if (skip(file.path)) continue;
    for (const hit of findSecrets(file.path, numberedLines(file.text))) hits.push({ ...hit, path: file.path });
  }
  return hits;
}

/**
 * The secrets in lines the history added, each distinct secret at each path once, at the oldest commit that added it
 * (git lists newest first). Lines a commit added to one file in a row are read together, so a PEM block spanning them
 * is seen whole.
 */
export function secretsInHistory(added: readonly { commit: string; path: string; line: number; text: string }[], skip: (path: string) => boolean): LocatedHit[] {
  const byKey = new Map<string, LocatedHit>();
  let start = 0;
  while (start < added.length) {
    const first = added[start]!;
    let end = start + 1;
    while (end < added.length && added[end]!.commit === first.commit && added[end]!.path === first.path) end += 1;
    if (!skip(first.path)) {
      for (const hit of findSecrets(first.path, added.slice(start, end))) {
        const key = `${first.path}\0${hit.secret}`;
        const known = byKey.get(key);
        byKey.set(key, { ...hit, path: first.path, commit: first.commit, commits: (known?.commits ?? 0) + 1 });
      }
    }
    start = end;
  }
  return [...byKey.values()];
}
