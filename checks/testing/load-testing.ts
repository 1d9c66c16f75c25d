import { z } from 'zod';
import { judged, outcome, verdictOf, type Judgement } from '../../src/core/outcome.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { repoProbe, type RepoProbe } from '../../src/probes/repo.js';
import { judgeLoadReport, readLoadReport } from '../../src/rules/load-test-report.js';
import { isLoadTestCandidate, isLoadTestName, judgeLoadScript, type LoadScript } from '../../src/rules/load-test-scripts.js';

/** Folders load tests conventionally live in; each is listed one level deep. */
export const LOAD_TEST_FOLDERS = [
  'load', 'loadtest', 'loadtests', 'load-test', 'load-tests', 'load-testing', 'k6', 'artillery', 'perf', 'performance', 'stress',
  'tests/load', 'tests/perf', 'tests/performance', 'tests/k6', 'test/load', 'test/perf', 'test/performance', 'test/k6',
] as const;
/** Files read at most, so a folder of generated data cannot make the check read thousands of files. */
const MAX_SCRIPTS = 50;
/** An Artillery report keeps a block per 10 s of the run: an hour-long run is a few MiB. */
const MAX_REPORT_BYTES = 8 * 1024 * 1024;

const options = z.strictObject({
  paths: z.array(z.string().min(1)).min(1).optional().describe('Files or folders holding the k6 scripts / Artillery configs, relative to the repository (default: the conventional folders and root file names)'),
  report: z.string().min(1).optional().describe("The last run's report, relative to the repository: k6 `--summary-export` JSON, the JSON a k6 handleSummary() writes, or Artillery's `--output` JSON"),
  p95BelowMs: z.number().positive().default(500).describe('p95 response time must be below this (ms)'),
  errorsBelowPercent: z.number().min(0).max(100).default(1).describe('Failed requests must be below this share (%)'),
  maxAgeDays: z.number().int().positive().default(30).describe('A report older than this warns'),
});
type Options = z.infer<typeof options>;

/** Files to judge: the configured paths (files or folders), else the conventional folders and root file names. */
async function candidates(repo: RepoProbe, paths: readonly string[] | undefined): Promise<{ looked: string[]; files: string[] }> {
  const files: string[] = [];
  if (paths) {
    for (const entry of paths) {
      const inFolder = await repo.list(entry);
      if (inFolder.length > 0) files.push(...inFolder.filter(isLoadTestCandidate).map((name) => `${entry.replace(/\/+$/, '')}/${name}`));
      else files.push(entry);
    }
    return { looked: [...paths], files };
  }
  files.push(...(await repo.list('.')).filter(isLoadTestName));
  for (const folder of LOAD_TEST_FOLDERS) files.push(...(await repo.list(folder)).filter(isLoadTestCandidate).map((name) => `${folder}/${name}`));
  return { looked: ['artillery*.yml, k6*.js, load-test*.js, *.k6.js at the root', ...LOAD_TEST_FOLDERS.map((folder) => `${folder}/`)], files };
}

async function findScripts(repo: RepoProbe, paths: readonly string[] | undefined): Promise<{ looked: string[]; scripts: LoadScript[]; missing: string[] }> {
  const { looked, files } = await candidates(repo, paths);
  const scripts: LoadScript[] = [];
  const missing: string[] = [];
  for (const path of files.slice(0, MAX_SCRIPTS)) {
    const file = await repo.file(path);
    if (file.kind === 'missing') {
      missing.push(path);
      continue;
    }
    const script = judgeLoadScript(path, file.text);
    if (script) scripts.push(script);
  }
  return { looked, scripts, missing };
}

async function judgeReport(repo: RepoProbe, report: string, opts: Options): Promise<{ judgements: Judgement[]; summary?: string }> {
  const file = await repo.file(report, MAX_REPORT_BYTES);
  if (file.kind === 'missing') return { judgements: [judged(report, 'fail', 'the configured report (options.report) does not exist', `Run the load test with its report written to ${report} (k6 --summary-export, artillery run --output), or fix options.report.`)] };
  if (file.truncated) return { judgements: [judged(report, 'error', `is larger than the ${MAX_REPORT_BYTES / 1024 / 1024} MiB read limit`)] };
  const parsed = readLoadReport(file.text);
  if ('problem' in parsed) return { judgements: [judged(report, 'error', parsed.problem, 'Point options.report at the JSON k6 --summary-export or artillery run --output wrote.')] };
  const results = judgeLoadReport(report, parsed, opts, new Date(), file.modifiedMs);
  const summary = `${report} (${parsed.format}): ${results.map((j) => `${j.subject} ${j.message.split(';')[0]}`).join(', ')}`;
  return { judgements: results.map((j) => ({ ...j, subject: `${report} ${j.subject}` })), summary };
}

