import path from 'node:path';
import type { z } from 'zod';
import { registerSecret, SECRET_NAME } from '../core/redact.js';
import { secretMaterial } from '../core/secrets/secret-like.js';
import { ConfigError, quoteKey, UsageError, type ConfigProblem } from './errors.js';
import { interpolate, type KeyPath, type Unresolved } from './interpolate.js';
import { decodeUtf8, readRegularFile, UnreadableFileError } from './read-file.js';
import { configSchema, environmentSchema, topLevelSchema, type EnvironmentConfig, type ReadinessConfig } from './schema/index.js';
import { registerSecretFields } from './secret-fields.js';
import { closest } from './suggest.js';
import { parseYaml } from './yaml-source.js';

/** A configuration is a page of YAML; a file past this is a mistake (or an attack), refused before it is parsed. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  /** The config file as the user named it, for messages. */
  file: string;
  /** Directory that relative paths in the config are resolved against. */
  dir: string;
  config: ReadinessConfig;
  /** Environments left out of `config` because variables they use are unset here; fatal only when selected. */
  unavailable: Readonly<Record<string, Unresolved[]>>;
  /** Locates a key path in the YAML source, for error messages. */
  locate(path: KeyPath): { line: number; column: number } | undefined;
}

export interface SelectedEnvironment {
  name: string;
  environment: EnvironmentConfig;
  loaded: LoadedConfig;
  resolvePath(relative: string): string;
}

export async function loadConfig(file: string, vars: NodeJS.ProcessEnv = process.env): Promise<LoadedConfig> {
  return parseConfig(await readConfigText(file, 'configuration file', MAX_CONFIG_BYTES), file, vars);
}

/**
 * The text of a YAML file the user named: a regular file, at most `maxBytes`, UTF-8. What is wrong with it is a
 * usage error naming the file; `missing` decides what a file that does not exist means.
 */
export async function readConfigText(
  file: string,
  what: string,
  maxBytes: number,
  missing: () => string = () => {
    throw new UsageError(`${what} ${file}: no such file; create one with \`readiness init\` or pass --config <file>`);
  },
): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(file, maxBytes);
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    if (error.code === 'ENOENT') return missing();
    throw new ConfigError(file, [{ path: [], message: `cannot read it: ${error.reason}` }], `cannot read the ${what}`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    throw new ConfigError(file, [{ path: [], message: decoded.problem, ...(decoded.line !== undefined ? { line: decoded.line } : {}) }], `cannot read the ${what}`);
  }
  return decoded.text;
}

export function parseConfig(source: string, file: string, vars: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const { value: raw, locate } = parseYaml(source, file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const empty = source.replace(/^\uFEFF/, '').trim() === '' ? 'the file is empty; ' : '';
    throw new ConfigError(file, [{ path: [], message: `${empty}expected a mapping with \`version: 1\` and \`environments:\`` }]);
  }

  const interpolated = interpolate(raw, vars);
  for (const sub of interpolated.substitutions) {
    const key = sub.path[sub.path.length - 1];
    const name = typeof key === 'string' && SECRET_NAME.test(key) ? key : sub.variable;
    for (const secret of secretMaterial(name, sub.value)) registerSecret(secret);
  }
  if (interpolated.malformed.length > 0) {
    throw new ConfigError(
      file,
      interpolated.malformed.map((m) => ({
        path: m.path,
        message: 'malformed ${…} reference; write ${NAME} or ${NAME:-default}, or $${ for a literal "${"',
        ...locate(m.path),
      })),
    );
  }

  // The top level and each environment are validated apart: an environment whose ${VAR}s are unset here is
  // only fatal when it is the one selected, while a real mistake anywhere is reported at once.
  const problems: ConfigProblem[] = [];
  const top = topLevelSchema.safeParse(interpolated.value, { reportInput: true });
  if (!top.success) problems.push(...top.error.issues.flatMap((issue) => toProblems(issue, locate, [])));
  // Maps indexed by names users type (`readiness check constructor`) have no prototype to answer for a missing name.
  const environments: Record<string, EnvironmentConfig> = Object.create(null) as Record<string, EnvironmentConfig>;
  const unavailable: Record<string, Unresolved[]> = Object.create(null) as Record<string, Unresolved[]>;
  const rawEnvironments = top.success ? top.data.environments : {};
  for (const [name, rawEnvironment] of Object.entries(rawEnvironments)) {
    const prefix: KeyPath = ['environments', name];
    const unset = interpolated.unresolved.filter((u) => startsWith(u.path, prefix));
    const parsed = environmentSchema.safeParse(rawEnvironment, { reportInput: true });
    if (parsed.success && unset.length === 0) {
      environments[name] = parsed.data;
      continue;
    }
    if (unset.length > 0) unavailable[name] = unset;
    const real = parsed.success ? [] : parsed.error.issues.filter((issue) => !unset.some((u) => startsWith([...prefix, ...cleanPath(issue.path)], u.path)));
    problems.push(...real.flatMap((issue) => toProblems(issue, locate, prefix)));
  }
  const globalUnset = interpolated.unresolved.filter((u) => u.path[0] !== 'environments');
  problems.push(...globalUnset.map((u) => unsetProblem(u, locate)));
  if (problems.length > 0 || !top.success) throw new ConfigError(file, problems);
  const config: ReadinessConfig = { ...top.data, environments };
  registerSecretFields(configSchema, config);
  return {
    file,
    dir: path.dirname(path.resolve(file)),
    config,
    unavailable,
    locate,
  };
}

