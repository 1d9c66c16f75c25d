import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { loadAttestations } from '../config/attestations.js';
import { ConfigError, UsageError } from '../config/errors.js';
import { readDuration, TIME_LIMIT } from '../config/duration.js';
import { loadConfig, selectEnvironment, type SelectedEnvironment } from '../config/load.js';
import { readRegularFile, UnreadableFileError } from '../config/read-file.js';
import { knownNames, validateWaivers } from '../config/references.js';
import { applyOverrides, type OverrideSources } from '../run/overrides.js';
import { validateCheckOverrides } from '../run/check-options.js';
import { DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_MS, runChecks, type RunListener } from '../run/runner.js';
import { RunProbes } from '../probes/probe-set.js';
import { buildReport } from '../report/build.js';
import type { Report } from '../report/schema.js';
import { reporterFor } from '../reporters/index.js';
import { createProgress } from '../reporters/progress.js';
import type { Reporter } from '../reporters/types.js';
import { watchInterrupts } from './interrupts.js';
import { prepareOutDir } from './out-dir.js';
import { canRedraw, colorLevelFor, err } from './output.js';
import { toolInfo } from './package-info.js';
import { parseSeverity, selectChecks, splitList, type SelectionFilters } from './selection.js';
import { registerRunSecrets } from './register-run-secrets.js';
import { resultLocator } from './result-locations.js';
import { writeReports } from './write-reports.js';
import { discoverConfig } from './config-discovery.js';
import { formatName } from './format-names.js';
import { gateVerdictLine } from './gate-verdict.js';
import { URL_SCAN_CHECKS, urlScan } from './url-scan.js';
import { annotationSource, publishToGitHub } from './github.js';

export interface CheckOptions {
  /** Absent: READINESS_CONFIG, else the nearest readiness.config.yaml/.yml (config-discovery.ts). */
  config?: string;
  /** Scan one address without a config (url-scan.ts). */
  url?: string;
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
  /** Only what needs attention: no live view, no passing lines. */
  quiet?: boolean;
  color?: boolean;
  debug?: boolean;
}

export const EXIT = { passed: 0, failed: 1, usage: 2, interrupted: 130 } as const;

/** A bundle of extra CAs is kilobytes; a file past this is not one. */
const MAX_CA_BYTES = 1024 * 1024;

/** `readiness check <env>`: run the selected checks, write the reports, and return the exit code. */
export async function checkCommand(environmentName: string | undefined, options: CheckOptions): Promise<number> {
  const formats = parseFormats(options.format, options.out);
  const scan = options.url !== undefined ? urlScan(options.url, environmentName) : undefined;
  if (!scan && environmentName === undefined) throw new UsageError('name the environment to check (readiness check prod), or scan one address: readiness check --url https://app.example.com');
  const loaded = scan ? scan.loaded : await loadConfig(discoverConfig(options.config));
  const target = selectEnvironment(loaded, scan ? scan.environment : (environmentName ?? ''));
  const { catalog } = await import('../../checks/index.js');
  validateCheckOverrides(loaded, catalog);
  const known = knownNames(loaded, catalog);
  validateWaivers(loaded, known);
  const filters = parseFilters(options);
  if (scan && filters.only === undefined) filters.only = [...URL_SCAN_CHECKS];
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
  // A --url scan has no project, so a readiness.attestations.yaml in the cwd belongs to some other config.
  const attestations = scan ? [] : await loadAttestations(path.resolve(loaded.dir, loaded.config.attestations), known);
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
    tty: canRedraw(process.stderr),
    quiet: options.quiet === true,
    signal: interrupt.signal,
    colorLevel: colorLevelFor(process.stderr, options.color),
  });

  const overrideSources: OverrideSources = {
    environment: target.name,
    attestations,
    waivers: loaded.config.waivers,
    today: new Date().toISOString().slice(0, 10),
  };
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
      listener: withOverrides(progress.listener, overrideSources),
      debug: options.debug === true,
    });
    await progress.finish();
    const results = applyOverrides(run.results, overrideSources);
    report = buildReport({ tool, environment: target.name, run, results, gate, catalogSize: catalog.length, filters: describeFilters(filters), locate: resultLocator(target, checks) });
  } finally {
    await probes.close();
  }

  try {
    await writeReports(report, formats, options);
    if (process.env.GITHUB_ACTIONS === 'true') await publishToGitHub({ report, source: annotationSource(loaded, target.name, checks) });
  } finally {
    interrupts.dispose();
  }
  if (!formats.some((r) => r.format === 'text')) err(gateVerdictLine(report));
  if (report.interrupted) return interrupts.exitCode();
  return report.gate.passed ? EXIT.passed : EXIT.failed;
}

function parseFormats(value: string, outDir: string | undefined): Reporter[] {
  const names = splitList(value) ?? ['text'];
  const reporters = [...new Set(names.map(formatName))].map(reporterFor);
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

/** Progress sees each result as the report will (an attested line as a pass by attestation, not as awaiting one). */
function withOverrides(listener: RunListener, sources: OverrideSources): RunListener {
  return {
    ...(listener.onStart ? { onStart: (check) => listener.onStart?.(check) } : {}),
    onResult: (result) => listener.onResult?.(applyOverrides([result], sources)[0] ?? result),
  };
}
