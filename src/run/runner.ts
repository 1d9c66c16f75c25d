import { setMaxListeners } from 'node:events';
import { z } from 'zod';
import type { SelectedEnvironment } from '../config/load.js';
import type { CheckOverride } from '../config/schema/index.js';
import { CheckTimeoutError, InterruptedError, isProbeError } from '../core/errors.js';
import type { Probes } from '../probes/registry.js';
import type { Check, CheckContext, Need } from '../kit/check.js';
import { probeFailure } from '../kit/probe-failure.js';
import { raceAbort } from '../core/memo.js';
import { outcome } from '../core/outcome.js';
import { redactDeep, redactText, registerStaticText } from '../core/redact.js';
import { safeDeep, safeLine, safeLines } from '../core/safe-text.js';
import { STATUSES, type CheckOutcome, type CheckResult } from '../core/types.js';

export interface RunListener {
  onStart?(check: Check): void;
  onResult?(result: CheckResult): void;
}

export interface RunSpec {
  checks: readonly Check[];
  target: SelectedEnvironment;
  probes: Probes;
  concurrency: number;
  /** Default time budget of one check. */
  timeoutMs: number;
  /** `checks:` of the config: severity, timeout and each check's own options, parsed here against the check's schema. */
  overrides?: Readonly<Record<string, CheckOverride>>;
  /** Aborts the whole run (Ctrl-C): running checks end `error`, unstarted ones are reported as not run. */
  signal?: AbortSignal;
  listener?: RunListener;
  /** Include stack traces of crashing checks in their evidence. */
  debug?: boolean;
}

export interface RunOutcome {
  results: CheckResult[];
  startedAt: string;
  durationMs: number;
  interrupted: boolean;
}

export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_TIMEOUT_MS = 20_000;

const outcomeSchema = z.object({
  status: z.enum(STATUSES),
  message: z.string().min(1),
  evidence: z.record(z.string(), z.unknown()).optional(),
  remediation: z.string().optional(),
});

/** Runs every check, bounded in concurrency and time; always returns one result per check, in catalog order. */
export async function runChecks(spec: RunSpec): Promise<RunOutcome> {
  const startedAt = new Date();
  const started = performance.now();
  const results: (CheckResult | undefined)[] = new Array(spec.checks.length);
  const runSignal = spec.signal ?? new AbortController().signal;
  // Every running check listens to the run's signal (16 at once by default); the default cap of 10 would warn.
  setMaxListeners(0, runSignal);
  // The checks' own prose holds no secret: redaction leaves it as written wherever a result quotes it.
  for (const check of spec.checks) registerStaticText(check.item, check.verifies, check.how, check.remediation, check.attestation);
  let next = 0;

  const worker = async () => {
    while (next < spec.checks.length && !runSignal.aborted) {
      const index = next++;
      const check = spec.checks[index]!;
      spec.listener?.onStart?.(check);
      const result = await runOne(check, spec, runSignal);
      results[index] = result;
      spec.listener?.onResult?.(result);
    }
  };
  const workers = Math.max(1, Math.min(spec.concurrency, spec.checks.length));
  await Promise.all(Array.from({ length: workers }, worker));

  const interrupted = runSignal.aborted;
  const complete = spec.checks.map((check, index) => {
    const result = results[index];
    if (result) return result;
    const notRun = toResult(check, spec, outcome('error', 'not run: the run was interrupted (Ctrl-C) first'), 0);
    spec.listener?.onResult?.(notRun);
    return notRun;
  });
  return {
    results: complete,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    interrupted,
  };
}

async function runOne(check: Check, spec: RunSpec, runSignal: AbortSignal): Promise<CheckResult> {
  const started = performance.now();
  const override = spec.overrides?.[check.id];
  const missing = missingNeeds(check.needs, spec.target);
  if (missing.length > 0) {
    const key = (name: string) => `environments.${spec.target.name}.${name}`;
    const keys = missing.map((need) => (typeof need === 'string' ? key(need) : need.map(key).join(' or '))).join(', ');
    const where = `(this line needs ${missing.length > 1 ? 'them' : 'it'} in ${spec.target.loaded.file})`;
    // A line a person can verify is still owed when readiness cannot observe it: manual keeps it in front of the
    // go-live sign-off until it is configured or attested. A line conditional by its own text, or one only a machine
    // can verify, is left out as before.
    const unverified = check.attestation !== undefined && !isConditional(check.item);
    return toResult(
      check,
      spec,
      unverified
        ? outcome('manual', `not probed: ${keys} not configured ${where}; configure it so readiness verifies the line, or attest it: ${check.attestation}`, {
            evidence: { missing },
          })
        : outcome('skip', `not configured: ${keys} ${where}`, { evidence: { missing } }),
      performance.now() - started,
    );
  }

  const timeoutMs = override?.timeout ?? spec.timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new CheckTimeoutError(timeoutMs)), timeoutMs);
  const onInterrupt = () => controller.abort(new InterruptedError());
  runSignal.addEventListener('abort', onInterrupt, { once: true });
  if (runSignal.aborted) onInterrupt();

  let result: CheckOutcome;
  try {
    const options = parseOptions(check, override);
    if ('invalid' in options) return toResult(check, spec, options.invalid, performance.now() - started);
    const ctx = createContext(check, spec, options.parsed, controller.signal);
    const raw = await raceAbort(Promise.resolve().then(() => check.run(ctx)), controller.signal);
    result = validate(raw);
  } catch (error) {
    result = fromError(error, spec.debug === true);
  } finally {
    clearTimeout(timer);
    runSignal.removeEventListener('abort', onInterrupt);
  }
  return toResult(check, spec, result, performance.now() - started);
}