export function selectEnvironment(loaded: LoadedConfig, name: string): SelectedEnvironment {
  const missing = ownValue(loaded.unavailable, name);
  if (missing) {
    throw new ConfigError(loaded.file, missing.map((u) => unsetProblem(u, loaded.locate)), `unset variables for environment "${name}"`);
  }
  const environment = ownValue(loaded.config.environments, name);
  if (!environment) {
    const known = environmentNames(loaded);
    const suggestion = closest(name, known);
    throw new UsageError(
      `unknown environment "${name}" in ${loaded.file}; it defines ${known.map((k) => `"${quoteKey(k)}"`).join(', ')}` +
        (suggestion ? `. Did you mean "${suggestion}"?` : '.'),
    );
  }
  return { name, environment, loaded, resolvePath: (relative) => path.resolve(loaded.dir, relative) };
}

/** Every environment the config defines, whether or not its variables are set here. */
export function environmentNames(loaded: LoadedConfig): string[] {
  return [...Object.keys(loaded.config.environments), ...Object.keys(loaded.unavailable)];
}

/** `map[key]` for a key a user typed: only the map's own entries, never what its prototype has (constructor, toString). */
export function ownValue<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

function unsetProblem(u: Unresolved, locate: LoadedConfig['locate']): ConfigProblem {
  return {
    path: u.path,
    message: `\${${u.variable}} is not set in the process environment (write \${${u.variable}:-default} to give it a default)`,
    ...locate(u.path),
  };
}

function cleanPath(issuePath: readonly PropertyKey[]): (string | number)[] {
  return issuePath.filter((p): p is string | number => typeof p !== 'symbol');
}

function startsWith(full: KeyPath, prefix: KeyPath): boolean {
  return prefix.every((part, index) => full[index] === part);
}

/**
 * One zod issue as problems. A union (the env and log source shapes) reports the mistakes of the one shape the
 * value is written in, e.g. `timeout: "10" has no unit` inside a command source, rather than "expected one of
 * the shapes"; when the value fits no shape, or several, the union's own message says what the shapes are.
 */
function toProblems(issue: z.core.$ZodIssue, locate: LoadedConfig['locate'], prefix: KeyPath): ConfigProblem[] {
  if (issue.code === 'invalid_union') {
    const fitting = issue.errors.filter((branch) => branch.length > 0 && branch.every((sub) => !isShapeMismatch(sub)));
    if (fitting.length === 1) {
      const at = [...prefix, ...cleanPath(issue.path)];
      return fitting[0]!.flatMap((sub) => toProblems(sub, locate, at));
    }
  }
  return [toProblem(issue, locate, prefix)];
}

