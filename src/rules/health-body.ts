/**
 * What a health endpoint's JSON body says about the service, read in the shapes health endpoints write:
 * - a status word or boolean at the top (`{"status":"ok"}`, `{"status":false}`, `{"ok":false}`, `{"healthy":true}`);
 * - the same inside a response envelope (`{"success":true,"data":{"status":"down"}}`);
 * - Spring Boot actuator: `status` UP/DOWN/OUT_OF_SERVICE/UNKNOWN with `components` (2.2+) or `details` (2.0/2.1),
 *   nested (https://docs.spring.io/spring-boot/reference/actuator/endpoints.html#actuator.endpoints.health);
 * - NestJS Terminus: `status` ok/error/shutting_down with `info`, `error` and `details` maps of `{status: up|down}`
 *   (https://docs.nestjs.com/recipes/terminus);
 * - the IETF health-check draft: `status` pass/fail/warn with `checks` mapping "component:measure" to arrays of
 *   objects with their own `status` (draft-inadarei-api-health-check §3, §4).
 */

export type HealthWord = 'healthy' | 'degraded' | 'unhealthy';

/** One status read from the body, where it was read, and what it means. */
export interface HealthReading {
  /** Where in the body: `status`, `data.status`, `components.db.status`, `ok`, `checks.db:responseTime[0].status`. */
  path: string;
  value: string | boolean;
  meaning: HealthWord;
  /** True for the service's own status (top level or an envelope), false for one of its components. */
  overall: boolean;
}

export interface HealthReport {
  /** What the body says overall; `unknown` when it says nothing this reader recognises (a plain `{"uptime":12}`). */
  verdict: HealthWord | 'unknown';
  /** The readings the verdict rests on (the worst ones). */
  decisive: HealthReading[];
  readings: HealthReading[];
}

const WORDS: Record<HealthWord, readonly string[]> = {
  healthy: ['up', 'ok', 'okay', 'pass', 'passed', 'passing', 'healthy', 'green', 'good', 'alive', 'running', 'ready', 'available', 'online', 'operational', 'serving', 'live', 'success', 'true'],
  degraded: ['degraded', 'warn', 'warning', 'partial', 'partially_degraded', 'degraded_performance', 'yellow', 'unknown', 'starting', 'maintenance'],
  unhealthy: [
    'down', 'fail', 'failed', 'failure', 'failing', 'error', 'errored', 'unhealthy', 'critical', 'out_of_service', 'red', 'dead', 'offline', 'unavailable',
    'not_ready', 'bad', 'false', 'shutting_down', 'not_serving', 'outage', 'major_outage', 'partial_outage', 'ko', 'nok', 'not_ok', 'stopped',
  ],
};

/** The meaning of a status word, case and separators ignored; undefined for a word no health format uses. */
export function healthWord(value: string): HealthWord | undefined {
  const word = value.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return (Object.keys(WORDS) as HealthWord[]).find((meaning) => WORDS[meaning].includes(word));
}

/** Fields holding the service's (or a component's) own status. */
const STATUS_FIELDS = ['status', 'state', 'health', 'healthStatus', 'health_status', 'overall', 'overallStatus', 'overall_status'];
/** Fields whose boolean says healthy or not. */
const BOOLEAN_FIELDS = ['ok', 'healthy', 'isHealthy', 'is_healthy', 'up', 'alive', 'ready', 'live', 'available', 'success'];
/** Envelopes that wrap the service's own answer. */
const ENVELOPES = ['data', 'result', 'health', 'payload', 'body', 'response'];
/** Maps (or lists) of components, each with its own status. */
const COMPONENT_MAPS = ['components', 'details', 'checks', 'info', 'error', 'errors', 'services', 'dependencies', 'indicators'];
const MAX_DEPTH = 4;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is Record<string, Json> => value !== null && typeof value === 'object' && !Array.isArray(value);

export function readHealthJson(body: unknown): HealthReport {
  const readings: HealthReading[] = [];
  if (Array.isArray(body)) readComponents(body as Json[], '', readings, 1);
  else if (isObject(body)) readObject(body, '', true, readings, 0);
  return verdictOf(readings);
}

