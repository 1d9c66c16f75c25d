import { parse as parseToml } from 'smol-toml';
import { judged, type Judgement } from '../core/outcome.js';

/** The config-as-code files Railway reads from a service's root, in the order it prefers them. */
export const RAILWAY_CONFIG_FILES = ['railway.json', 'railway.toml'] as const;

export type RailwayDeploy = Readonly<Record<string, unknown>>;

export type RailwayConfig =
  | { kind: 'config'; file: string; deploy: RailwayDeploy; build: Readonly<Record<string, unknown>>; environment?: string }
  | { kind: 'invalid'; file: string; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The deploy settings of one railway.json / railway.toml, with the block of `environments.<name>.deploy` for the
 * environment under test laid over the top-level `deploy` (Railway applies environment overrides the same way).
 */
export function parseRailwayConfig(file: string, text: string, environmentName: string): RailwayConfig {
  let document: unknown;
  try {
    document = file.endsWith('.toml') ? parseToml(text) : JSON.parse(text);
  } catch (error) {
    // smol-toml and JSON.parse say where the syntax broke; neither quotes more than the offending character.
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unparsable';
    return { kind: 'invalid', file, message: `does not parse as ${file.endsWith('.toml') ? 'TOML' : 'JSON'}: ${reason}` };
  }
  if (!isRecord(document)) return { kind: 'invalid', file, message: 'is not an object of settings' };
  const deploy = document.deploy ?? {};
  if (!isRecord(deploy)) return { kind: 'invalid', file, message: '`deploy` is not an object of settings' };
  const environments = isRecord(document.environments) ? document.environments : {};
  const override = environments[environmentName];
  const overrideDeploy = isRecord(override) && isRecord(override.deploy) ? override.deploy : undefined;
  return {
    kind: 'config',
    file,
    deploy: { ...deploy, ...(overrideDeploy ?? {}) },
    build: { ...(isRecord(document.build) ? document.build : {}), ...(isRecord(override) && isRecord(override.build) ? override.build : {}) },
    ...(overrideDeploy ? { environment: environmentName } : {}),
  };
}

function positiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** `numReplicas` ≥ 1, or a `multiRegionConfig` whose every region runs at least one replica. */
export function judgeReplicas(deploy: RailwayDeploy): Judgement[] {
  const regions = deploy.multiRegionConfig;
  if (isRecord(regions) && Object.keys(regions).length > 0) {
    const counts = Object.entries(regions).map(([region, settings]) => [region, isRecord(settings) ? settings.numReplicas : undefined] as const);
    const bad = counts.filter(([, count]) => !positiveInteger(count)).map(([region]) => region);
    if (bad.length > 0) {
      return [judged('multiRegionConfig', 'fail', `region ${bad.join(', ')} has no numReplicas ≥ 1`, 'Give every region in deploy.multiRegionConfig a numReplicas of at least 1.')];
    }
    const total = counts.reduce((sum, [, count]) => sum + (count as number), 0);
    return [judged('multiRegionConfig', 'pass', `${total} replica(s) across ${counts.map(([r, c]) => `${r}: ${String(c)}`).join(', ')}`)];
  }
  const replicas = deploy.numReplicas;
  if (replicas === undefined) {
    return [judged('numReplicas', 'fail', 'not set (Railway then runs whatever the dashboard says, which the repository does not record)', 'Set deploy.numReplicas (start with 1) in railway.json / railway.toml.')];
  }
  if (!positiveInteger(replicas)) {
    return [judged('numReplicas', 'fail', `is ${JSON.stringify(replicas)}, expected a whole number ≥ 1`, 'Set deploy.numReplicas to 1 or more.')];
  }
  return [judged('numReplicas', 'pass', `${replicas} replica(s)`)];
}

export interface RestartLimits {
  /** Retries above this let a crash-looping service restart forever in practice. */
  maxRetries: number;
}

/** `restartPolicyType` ON_FAILURE with a bounded retry count, or ALWAYS; NEVER (or nothing) leaves a crashed service down. */
export function judgeRestartPolicy(deploy: RailwayDeploy, limits: RestartLimits): Judgement[] {
  const type = deploy.restartPolicyType;
  const retries = deploy.restartPolicyMaxRetries;
  const fix = 'Set deploy.restartPolicyType = "ON_FAILURE" with deploy.restartPolicyMaxRetries (e.g. 10), or "ALWAYS".';
  if (type === undefined) return [judged('restartPolicyType', 'fail', 'not set in the config file', fix)];
  if (typeof type !== 'string') return [judged('restartPolicyType', 'fail', `is ${JSON.stringify(type)}, expected ON_FAILURE or ALWAYS`, fix)];
  const policy = type.toUpperCase();
  if (policy === 'NEVER') return [judged('restartPolicyType', 'fail', 'is NEVER: a crashed service stays down', fix)];
  if (policy === 'ALWAYS') return [judged('restartPolicyType', 'pass', 'ALWAYS')];
  if (policy !== 'ON_FAILURE') return [judged('restartPolicyType', 'fail', `is ${JSON.stringify(type)}, which Railway does not know (ON_FAILURE, ALWAYS, NEVER)`, fix)];
  if (retries === undefined) {
    return [judged('restartPolicyType', 'pass', 'ON_FAILURE'), judged('restartPolicyMaxRetries', 'fail', 'not set: ON_FAILURE needs a retry cap', fix)];
  }
  if (!positiveInteger(retries)) {
    return [judged('restartPolicyType', 'pass', 'ON_FAILURE'), judged('restartPolicyMaxRetries', 'fail', `is ${JSON.stringify(retries)}, expected a whole number ≥ 1`, fix)];
  }
  if (retries > limits.maxRetries) {
    return [
      judged('restartPolicyType', 'pass', 'ON_FAILURE'),
      judged('restartPolicyMaxRetries', 'warn', `${retries} retries, above the limit of ${limits.maxRetries}: a crash loop goes on long before anyone notices`, `Lower deploy.restartPolicyMaxRetries to ${limits.maxRetries} or fewer.`),
    ];
  }
  return [judged('restartPolicyType', 'pass', 'ON_FAILURE'), judged('restartPolicyMaxRetries', 'pass', `${retries} retries`)];
}

/** A healthcheck path as Railway would call it, or undefined when none is usable. */
export function healthcheckPathOf(deploy: RailwayDeploy): string | undefined {
  const value = deploy.healthcheckPath;
  return typeof value === 'string' && value.startsWith('/') ? value : undefined;
}

/**
 * What the config says about a deploy without downtime: a healthcheck path (Railway switches traffic only once it
 * answers), a healthcheck timeout, and overlap/draining seconds that are sane where set. Whether the live service
 * answers the path is judged by the check.
 */
export function judgeZeroDowntimeConfig(deploy: RailwayDeploy): Judgement[] {
  const judgements: Judgement[] = [];
  const path = deploy.healthcheckPath;
  if (path === undefined) {
    judgements.push(judged('healthcheckPath', 'fail', 'not set: Railway switches traffic to a new deployment before it can serve', 'Set deploy.healthcheckPath (e.g. "/health") in railway.json / railway.toml.'));
  } else if (healthcheckPathOf(deploy) === undefined) {
    judgements.push(judged('healthcheckPath', 'fail', `is ${JSON.stringify(path)}, expected a path starting with "/"`, 'Set deploy.healthcheckPath to a path such as "/health".'));
  } else {
    judgements.push(judged('healthcheckPath', 'pass', String(path)));
  }
  const timeout = deploy.healthcheckTimeout;
  if (timeout === undefined) {
    judgements.push(judged('healthcheckTimeout', 'warn', 'not set (Railway waits its default of 300 s)', 'Set deploy.healthcheckTimeout to how long a healthy start may take.'));
  } else if (!positiveInteger(timeout)) {
    judgements.push(judged('healthcheckTimeout', 'fail', `is ${JSON.stringify(timeout)}, expected whole seconds ≥ 1`, 'Set deploy.healthcheckTimeout in seconds.'));
  } else {
    judgements.push(judged('healthcheckTimeout', 'pass', `${timeout} s`));
  }
  for (const key of ['overlapSeconds', 'drainingSeconds'] as const) {
    const value = deploy[key];
    if (value === undefined) continue;
    const seconds = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      judgements.push(judged(key, 'fail', `is ${JSON.stringify(value)}, expected whole seconds`, `Set deploy.${key} to whole seconds.`));
    } else if (key === 'drainingSeconds' && seconds === 0) {
      judgements.push(judged(key, 'warn', '0: in-flight requests are cut when the old deployment stops', 'Give the old deployment time to finish requests (deploy.drainingSeconds, e.g. 10).'));
    } else {
      judgements.push(judged(key, 'pass', `${seconds} s`));
    }
  }
  return judgements;
}

