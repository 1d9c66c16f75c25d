import { readRegularFile, UnreadableFileError } from '../config/read-file.js';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import type { EnvSourceConfig } from '../config/schema/env.js';
import type { EnvironmentConfig } from '../config/schema/index.js';
import { Memo, raceAbort } from '../core/memo.js';
import { defineProbe } from './registry.js';
import { registerSecret } from '../core/redact.js';
import type { EnvMap } from '../core/env-map.js';
import { Fingerprinter } from '../core/secrets/fingerprint.js';
import { scrubForeignText } from '../core/secrets/scrub.js';
import { secretMaterial } from '../core/secrets/secret-like.js';
import { secretParts } from '../core/secrets/structured.js';
import { isKnownWeak } from '../core/secrets/weak-secrets.js';
import { CommandError, runBoundedCommand } from './command.js';
import { parseDotenvText, parseJsonVariables, parseKvVariables, type ParsedVariables } from './env-formats.js';
import { ProbeError } from '../core/errors.js';

/** The variables one service sees (or the whole environment, when no source names a service). */
export interface EnvView {
  environment: string;
  /** Service name, or the environment's name when its sources name no service. */
  label: string;
  service: string | undefined;
  /** Non-empty values after merging the sources in order. */
  values: EnvMap;
  /** Names whose merged value is the empty string: set, but counted as missing. */
  empty: ReadonlySet<string>;
  /** Which source each name's value came from, e.g. `env[1] (dotenv .env.production)`. */
  origins: ReadonlyMap<string, string>;
}

/** A view to be read: its promise rejects with a ProbeError when one of its sources cannot be read. */
export interface EnvSlot {
  label: string;
  service: string | undefined;
  view: Promise<EnvView>;
}

export interface EnvLimits {
  commandTimeoutMs: number;
  maxCommandOutputBytes: number;
  maxFileBytes: number;
}

export const DEFAULT_ENV_LIMITS: EnvLimits = {
  commandTimeoutMs: 15_000,
  maxCommandOutputBytes: 4 * 1024 * 1024,
  maxFileBytes: 4 * 1024 * 1024,
};

interface ReadSource {
  description: string;
  variables: Map<string, string>;
}

/**
 * Reads an environment's variables from its `env:` sources (dotenv files, JSON files, commands, this
 * process), once per run. Every secret-looking value is registered for redaction the moment it is parsed,
 * before anything else sees it. Other environments can be read too, for the "reused across environments"
 * checks.
 */
export class EnvProbe {
  /** Keyed per run: fingerprints compare values within a run and mean nothing outside it. */
  readonly fingerprints = new Fingerprinter();
  private readonly memo = new Memo();
  private readonly limits: EnvLimits;

  constructor(
    private readonly settings: {
      loaded: LoadedConfig;
      /** Aborts the run (Ctrl-C). Reads are shared by many checks, so no single check's signal ends them. */
      signal: AbortSignal;
      processEnv?: NodeJS.ProcessEnv;
      limits?: Partial<EnvLimits>;
    },
  ) {
    this.limits = { ...DEFAULT_ENV_LIMITS, ...settings.limits };
  }

  /** Every environment the config defines, including those whose `${VAR}`s are unset here (reading them fails). */
  allEnvironments(): string[] {
    return [...Object.keys(this.settings.loaded.config.environments), ...Object.keys(this.settings.loaded.unavailable)];
  }

  /**
   * One slot per service named by the sources (shared sources apply to each), or one slot for the whole
   * environment when no source names a service. `signal` is the asking check's: it stops the wait, not the read.
   */
  slots(environmentName: string, signal?: AbortSignal): EnvSlot[] {
    const environment = this.environment(environmentName);
    const sources = environment.env ?? [];
    const services = [...new Set(sources.map((s) => s.service).filter((s): s is string => s !== undefined))];
    const groups: { label: string; service: string | undefined; indexes: number[] }[] =
      services.length === 0
        ? [{ label: environmentName, service: undefined, indexes: sources.map((_, i) => i) }]
        : services.map((service) => ({
            label: service,
            service,
            indexes: sources.flatMap((s, i) => (s.service === undefined || s.service === service ? [i] : [])),
          }));
    return groups.map((group) => {
      const view = this.view(environmentName, group.label, group.service, group.indexes);
      return { label: group.label, service: group.service, view: signal ? raceAbort(view, signal) : view };
    });
  }