function readObject(object: Record<string, Json>, prefix: string, overall: boolean, readings: HealthReading[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const at = (key: string) => `${prefix}${key}`;
  for (const field of STATUS_FIELDS) {
    const value = object[field];
    if (typeof value === 'boolean') readings.push({ path: at(field), value, meaning: value ? 'healthy' : 'unhealthy', overall });
    else if (typeof value === 'string') {
      const meaning = healthWord(value);
      if (meaning) readings.push({ path: at(field), value, meaning, overall });
    }
  }
  for (const field of BOOLEAN_FIELDS) {
    const value = object[field];
    // `success: true` only says the request worked, as envelopes put it; `success: false` does say something failed.
    if (typeof value === 'boolean' && !(field === 'success' && value)) readings.push({ path: at(field), value, meaning: value ? 'healthy' : 'unhealthy', overall });
  }
  if (overall) {
    // A top-level error text with no status beside it is the service saying something is wrong.
    const error = object.error;
    if (typeof error === 'string' && error.trim() !== '' && !STATUS_FIELDS.some((f) => f in object)) {
      readings.push({ path: at('error'), value: error.slice(0, 80), meaning: 'unhealthy', overall });
    }
    const errors = object.errors;
    if (Array.isArray(errors) && errors.some((e) => typeof e === 'string' && e.trim() !== '')) {
      readings.push({ path: at('errors'), value: `${errors.length} error(s)`, meaning: 'unhealthy', overall });
    }
    for (const envelope of ENVELOPES) {
      const inner = object[envelope];
      if (isObject(inner)) readObject(inner, `${at(envelope)}.`, true, readings, depth + 1);
    }
  }
  for (const map of COMPONENT_MAPS) {
    const inner = object[map];
    if (isObject(inner)) {
      for (const [name, component] of Object.entries(inner)) readComponent(component, `${at(map)}.${name}`, readings, depth + 1);
    } else if (Array.isArray(inner)) {
      readComponents(inner, `${at(map)}`, readings, depth + 1);
    }
  }
}

function readComponents(list: readonly Json[], prefix: string, readings: HealthReading[], depth: number): void {
  list.slice(0, 50).forEach((item, i) => {
    const name = isObject(item) && typeof (item.name ?? item.componentId ?? item.id) === 'string' ? String(item.name ?? item.componentId ?? item.id) : String(i);
    readComponent(item, prefix ? `${prefix}.${name}` : name, readings, depth);
  });
}

/** A component is an object with its own status (and maybe nested components), or an IETF-draft array of such objects. */
function readComponent(component: Json, path: string, readings: HealthReading[], depth: number): void {
  if (isObject(component)) readObject(component, `${path}.`, false, readings, depth);
  else if (Array.isArray(component)) component.slice(0, 50).forEach((item, i) => isObject(item) && readObject(item, `${path}[${i}].`, false, readings, depth));
}

const RANK: Record<HealthWord, number> = { healthy: 0, degraded: 1, unhealthy: 2 };

/**
 * The service's own word decides; a component that is down while the service says it is up makes it degraded
 * (the aggregate hides a failure). With no overall status, the worst component decides.
 */
function verdictOf(readings: HealthReading[]): HealthReport {
  if (readings.length === 0) return { verdict: 'unknown', decisive: [], readings };
  const overall = readings.filter((r) => r.overall);
  const components = readings.filter((r) => !r.overall);
  const worst = (list: readonly HealthReading[]) => list.reduce<HealthWord>((w, r) => (RANK[r.meaning] > RANK[w] ? r.meaning : w), 'healthy');
  if (overall.length > 0) {
    const own = worst(overall);
    if (own !== 'healthy') return { verdict: own, decisive: overall.filter((r) => r.meaning === own), readings };
    const failing = components.filter((r) => r.meaning !== 'healthy');
    if (failing.length > 0) return { verdict: 'degraded', decisive: failing, readings };
    return { verdict: 'healthy', decisive: overall, readings };
  }
  const verdict = worst(components);
  return { verdict, decisive: components.filter((r) => r.meaning === verdict), readings };
}
