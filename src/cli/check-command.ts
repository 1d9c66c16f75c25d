import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { loadAttestations } from '../config/attestations.js';
import { ConfigError, UsageError } from '../config/errors.js';
import { readDuration, TIME_LIMIT } from '../config/duration.js';
import { loadConfig, selectEnvironment, type SelectedEnvironment } from '../config/load.js';
import { readRegularFile, UnreadableFileError } from '../config/read-file.js';
import { knownNames, validateWaivers } from '../config/references.js';
import { applyOverrides } from '../run/overrides.js';
import { validateCheckOverrides } from '../run/check-options.js';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, runChecks } from '../run/runner.js';
import { RunProbes } from '../probes/probe-set.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/schema.js';
import { reporterFor } from '../reporters/index.js';
import { createProgress } from '../reporters/progress.js';
import type { Reporter } from '../reporters/types.js';
import { watchInterrupts } from './interrupts.js';
import { prepareOutDir } from './out-dir.js';
import { colorLevelFor } from './output.js';
import { toolInfo } from './package-info.js';
import { parseSeverity, selectChecks, splitList, type SelectionFilters } from './selection.js';
import { registerRunSecrets } from './register-run-secrets.js';
import { writeReports } from './write-reports.js';

export interface CheckOptions {
  config: string;
  format: string;
  out?: string;
  only?: string;
  skip?: string;
  section?: string;
  severity?: string;
  concurrency?: string;
  timeout?: string;
  failOn?: string;
  strict?: boolean;
  requireAttestations?: boolean;
  showManual?: boolean;
  color?: boolean;
  debug?: boolean;
}

export const EXIT = { passed: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** A bundle of extra CAs is kilobytes; a file past this is not one. */
const MAX_CA_BYTES = 1024 * 1024;

/** `readiness check <env>`: run the selected checks, write the reports, and return the exit code. */
export async function checkCommand(environmentName: string, options: CheckOptions): Promise<number> {
  const formats = parseFormats(options.format, options.out);
  const loaded = await loadConfig(options.config);
  const target = selectEnvironment(loaded, environmentName);
  const { catalog } = await import('../../checks/index.js');
  validateCheckOverrides(loaded, catalog);
  const known = knownNames(loaded, catalog);
  validateWaivers(loaded, known);
  const filters = parseFilters(options);
  const checks = selectChecks(catalog, filters, loaded.config.checks);
  if (checks.length === 0) throw new UsageError('no check matches the given --only/--skip/--section/--severity filters');

  const concurrency = options.concurrency !== undefined ? parseCount(options.concurrency, '--concurrency') : (loaded.config.concurrency ?? DEFAULT_CONCURRENCY);
  const timeoutMs = options.timeout !== undefined ? parseTimeout(options.timeout) : (loaded.config.timeout ?? DEFAULT_TIMEOUT_MS);
  const gate = {
    ...loaded.config.gate,
    ...(options.failOn ? { failOn: parseSeverity(options.failOn, '--fail-on') } : {}),
    ...(options.strict ? { strict: true } : {}),
    ...(options.requireAttestations ? { requireAttestations: true } : {}),
  };
  const attestations = await loadAttestations(path.resolve(loaded.dir, loaded.config.attestations), known);
  const extraCa = await readExtraCa(target);
  if (options.out) await prepareOutDir(options.out, formats.flatMap((r) => (r.fileName ? [r.fileName] : [])));

  const interrupt = new AbortController();
  // Every running check and probe listens to this one signal; the default cap of 10 listeners would warn.
  setMaxListeners(0, interrupt.signal);
  const interrupts = watchInterrupts(() => interrupt.abort());

  const tool = toolInfo();
  const probes = new RunProbes({
    target,
    signal: interrupt.signal,
    userAgent: `${tool.name}/${tool.version} (production readiness check; read-only)`,
    ...(extraCa ? { extraCa } : {}),
    http: {
      totalTimeoutMs: Math.min(10_000, timeoutMs),
      // A fetch waits for a target's rate limit at most three quarters of a check's budget, leaving time for the answer.
      rateLimitPatienceMs: Math.round(timeoutMs * 0.75),
      ...(loaded.config.requestsPerOrigin !== undefined ? { maxInFlightPerOrigin: loaded.config.requestsPerOrigin } : {}),
    },
  });
  const progress = await createProgress(checks, {
    stream: process.stderr,
    tty: process.stderr.isTTY === true && !process.env.CI,
    signal: interrupt.signal,
    colorLevel: colorLevelFor(process.stderr, options.color),
  });

  let report: Report;
  try {
    await registerRunSecrets(target, checks, probes);
    const run = await runChecks({
      checks,
      target,
      probes,
      concurrency,
      timeoutMs,
      overrides: loaded.config.checks,
      signal: interrupt.signal,
      listener: progress.listener,
      debug: options.debug === true,
    });
    await progress.finish();
    const results = applyOverrides(run.results, {
      environment: target.name,
      attestations,
      waivers: loaded.config.waivers,
      today: new Date().toISOString().slice(0, 10),
    });
    report = buildReport({ tool, environment: target.name, run, results, gate, catalogSize: catalog.length, filters: describeFilters(filters) });
  } finally {
    await probes.close();
  }

  try {
    await writeReports(report, formats, options);
  } finally {
    interrupts.dispose();
  }
  if (report.interrupted) return interrupts.exitCode();
  return report.gate.passed ? EXIT.passed : EXIT.failed;
}

function parseFormats(value: string, outDir: string | undefined): Reporter[] {
  const names = splitList(value) ?? ['text'];
  const reporters = [...new Set(names)].map(reporterFor);
  const fileFormats = reporters.filter((r) => r.format !== 'text');
  if (!outDir && (fileFormats.length > 1 || (fileFormats.length === 1 && reporters.length > 1))) {
    throw new UsageError(
      `--format ${value}: without --out only one format can go to standard output; add --out <dir> to write ${fileFormats.map((r) => r.fileName).join(', ')}`,
    );
  }
  return reporters;
}

function parseFilters(options: CheckOptions): SelectionFilters {
  return {
    ...(options.only !== undefined ? { only: splitList(options.only) ?? [] } : {}),
    ...(options.skip !== undefined ? { skip: splitList(options.skip) ?? [] } : {}),
    ...(options.section !== undefined ? { section: splitList(options.section) ?? [] } : {}),
    ...(options.severity !== undefined ? { severity: parseSeverity(options.severity, '--severity') } : {}),
  };
}

function describeFilters(filters: SelectionFilters): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as Record<string, string | string[]>;
}

function parseCount(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`${flag} ${value}: expected a whole number from 1 to 64`);
  return n;
}

function parseTimeout(value: string): number {
  const reading = readDuration(value, TIME_LIMIT);
  if (!reading.ok) throw new UsageError(`--timeout ${value}: ${reading.problem}`);
  return reading.ms;
}

async function readExtraCa(target: SelectedEnvironment): Promise<string | undefined> {
  const ca = target.environment.tls?.ca;
  if (!ca) return undefined;
  const file = target.resolvePath(ca);
  try {
    return (await readRegularFile(file, MAX_CA_BYTES)).toString('utf8');
  } catch (error) {
    const reason = error instanceof UnreadableFileError ? error.reason : `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`;
    const keyPath = ['environments', target.name, 'tls', 'ca'];
    throw new ConfigError(target.loaded.file, [{ path: keyPath, message: `cannot read ${file}: ${reason}`, ...target.loaded.locate(keyPath) }]);
  }
}