  /** Every view of an environment, all read; rejects when any source cannot be read. */
  async views(environmentName: string, signal?: AbortSignal): Promise<EnvView[]> {
    return Promise.all(this.slots(environmentName, signal).map((slot) => slot.view));
  }

  /**
   * Reads every source of an environment once (bounded like any read), so each secret they hold is registered for
   * redaction before anything else of the run is observed. A source that cannot be read is left to the checks
   * that need it: its failure is memoised and they report it.
   */
  async readAll(environmentName: string): Promise<void> {
    const count = this.environment(environmentName).env?.length ?? 0;
    await Promise.allSettled(Array.from({ length: count }, (_, index) => this.source(environmentName, index)));
  }

  /**
   * Keyed digests of every secret an environment holds — each variable's value, each password or secret
   * parameter inside a URL value, its database.url password and webhook secrets — with where each was found.
   * For "is this value reused elsewhere?" without ever comparing or keeping values side by side.
   */
  async secretDigests(environmentName: string, signal?: AbortSignal): Promise<Map<string, string[]>> {
    const environment = this.environment(environmentName);
    if (environment.env?.some((source) => 'process' in source)) {
      // Here the process environment is this run's own: "comparing" with it would find every secret shared.
      throw new ProbeError('unavailable', `environment "${environmentName}" reads the process environment, which in this run is not its own; give it a file or command source to compare with`);
    }
    const digests = new Map<string, string[]>();
    const add = (value: string | undefined, where: string) => {
      if (!value) return;
      const digest = this.fingerprints.digest(value);
      digests.set(digest, [...(digests.get(digest) ?? []), where]);
    };
    for (const view of environment.env?.length ? await this.views(environmentName, signal) : []) {
      const prefix = view.service ? `${view.service}: ` : '';
      for (const [name, value] of view.values) {
        add(value, `${prefix}${name}`);
        for (const part of secretParts(value)) add(part.secret, `${prefix}${name} (${part.where})`);
      }
    }
    const databaseUrl = environment.database?.url;
    if (databaseUrl) for (const part of secretParts(databaseUrl)) add(part.secret, 'database.url (password)');
    environment.webhooks?.forEach((hook, index) => add(hook.secret, `webhooks[${index}].secret`));
    return digests;
  }

  private environment(name: string): EnvironmentConfig {
    const { loaded } = this.settings;
    const environment = loaded.config.environments[name];
    if (environment) return environment;
    const unset = loaded.unavailable[name];
    if (unset) {
      const variables = [...new Set(unset.map((u) => u.variable))].join(', ');
      throw new ProbeError('unavailable', `environment "${name}" cannot be read here: ${variables} ${unset.length > 1 ? 'are' : 'is'} not set`);
    }
    throw new ProbeError('unavailable', `environment "${name}" is not defined in ${loaded.file}`);
  }

  private view(environmentName: string, label: string, service: string | undefined, indexes: number[]): Promise<EnvView> {
    return this.memo.get(`view:${environmentName}:${label}`, async () => {
      const sources = await Promise.all(indexes.map((index) => this.source(environmentName, index)));
      const merged = new Map<string, string>();
      const origins = new Map<string, string>();
      for (const source of sources) {
        for (const [name, value] of source.variables) {
          merged.set(name, value);
          origins.set(name, source.description);
        }
      }
      const values = new Map([...merged].filter(([, value]) => value !== ''));
      const empty = new Set([...merged].filter(([, value]) => value === '').map(([name]) => name));
      return { environment: environmentName, label, service, values, empty, origins };
    });
  }

  private source(environmentName: string, index: number): Promise<ReadSource> {
    return this.memo.get(`source:${environmentName}:${index}`, async () => {
      const config = this.environment(environmentName).env?.[index];
      if (!config) throw new ProbeError('unavailable', `environment "${environmentName}" has no env[${index}]`);
      const description = describeSource(environmentName, index, config);
      const parsed = await this.read(config, description);
      if (!parsed.ok) throw new ProbeError('protocol', `${description} ${parsed.problem}`);
      // Registered before anything else can see them: from here on no output can carry these values.
      for (const [name, value] of parsed.variables) {
        for (const secret of secretMaterial(name, value)) registerSecret(secret);
        // Secrets inside structured values (a service-account JSON's private_key) are masked on their own too.
        for (const part of secretParts(value)) if (part.raw && part.raw.length >= 8 && !isKnownWeak(part.raw)) registerSecret(part.raw);
      }
      return { description, variables: parsed.variables };
    });
  }

