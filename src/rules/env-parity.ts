import jsTokens from 'js-tokens';
import { parseDotenvText } from '../probes/env-formats.js';

/** One place the code reads a variable. */
export interface EnvRead {
  name: string;
  path: string;
  line: number;
  /** `process.env.X ?? 'dev'`, `|| 3000`, or a destructuring default: the code copes when it is unset. */
  fallback: boolean;
}

/** Files whose variables are the application's: JavaScript and TypeScript source, not declarations. */
export const SOURCE_FILE = /\.(m?[jt]sx?|c[jt]s)$/;
const DECLARATION = /\.d\.[mc]?ts$/;
/** Tests, fixtures and mocks read variables of their own (CI, a test database): they are not the application's. */
const TEST_PATH = /(^|\/)(tests?|__tests__|__mocks__|spec|specs|e2e|fixtures?|cypress|playwright)(\/)|\.(test|spec|e2e)\.[mc]?[jt]sx?$|(^|\/)(vitest|jest|playwright|cypress|karma)\.config\.[mc]?[jt]s$/;

/** Whether a repository path is a test, a fixture or a mock (or a test runner's config). */
export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}

/** Whether a repository path is application source whose variable reads count. */
export function isApplicationSource(path: string): boolean {
  return SOURCE_FILE.test(path) && !DECLARATION.test(path) && !TEST_PATH.test(path);
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Vite's built-in `import.meta.env` keys, which the bundler sets itself. */
const VITE_BUILT_INS = new Set(['MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL']);

interface Significant {
  type: string;
  value: string;
  line: number;
}

/**
 * The code's significant tokens (no white space or comments) with their line numbers, from js-tokens — a real
 * tokenizer, so `process.env.X` inside a string or a comment is not a read, while one inside a template's `${…}` is.
 */
function significantTokens(text: string, jsx: boolean): Significant[] {
  const out: Significant[] = [];
  let line = 1;
  for (const token of jsTokens(text, { jsx })) {
    if (token.type !== 'WhiteSpace' && token.type !== 'LineTerminatorSequence' && token.type !== 'MultiLineComment' && token.type !== 'SingleLineComment' && token.type !== 'HashbangComment') {
      out.push({ type: token.type, value: token.value, line });
    }
    for (const c of token.value) if (c === '\n') line += 1;
  }
  return out;
}

/** The value of a string-literal token, or undefined for any other token. */
function stringValue(token: Significant | undefined): string | undefined {
  if (!token || (token.type !== 'StringLiteral' && token.type !== 'NoSubstitutionTemplate')) return undefined;
  return token.value.slice(1, -1);
}

const isDot = (t: Significant | undefined) => t?.type === 'Punctuator' && (t.value === '.' || t.value === '?.');
const hasFallback = (t: Significant | undefined) => t?.type === 'Punctuator' && (t.value === '??' || t.value === '||');

/**
 * The variables a source file reads by name: `process.env.X`, `process.env['X']`, `process.env?.X`,
 * `const { X, Y: y, Z = 'd' } = process.env`, `import.meta.env.X` (Vite's built-ins left out). Reads by computed
 * name (`process.env[key]`) cannot be resolved and are left out.
 */
export function envReads(path: string, text: string): EnvRead[] {
  const tokens = significantTokens(text, /x$/.test(path));
  const reads: EnvRead[] = [];
  const at = (i: number) => tokens[i];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let envEnd: number | undefined;
    let meta = false;
    if (t.value === 'process' && isDot(at(i + 1)) && at(i + 2)?.value === 'env' && !isDot(at(i - 1))) envEnd = i + 2;
    if (t.value === 'import' && isDot(at(i + 1)) && at(i + 2)?.value === 'meta' && isDot(at(i + 3)) && at(i + 4)?.value === 'env') {
      envEnd = i + 4;
      meta = true;
    }
    if (envEnd === undefined) continue;
    const next = at(envEnd + 1);
    let name: string | undefined;
    let after: number | undefined;
    if (isDot(next) && at(envEnd + 2)?.type === 'IdentifierName') {
      name = at(envEnd + 2)!.value;
      after = envEnd + 3;
    } else if (next?.value === '[' || (next?.value === '?.' && at(envEnd + 2)?.value === '[')) {
      const open = next.value === '[' ? envEnd + 1 : envEnd + 2;
      const literal = stringValue(at(open + 1));
      if (literal !== undefined && at(open + 2)?.value === ']') {
        name = literal;
        after = open + 3;
      }
    } else if (at(i - 1)?.value === '=' && at(i - 2)?.value === '}') {
      reads.push(...destructured(tokens, i - 2, path));
    }
    if (name !== undefined && ENV_NAME.test(name) && !(meta && VITE_BUILT_INS.has(name))) {
      reads.push({ name, path, line: t.line, fallback: hasFallback(at(after!)) });
    }
    i = envEnd;
  }
  return reads;
}

