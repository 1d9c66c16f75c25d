import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { registerSecret, SECRET_NAME } from '../core/redact.js';
import { secretMaterial } from '../core/secrets/secret-like.js';
import { ConfigError, UsageError, type ConfigProblem } from './errors.js';
import { interpolate, type KeyPath, type Unresolved } from './interpolate.js';
import { configSchema, environmentSchema, topLevelSchema, type EnvironmentConfig, type ReadinessConfig } from './schema/index.js';
import { registerSecretFields } from './secret-fields.js';
import { closest } from './suggest.js';

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
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? 'no such file; create one with `readiness init` or pass --config <file>' : `cannot read it (${code ?? 'unknown error'})`;
    throw new UsageError(`configuration file ${file}: ${hint}`);
  }
  return parseConfig(source, file, vars);
}

export function parseConfig(source: string, file: string, vars: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The YAML library's own message quotes the offending source line, which may hold a secret: keep only its code.
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { path: [], message: `YAML syntax error (${describeYamlCode(e.code)})`, line: pos.line, column: pos.col };
      }),
      'cannot parse YAML',
    );
  }
  const locate = (keyPath: KeyPath) => locateIn(doc, lineCounter, keyPath);
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, [{ path: [], message: 'expected a mapping with `version: 1` and `environments:`' }]);
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
  if (!top.success) problems.push(...top.error.issues.map((issue) => toProblem(issue, locate, [])));
  const environments: Record<string, EnvironmentConfig> = {};
  const unavailable: Record<string, Unresolved[]> = {};
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
    problems.push(...real.map((issue) => toProblem(issue, locate, prefix)));
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
  const missing = loaded.unavailable[name];
  if (missing) {
    throw new ConfigError(loaded.file, missing.map((u) => unsetProblem(u, loaded.locate)), `unset variables for environment "${name}"`);
  }
  const environment = loaded.config.environments[name];
  if (!environment) {
    const known = [...Object.keys(loaded.config.environments), ...Object.keys(loaded.unavailable)];
    const suggestion = closest(name, known);
    throw new UsageError(
      `unknown environment "${name}" in ${loaded.file}; it defines ${known.map((k) => `"${k}"`).join(', ')}` +
        (suggestion ? `. Did you mean "${suggestion}"?` : '.'),
    );
  }
  return { name, environment, loaded, resolvePath: (relative) => path.resolve(loaded.dir, relative) };
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

function toProblem(issue: z.core.$ZodIssue, locate: LoadedConfig['locate'], prefix: KeyPath): ConfigProblem {
  const issuePath = [...prefix, ...cleanPath(issue.path)];
  if (issue.code === 'unrecognized_keys') {
    const problems = issue.keys.map((key) => key);
    const siblings = knownKeys(issuePath);
    const hints = problems.map((key) => {
      const suggestion = closest(key, siblings);
      return suggestion ? `"${key}" (did you mean "${suggestion}"?)` : `"${key}"`;
    });
    const firstKey = issue.keys[0];
    return {
      path: issuePath,
      message: `unknown key${problems.length > 1 ? 's' : ''} ${hints.join(', ')}`,
      ...locate(firstKey === undefined ? issuePath : [...issuePath, firstKey]),
    };
  }
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const received = (issue as { input?: unknown }).input;
    message =
      received === undefined
        ? `is required (expected ${article(issue.expected)})`
        : `expected ${article(issue.expected)}, got ${describeValue(received)}`;
  } else if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid')) {
    message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { path: issuePath, message, ...locate(issuePath) };
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

function describeYamlCode(code: string): string {
  return code.toLowerCase().replace(/_/g, ' ');
}

function locateIn(doc: Document, counter: LineCounter, keyPath: KeyPath): { line: number; column: number } | undefined {
  for (let depth = keyPath.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(keyPath.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const pos = counter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}