/**
 * `limitOverride.containers` with a positive `cpu` (vCPU) and `memoryBytes`. Absent, the limits live in the dashboard
 * if anywhere (Railway's default is the plan's maximum), which the repository cannot show: manual, not fail.
 */
export function judgeResourceLimits(deploy: RailwayDeploy): Judgement[] {
  const override = deploy.limitOverride;
  const containers = isRecord(override) ? override.containers : undefined;
  if (override === undefined) {
    return [judged('limitOverride', 'manual', 'not set in the config file: the limits, if any, are in the Railway dashboard (its default is the plan maximum)')];
  }
  if (!isRecord(containers)) {
    return [judged('limitOverride', 'fail', 'has no `containers` object with cpu and memoryBytes', 'Set deploy.limitOverride.containers = { cpu, memoryBytes }.')];
  }
  const judgements: Judgement[] = [];
  const cpu = containers.cpu;
  if (typeof cpu === 'number' && cpu > 0) judgements.push(judged('cpu', 'pass', `${cpu} vCPU`));
  else judgements.push(judged('cpu', 'fail', cpu === undefined ? 'not set' : `is ${JSON.stringify(cpu)}, expected a number of vCPU above 0`, 'Set deploy.limitOverride.containers.cpu (vCPU).'));
  const memory = containers.memoryBytes;
  if (typeof memory === 'number' && Number.isInteger(memory) && memory > 0) judgements.push(judged('memoryBytes', 'pass', `${Math.round(memory / 1e6)} MB`));
  else judgements.push(judged('memoryBytes', 'fail', memory === undefined ? 'not set' : `is ${JSON.stringify(memory)}, expected whole bytes above 0`, 'Set deploy.limitOverride.containers.memoryBytes.'));
  return judgements;
}