  private async read(config: EnvSourceConfig, description: string): Promise<ParsedVariables> {
    const resolve = (file: string) => path.resolve(this.settings.loaded.dir, file);
    if ('dotenv' in config) return parseDotenvText(await this.readFileBounded(resolve(config.dotenv), description));
    if ('json' in config) return parseJsonVariables(await this.readFileBounded(resolve(config.json), description));
    if ('process' in config) return { ok: true, variables: fromProcess(this.settings.processEnv ?? process.env, config.only) };
    const output = await this.runCommand(config.command, config.timeout ?? this.limits.commandTimeoutMs, description);
    if (config.format === 'dotenv') return parseDotenvText(output);
    if (config.format === 'kv') return parseKvVariables(output);
    return parseJsonVariables(output);
  }

  private async readFileBounded(file: string, description: string): Promise<string> {
    let text: Buffer;
    try {
      // A regular file only, read up to the cap: a FIFO would hang the run and /dev/zero never end.
      text = await readRegularFile(file, this.limits.maxFileBytes);
    } catch (error) {
      if (error instanceof UnreadableFileError && error.tooLarge) {
        throw new ProbeError('protocol', `${description} is more than the ${this.limits.maxFileBytes}-byte limit for an env file`);
      }
      const reason = error instanceof UnreadableFileError ? error.reason : ((error as NodeJS.ErrnoException).code ?? 'unknown error');
      throw new ProbeError('unavailable', `${description} cannot be read (${reason})`);
    }
    return text.toString('utf8');
  }

  private async runCommand(command: string, timeoutMs: number, description: string): Promise<string> {
    try {
      const result = await runBoundedCommand(command, {
        cwd: this.settings.loaded.dir,
        signal: this.settings.signal,
        timeoutMs,
        maxStdoutBytes: this.limits.maxCommandOutputBytes,
      });
      if (result.truncated) throw new ProbeError('protocol', `${description} printed more than ${this.limits.maxCommandOutputBytes} bytes`);
      if (result.exitCode !== 0) {
        const how = result.exitCode === null ? `was ended by ${result.signal ?? 'a signal'}` : `exited with code ${result.exitCode}`;
        throw new ProbeError('unavailable', `${description} ${how}${stderrSuffix(result.stderrTail)}`);
      }
      return result.stdout;
    } catch (error) {
      if (error instanceof CommandError) throw new ProbeError(error.code, `${description} ${error.message}${stderrSuffix(error.stderrTail)}`);
      throw error;
    }
  }
}

function stderrSuffix(stderr: string): string {
  const scrubbed = scrubForeignText(stderr);
  return scrubbed ? `; stderr: ${scrubbed}` : '';
}

/** Names a source without quoting a command line, which may carry a token. */
export function describeSource(environmentName: string, index: number, config: EnvSourceConfig): string {
  const where = `environments.${environmentName}.env[${index}]`;
  if ('dotenv' in config) return `${where} (dotenv ${config.dotenv})`;
  if ('json' in config) return `${where} (json ${config.json})`;
  if ('process' in config) return `${where} (process environment)`;
  const program = /^[\w./-]+/.exec(config.command.trim())?.[0];
  return `${where} (command${program ? ` ${program.split('/').pop()}` : ''})`;
}

function fromProcess(env: NodeJS.ProcessEnv, only: readonly string[] | undefined): Map<string, string> {
  const wanted = (name: string) =>
    !only || only.some((pattern) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern));
  return new Map(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && wanted(entry[0])));
}

/** The variables of this environment (and of others, for reuse checks) from their `env:` sources; read once per run. */
export const envProbe = defineProbe<EnvProbe>({
  name: 'env',
  describes: 'Reads env sources (dotenv and JSON files, bounded commands in a process group with a timeout and an output cap, this process) once per run; every secret-looking value is registered for redaction as it is parsed.',
  create: (run) => new EnvProbe({ loaded: run.target.loaded, signal: run.signal }),
});