export default defineCheck<Options>({
  id: 'testing.load-testing',
  section: 'testing',
  item: 'Load testing completed (recommended: k6 or Artillery)',
  severity: 'medium',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies: 'The repository holds load-test scripts (k6 or Artillery) and, where its last report is configured, that run met the latency and error targets: thresholds held, p95 and failed requests below the limits, recent enough.',
  how:
    'Through the repository probe, looks for k6 scripts (JavaScript/TypeScript importing `k6` or `k6/…`, with a default export or scenario `exec`) and Artillery configs (YAML with `scenarios` of flows, and a config.target) in `options.paths`, else at the root (artillery*.yml, k6*.js, load-test*.js, *.k6.js, …) and in load/, loadtest(s)/, load-test(s)/, k6/, artillery/, perf/, performance/, stress/, tests|test/{load,perf,performance,k6}/ (one level; at most 50 files). A script that cannot run (unparsable YAML, no scenarios, no default function) fails; a config without a target warns. ' +
    "With `options.report` — k6 `--summary-export` JSON (its threshold booleans are true when the threshold FAILED, as k6 writes them), the JSON a k6 handleSummary() writes, or Artillery 2's `--output` JSON — every k6 threshold must hold, p95 of http_req_duration / http.response_time must be below `p95BelowMs` (500) and failed requests (k6 http_req_failed; Artillery errors.* plus 4xx/5xx responses over http.requests) below `errorsBelowPercent` (1): otherwise fail. " +
    "A report older than `maxAgeDays` (30) warns — the targets were met when it ran; whether the code changed since is for a person — dated by Artillery's lastMetricAt, or for k6 (whose summaries hold no date) by the file's modification time. A configured report that is missing fails; one that is not a k6/Artillery JSON is error. Scripts but no report, or nothing found at all (the tests may live elsewhere), is manual.",
  attestation: 'The k6 or Artillery summary: script link, target URL (staging), virtual users and duration, requests/s reached vs. the stated expected peak, p95/p99 latency and error rate, plus Railway CPU/memory graphs for the same window.',
  remediation: 'Write a k6 script covering widget loads, product lookups and event tracking, run it at 2× expected peak against staging, fix the bottlenecks (indexes, pool size, replicas) and record the results.',
  async run(ctx): Promise<CheckOutcome> {
    try {
      const repo = ctx.probe(repoProbe);
      const { looked, scripts, missing } = await findScripts(repo, ctx.options.paths);
      const judgements: Judgement[] = scripts.map((script) => script.judgement);
      for (const path of ctx.options.paths ? missing : []) judgements.push(judged(path, 'fail', 'is in options.paths but does not exist (or is an empty folder)', 'Fix checks.testing.load-testing.options.paths.'));
      const found = scripts.map((script) => `${script.file} (${script.tool})`);
      const evidence = { scripts: found, looked, ...(ctx.options.report ? { report: ctx.options.report } : {}) };
      if (!ctx.options.report) {
        const problems = judgements.filter((j) => j.status !== 'pass');
        if (problems.length > 0) return verdictOf(judgements, '', evidence);
        if (scripts.length === 0) return outcome('manual', `no k6 script or Artillery config found (looked in ${looked.join(', ')}) and no report configured: the load test may live elsewhere; attest its results`, { evidence });
        return outcome('manual', `load-test scripts found: ${found.join(', ')}; no report configured (options.report), so whether the run met its targets is for a person to attest — or point options.report at its k6 --summary-export / artillery --output JSON`, { evidence });
      }
      const report = await judgeReport(repo, ctx.options.report, ctx.options);
      return verdictOf([...judgements, ...report.judgements], report.summary ?? '', evidence);
    } catch (error) {
      return probeFailure(error);
    }
  },
});
