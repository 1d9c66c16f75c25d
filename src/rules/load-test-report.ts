import { judged, type Judgement } from '../core/outcome.js';

const DAY_MS = 86_400_000;

/** What a load-test report says, whichever tool wrote it; a figure the report does not hold is left out. */
export interface LoadReport {
  format: 'k6 --summary-export' | 'k6 handleSummary JSON' | 'Artillery 2 report';
  requests?: number;
  /** Failed requests as a fraction of all requests (0..1). */
  errorRate?: number;
  /** How the error rate was counted, for the message. */
  errorsCounted?: string;
  p95Ms?: number;
  /** k6 thresholds by `metric: expression`, true when the threshold held. */
  thresholds: Record<string, boolean>;
  /** When the run ended, when the report itself says so (Artillery does; k6 summaries do not). */
  ranAtMs?: number;
}

export interface LoadLimits {
  /** p95 response time must be below this many milliseconds. */
  p95BelowMs: number;
  /** The share of failed requests must be below this percentage. */
  errorsBelowPercent: number;
  maxAgeDays: number;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const numberAt = (value: unknown, key: string): number | undefined => {
  const found = isObject(value) ? value[key] : undefined;
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
};

/**
 * k6's two JSON summaries. `--summary-export` (the legacy format) flattens each metric's values and writes every
 * threshold as a boolean that is TRUE WHEN THE THRESHOLD FAILED — k6 inverts `ok` there for backwards compatibility
 * (k6 js/summary-wrapper.js `oldJSONSummary`: `thresholds[name] = !threshold.ok`; k6 issue #1498). The object
 * handleSummary() receives, when a script writes it with JSON.stringify(data), keeps `values` and `{ ok }` instead.
 */
function readK6(report: Json): LoadReport | undefined {
  const metrics = report.metrics;
  if (!isObject(metrics) || !('root_group' in report)) return undefined;
  const metricValues = Object.values(metrics).filter(isObject);
  const handleSummary = metricValues.some((metric) => isObject(metric.values));
  const values = (name: string): Json | undefined => {
    const metric = metrics[name];
    if (!isObject(metric)) return undefined;
    return handleSummary ? (isObject(metric.values) ? metric.values : undefined) : metric;
  };
  const thresholds: Record<string, boolean> = {};
  for (const [name, metric] of Object.entries(metrics)) {
    if (!isObject(metric) || !isObject(metric.thresholds)) continue;
    for (const [expression, result] of Object.entries(metric.thresholds)) {
      if (handleSummary) {
        if (isObject(result) && typeof result.ok === 'boolean') thresholds[`${name}: ${expression}`] = result.ok;
      } else if (typeof result === 'boolean') {
        thresholds[`${name}: ${expression}`] = !result;
      }
    }
  }
  const failed = values('http_req_failed');
  const errorRate = handleSummary ? numberAt(failed, 'rate') : numberAt(failed, 'value');
  const requests = numberAt(values('http_reqs'), 'count');
  const p95Ms = numberAt(values('http_req_duration'), 'p(95)');
  return {
    format: handleSummary ? 'k6 handleSummary JSON' : 'k6 --summary-export',
    thresholds,
    ...(requests !== undefined ? { requests } : {}),
    ...(errorRate !== undefined ? { errorRate, errorsCounted: 'http_req_failed' } : {}),
    ...(p95Ms !== undefined ? { p95Ms } : {}),
  };
}

/**
 * Artillery 2's `--output` report: `aggregate.counters` and `aggregate.summaries` (response times in ms). Failed
 * requests are the `errors.*` counters (ETIMEDOUT, ECONNREFUSED, …) plus responses with a 4xx/5xx status, as
 * k6's http_req_failed counts them, over `http.requests`.
 */
function readArtillery(report: Json): LoadReport | undefined {
  const aggregate = report.aggregate;
  if (!isObject(aggregate) || !isObject(aggregate.counters)) return undefined;
  const counters = aggregate.counters;
  let requests = numberAt(counters, 'http.requests');
  let errors = 0;
  let statuses = 0;
  for (const [name, value] of Object.entries(counters)) {
    if (typeof value !== 'number') continue;
    if (name.startsWith('errors.')) errors += value;
    else if (/^http\.codes\.[45]\d\d$/.test(name)) statuses += value;
  }
  // Errors with no http.requests counter: every attempt failed before it counted as a request.
  if (requests === undefined && errors > 0) requests = errors;
  const p95Ms = numberAt(isObject(aggregate.summaries) ? aggregate.summaries['http.response_time'] : undefined, 'p95');
  const ranAtMs = numberAt(aggregate, 'lastMetricAt') ?? numberAt(aggregate, 'firstMetricAt');
  return {
    format: 'Artillery 2 report',
    thresholds: {},
    ...(requests !== undefined ? { requests, errorRate: requests > 0 ? (errors + statuses) / requests : 0, errorsCounted: `${errors} error(s) and ${statuses} 4xx/5xx response(s) of ${requests} requests` } : {}),
    ...(p95Ms !== undefined ? { p95Ms } : {}),
    ...(ranAtMs !== undefined ? { ranAtMs } : {}),
  };
}

/** The report in a k6 or Artillery JSON file, or why it is not one. */
export function readLoadReport(text: string): LoadReport | { problem: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { problem: `does not parse as JSON (${(error as Error).message.slice(0, 80)})` };
  }
  if (!isObject(parsed)) return { problem: 'is not a JSON object' };
  const report = readK6(parsed) ?? readArtillery(parsed);
  return report ?? { problem: "is neither a k6 summary (`metrics` and `root_group`) nor an Artillery 2 report (`aggregate.counters`)" };
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * A load-test report judged against the limits: every k6 threshold held, p95 below `p95BelowMs`, failed requests
 * below `errorsBelowPercent`, and the run no older than `maxAgeDays`. The age comes from the report (Artillery) or,
 * when it holds no date (k6), from the file's modification time, which the message names as such.
 */
export function judgeLoadReport(file: string, report: LoadReport, limits: LoadLimits, now: Date, modifiedMs: number): Judgement[] {
  const judgements: Judgement[] = [];
  const crossed = Object.entries(report.thresholds).filter(([, held]) => !held).map(([name]) => name);
  const held = Object.keys(report.thresholds).length - crossed.length;
  if (crossed.length > 0) judgements.push(judged('thresholds', 'fail', `crossed: ${crossed.join(', ')}`, 'Fix the bottleneck the crossed k6 thresholds point at, rerun the load test and save its summary.'));
  else if (held > 0) judgements.push(judged('thresholds', 'pass', `${held} held`));

  if (report.requests === 0) judgements.push(judged('requests', 'fail', 'the run sent no HTTP request', 'Point the load test at the service and rerun it.'));
  if (report.p95Ms === undefined) {
    judgements.push(judged('p95', report.requests === undefined ? 'error' : 'warn', 'the report holds no HTTP response-time percentile (k6 http_req_duration p(95), Artillery http.response_time p95)'));
  } else if (report.p95Ms >= limits.p95BelowMs) {
    judgements.push(judged('p95', 'fail', `${round(report.p95Ms)} ms, not below the ${limits.p95BelowMs} ms limit`, 'Find the slow endpoints (database indexes, pool size, replicas), rerun the load test and save its report.'));
  } else {
    judgements.push(judged('p95', 'pass', `${round(report.p95Ms)} ms (limit ${limits.p95BelowMs} ms)`));
  }

  if (report.errorRate === undefined) {
    judgements.push(judged('errors', 'error', 'the report holds no failed-request rate (k6 http_req_failed, Artillery http.requests)'));
  } else {
    const percent = report.errorRate * 100;
    const counted = report.errorsCounted ? `; ${report.errorsCounted}` : '';
    if (percent >= limits.errorsBelowPercent) judgements.push(judged('errors', 'fail', `${round(percent, 2)}% of requests failed, not below ${limits.errorsBelowPercent}%${counted}`, 'Find why requests failed under load (timeouts, 5xx, rate limits, pool exhaustion), fix it and rerun.'));
    else judgements.push(judged('errors', 'pass', `${round(percent, 2)}% failed (limit ${limits.errorsBelowPercent}%)${counted}`));
  }

  const dated = report.ranAtMs !== undefined;
  const when = report.ranAtMs ?? modifiedMs;
  const source = dated ? 'ran' : 'file modified (the report holds no date, and a checkout resets file times)';
  const ageDays = Math.floor((now.getTime() - when) / DAY_MS);
  const day = new Date(when).toISOString().slice(0, 10);
  // Stale is a caveat, not a failure: the targets were met when it ran; whether the code changed since is for a person.
  if (ageDays > limits.maxAgeDays) judgements.push(judged('age', 'warn', `${source} ${day}, ${ageDays} days ago (limit ${limits.maxAgeDays})`, `Rerun the load test against the release and save the new report as ${file}.`));
  else if (ageDays < -1) judgements.push(judged('age', 'warn', `${source} ${day}, in the future`, `Check the clock of the machine that wrote ${file}.`));
  else judgements.push(judged('age', 'pass', `${source} ${day} (${Math.max(ageDays, 0)} days ago)`));
  return judgements;
}