/** The keys of the object pattern closing at `close` (`{ A, B: b, C = 'd', ...rest }`). */
function destructured(tokens: readonly Significant[], close: number, path: string): EnvRead[] {
  let depth = 0;
  let open = close;
  for (; open >= 0; open--) {
    const v = tokens[open]!.value;
    if (v === '}' || v === ')' || v === ']') depth += 1;
    else if (v === '{' || v === '(' || v === '[') {
      depth -= 1;
      if (depth === 0) break;
    }
  }
  if (open < 0) return [];
  const reads: EnvRead[] = [];
  depth = 0;
  for (let k = open + 1; k < close; k++) {
    const token = tokens[k]!;
    const v = token.value;
    if (v === '{' || v === '(' || v === '[') depth += 1;
    else if (v === '}' || v === ')' || v === ']') depth -= 1;
    if (depth !== 0) continue;
    const previous = tokens[k - 1]!.value;
    if (previous !== '{' && previous !== ',') continue;
    const name = token.type === 'IdentifierName' ? v : stringValue(token);
    if (name === undefined || !ENV_NAME.test(name)) continue;
    // `{ X: x = 'd' }` and `{ X = 'd' }` both carry a default.
    let fallback = tokens[k + 1]?.value === '=';
    if (tokens[k + 1]?.value === ':' && tokens[k + 3]?.value === '=') fallback = true;
    reads.push({ name, path, line: token.line, fallback });
  }
  return reads;
}

/** Conventional files documenting a repository's variables, first found wins. */
export const ENV_EXAMPLE_FILES = ['.env.example', '.env.sample', '.env.template', '.env.dist', 'example.env', '.env.defaults'];

/**
 * The names an .env.example documents: its assignments (placeholder or empty values are what it is for) and
 * commented-out assignments (`# SENTRY_DSN=`), which document optional ones. `problem` when dotenv cannot read it.
 */
export function documentedNames(text: string): { names: Set<string>; problem?: string } {
  const parsed = parseDotenvText(text);
  const names = new Set<string>(parsed.ok ? parsed.variables.keys() : []);
  for (const match of text.matchAll(/^\s*#\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)) names.add(match[1]!);
  return parsed.ok ? { names } : { names, problem: parsed.problem };
}

/**
 * Variables the platform or the runtime sets, not the application's configuration: Railway's PORT and RAILWAY_*,
 * other hosts' equivalents, the shell's own, npm's npm_* during scripts, and CI flags.
 */
const PROVIDED = /^(PORT|HOSTNAME|HOME|PATH|PWD|USER|SHELL|TERM|TMPDIR|LANG|TZ|CI|INIT_CWD|NODE_OPTIONS|NODE_DEBUG|NODE_EXTRA_CA_CERTS|DYNO|K_SERVICE|K_REVISION|(RAILWAY|VERCEL|RENDER|FLY|HEROKU|NETLIFY|GITHUB|AWS_LAMBDA|npm|npm_config|npm_package|npm_lifecycle)_[A-Za-z0-9_]*)$/;

export function isProvidedByPlatform(name: string): boolean {
  return PROVIDED.test(name);
}

export interface ParityFinding {
  name: string;
  status: 'fail' | 'warn';
  problem: string;
  /** Where the code reads it (first few `path:line`). */
  readAt: string[];
}

/**
 * Environment parity: every variable the application reads must be documented in .env.example (warn when not: the
 * next person to deploy cannot know it exists) and set in the environment under test (fail when not and the code has
 * no fallback; warn when every read falls back to a default).
 */
export function parityFindings(reads: readonly EnvRead[], documented: ReadonlySet<string> | undefined, present: (name: string) => boolean): ParityFinding[] {
  const byName = new Map<string, EnvRead[]>();
  for (const read of reads) {
    if (isProvidedByPlatform(read.name)) continue;
    byName.set(read.name, [...(byName.get(read.name) ?? []), read]);
  }
  const findings: ParityFinding[] = [];
  for (const [name, where] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const readAt = where.slice(0, 3).map((r) => `${r.path}:${r.line}`);
    if (!present(name)) {
      const fallback = where.every((r) => r.fallback);
      findings.push({ name, status: fallback ? 'warn' : 'fail', problem: fallback ? 'is not set (the code falls back to a default)' : 'is read by the code but not set', readAt });
    }
    if (documented && !documented.has(name)) findings.push({ name, status: 'warn', problem: 'is not documented in the .env example', readAt });
  }
  return findings;
}