/** The value is not written in this shape at all: keys the shape lacks, or a key that tells the shapes apart missing. */
function isShapeMismatch(issue: z.core.$ZodIssue): boolean {
  if (issue.code === 'unrecognized_keys' && issue.path.length === 0) return true;
  if (issue.path.length !== 1) return false;
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return true;
  return issue.code === 'invalid_value' && (issue as { input?: unknown }).input === undefined;
}

function toProblem(issue: z.core.$ZodIssue, locate: LoadedConfig['locate'], prefix: KeyPath): ConfigProblem {
  const issuePath = [...prefix, ...cleanPath(issue.path)];
  if (issue.code === 'unrecognized_keys') {
    const problems = issue.keys.map((key) => key);
    const siblings = knownKeys(issuePath);
    const hints = problems.map((key) => {
      const suggestion = closest(key, siblings);
      return suggestion ? `"${quoteKey(key)}" (did you mean "${suggestion}"?)` : `"${quoteKey(key)}"`;
    });
    const firstKey = issue.keys[0];
    return {
      path: issuePath,
      message: `unknown key${problems.length > 1 ? 's' : ''} ${hints.join(', ')}`,
      ...locate(firstKey === undefined ? issuePath : [...issuePath, firstKey]),
    };
  }
  let message = issue.message;
  if (issue.code === 'invalid_key') {
    // A record's key that its pattern refuses: the pattern's own message says what a name must be.
    message = [...new Set(issue.issues.map((inner) => inner.message))].join('; ');
  } else if (issue.code === 'invalid_type' && isDefaultMessage(issue.message)) {
    const received = (issue as { input?: unknown }).input;
    message =
      received === undefined
        ? `is required (expected ${article(issue.expected)})`
        : `expected ${article(issue.expected)}, got ${describeValue(received)}`;
  } else if (issue.code === 'invalid_value' && isDefaultMessage(issue.message)) {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  } else if ((issue.code === 'too_big' || issue.code === 'too_small') && /^Too (big|small):/.test(issue.message)) {
    const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
    const inclusive = issue.inclusive !== false;
    const words = issue.code === 'too_big' ? (inclusive ? 'at most' : 'below') : inclusive ? 'at least' : 'above';
    const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
    message = `expected ${words} ${String(bound)}${unit}`;
  }
  return { path: issuePath, message, ...locate(issuePath) };
}

/** zod's own wording ("Invalid input: …"), which reads better rewritten; a schema's custom message is kept as written. */
function isDefaultMessage(message: string): boolean {
  return message.startsWith('Invalid');
}

/** Keys the schema allows where an unknown key was found, for "did you mean". */
function knownKeys(issuePath: KeyPath): string[] {
  return keysAt(configSchema, issuePath);
}

function keysAt(schema: z.core.$ZodType, keyPath: KeyPath): string[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    innerType?: z.core.$ZodType;
    valueType?: z.core.$ZodType;
    element?: z.core.$ZodType;
    options?: z.core.$ZodType[];
    shape?: Record<string, z.core.$ZodType>;
    in?: z.core.$ZodType;
  };
  if (def.innerType) return keysAt(def.innerType, keyPath);
  if (def.type === 'pipe' && def.in) return keysAt(def.in, keyPath);
  if (def.options) return def.options.flatMap((option) => keysAt(option, keyPath));
  const [head, ...rest] = keyPath;
  if (def.type === 'object' && def.shape) {
    if (head === undefined) return Object.keys(def.shape);
    const child = def.shape[String(head)];
    return child ? keysAt(child, rest) : [];
  }
  if (head === undefined) return [];
  if (def.type === 'record' && def.valueType) return keysAt(def.valueType, rest);
  if (def.type === 'array' && def.element) return keysAt(def.element, rest);
  return [];
}

function article(expected: string): string {
  if (expected === 'object' || expected === 'record') return 'a mapping';
  if (expected === 'array') return 'a list';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return article(typeof value);
}