/**
 * A check's options from the config, with its schema's defaults. Parsed here, not by each caller, so no caller can
 * forget and hand a check `{}` (a limit that silently never applies). The CLI validates them at load for exit 2
 * (validateCheckOverrides); options that still do not fit make the line `error`, never a run with defaults.
 */
function parseOptions(check: Check, override: CheckOverride | undefined): { parsed: Record<string, unknown> } | { invalid: CheckOutcome } {
  if (!check.options) return { parsed: {} };
  const parsed = check.options.safeParse(override?.options ?? {});
  if (parsed.success) return { parsed: parsed.data as Record<string, unknown> };
  const problems = parsed.error.issues.map((issue) => `${['checks', check.id, 'options', ...issue.path.map(String)].join('.')}: ${issue.message}`);
  return { invalid: outcome('error', `the check's options do not fit its schema: ${problems.join('; ')}`, { evidence: { reason: 'options', problems } }) };
}

function createContext(check: Check, spec: RunSpec, options: Record<string, unknown>, signal: AbortSignal): CheckContext {
  return {
    environmentName: spec.target.name,
    environment: spec.target.environment,
    target: spec.target,
    options,
    signal,
    probes: spec.probes,
    meta: check,
    probe: (definition) => spec.probes.get(definition),
  };
}

function validate(raw: unknown): CheckOutcome {
  const parsed = outcomeSchema.safeParse(raw);
  if (!parsed.success) {
    return outcome('error', 'the check returned a malformed result (a bug in the check, not a verdict on the target)', {
      evidence: { problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'result'}: ${i.message}`) },
    });
  }
  try {
    // Evidence must survive every report format: JSON round-trip drops functions and rejects BigInt and cycles.
    const evidence = parsed.data.evidence ? (JSON.parse(JSON.stringify(parsed.data.evidence)) as Record<string, unknown>) : undefined;
    return { ...parsed.data, ...(evidence ? { evidence } : {}) };
  } catch {
    return outcome('error', 'the check returned evidence that cannot be serialised (a bug in the check)');
  }
}

function fromError(error: unknown, debug: boolean): CheckOutcome {
  if (error instanceof CheckTimeoutError) {
    return outcome('error', `${error.message}; raise --timeout or checks.<id>.timeout if the target is slow`, {
      evidence: { reason: 'timeout', timeoutMs: error.timeoutMs },
    });
  }
  if (error instanceof InterruptedError) return outcome('error', error.message, { evidence: { reason: 'interrupted' } });
  if (isProbeError(error)) return probeFailure(error);
  const message = error instanceof Error ? error.message : String(error);
  return outcome('error', `the check crashed: ${message}`, {
    evidence: { reason: 'exception', ...(debug && error instanceof Error && error.stack ? { stack: error.stack } : {}) },
  });
}

/**
 * What a check said is data (built from observations and config): redacted, and stripped of control characters
 * that could forge a line on a terminal. What the catalog says (item, verifies, how, its remediation) is the
 * tool's own text and is passed on as written.
 */
function toResult(check: Check, spec: RunSpec, result: CheckOutcome, durationMs: number): CheckResult {
  const safe = {
    status: result.status,
    message: safeLine(redactText(result.message)),
    evidence: result.evidence ? safeDeep(redactDeep(result.evidence)) : undefined,
    remediation: result.remediation !== undefined ? safeLines(redactText(result.remediation)) : undefined,
  };
  return {
    id: check.id,
    section: check.section,
    item: check.item,
    verifies: check.verifies,
    how: check.how,
    severity: spec.overrides?.[check.id]?.severity ?? check.severity,
    automation: check.automation,
    status: safe.status,
    message: safe.message,
    evidence: safe.evidence ?? {},
    remediation: safe.remediation ?? (safe.status === 'pass' || safe.status === 'skip' ? '' : check.remediation),
    durationMs: Math.round(durationMs),
  };
}

/** "… (if supporting)", "… (if applicable)", "… (if serving EU customers)": the checklist says the line may not apply. */
export function isConditional(item: string): boolean {
  return /\((if|when|where)\b[^)]*\)/i.test(item);
}

/** The needs not met: a key that is absent or empty, or a group none of whose keys is configured. */
function missingNeeds(needs: readonly Need[], target: SelectedEnvironment): Need[] {
  const absent = (key: string): boolean => {
    const value: unknown = target.environment[key as keyof typeof target.environment];
    if (value === undefined || value === null) return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === 'object') return Object.keys(value).length === 0;
    return false;
  };
  return needs.filter((need) => (typeof need === 'string' ? absent(need) : need.every(absent)));
}
