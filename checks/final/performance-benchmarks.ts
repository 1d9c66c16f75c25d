import { z } from 'zod';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { repoProbe, type RepoProbe } from '../../src/probes/repo.js';
import { benchmarkDate, judgeBenchmark } from '../../src/rules/benchmark-results.js';

/** Folders benchmark results conventionally live in; each is listed one level deep for .json and .md files. */
export const BENCHMARK_FOLDERS = ['bench', 'benchmark', 'benchmarks', '.benchmarks', 'perf', 'performance', 'docs/benchmarks', 'docs/performance'] as const;
/** Root files named like results: benchmark.json, bench-results.json, benchmarks.md, … */
const ROOT_NAME = /^(bench|benchmark)s?([-_.][\w.-]*)?\.(json|md)$/i;
const RESULT_FILE = /\.(json|md|markdown)$/i;
/** Results files compared at most; the newest is the one judged. */
const MAX_FILES = 50;
/** Candidates are compared on their first 256 KiB (the probe's default); only the one judged is read further. */
const MAX_RESULTS_BYTES = 8 * 1024 * 1024;

const options = z.strictObject({
  path: z.string().min(1).optional().describe('The benchmark results file, relative to the repository (default: the newest .json/.md in bench/, benchmark(s)/, .benchmarks/, perf/, performance/, docs/benchmarks/, docs/performance/, or bench*.json / benchmark*.json at the root)'),
  maxAgeDays: z.number().int().positive().default(90).describe('Oldest the recorded baseline may be'),
});
type Options = z.infer<typeof options>;

async function conventionalFiles(repo: RepoProbe): Promise<string[]> {
  const files = (await repo.list('.')).filter((name) => ROOT_NAME.test(name));
  // Tools and teams often keep the runs a level down (benchmarks/results/2026-11-27.json), beside the scripts.
  for (const folder of BENCHMARK_FOLDERS.flatMap((f) => [f, `${f}/results`])) {
    files.push(...(await repo.list(folder)).filter((name) => RESULT_FILE.test(name) && !/^readme\./i.test(name)).map((name) => `${folder}/${name}`));
  }
  return files.slice(0, MAX_FILES);
}

export default defineCheck<Options>({
  id: 'final.performance-benchmarks',
  section: 'final',
  item: 'Performance benchmarks recorded for future comparison',
  severity: 'medium',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies: 'A benchmark results file is kept in the repository as a baseline: it parses, holds measurements, and was recorded recently enough to be the baseline of this release.',
  how:
    'Through the repository probe reads `options.path`, else the newest of the .json / .md files in bench/, benchmark/, benchmarks/, .benchmarks/, perf/, performance/, docs/benchmarks/, docs/performance/ and their results/ subfolders (READMEs skipped) and bench*.json / benchmark*.json / benchmarks.md at the root. ' +
    'JSON must parse and hold numbers (any tool: vitest bench --outputJson, k6 --summary-export, Artillery, autocannon, Lighthouse, hyperfine); Markdown must hold figures with units (ms, req/s, KB, %) and no TODO/TBD. ' +
    'The record is dated by a date inside it (date, timestamp, fetchTime, start/finish, lastMetricAt, …; for Markdown the latest YYYY-MM-DD), else a YYYY-MM-DD in its file name, else its modification time (named as such: a checkout resets it). Older than `maxAgeDays` (90) fails — it is not the baseline of this release; a future date warns. ' +
    'A configured path that is missing fails; no results file in the conventional places is manual (they may live in a wiki). Whether the figures cover the key endpoints is not judged.',
  attestation: 'A dated benchmark record for the release SHA: API p50/p95/p99 for key endpoints, widget.js size and load time, dashboard Lighthouse scores, and load-test throughput and query timings, stored in the repo or wiki.',
  remediation: 'Run the load test and Lighthouse on the release build, save the results (e.g. docs/benchmarks/<date>.md), and rerun the same scripts after major changes.',
  async run(ctx) {
    try {
      const repo = ctx.probe(repoProbe);
      const configured = ctx.options.path;
      const paths = configured ? [configured] : await conventionalFiles(repo);
      const read = [];
      for (const path of paths) {
        const file = await repo.file(path);
        if (file.kind === 'missing') continue;
        // A truncated head holds no parsable JSON: such a file is ranked by its name's date or its mtime.
        read.push({ path, modifiedMs: file.modifiedMs, date: benchmarkDate(path, file.text, file.modifiedMs) });
      }
      if (read.length === 0) {
        if (configured) {
          return outcome('fail', `${configured} (options.path) does not exist: no benchmark baseline is recorded there`, {
            remediation: `Run the benchmarks on the release build and save the results as ${configured}, or fix checks.final.performance-benchmarks.options.path.`,
          });
        }
        return outcome('manual', `no benchmark results in the repository (looked for bench*.json / benchmark*.json at the root and .json/.md in ${BENCHMARK_FOLDERS.map((f) => `${f}/`).join(', ')} and their results/): they may be kept in a wiki; attest them`, {
          evidence: { looked: [...BENCHMARK_FOLDERS] },
        });
      }
      // The newest record is the baseline; older ones are history kept for comparison.
      const latest = read.sort((a, b) => b.date.whenMs - a.date.whenMs)[0]!;
      const whole = await repo.file(latest.path, MAX_RESULTS_BYTES);
      if (whole.kind === 'missing') return outcome('error', `${latest.path} disappeared while it was read`);
      if (whole.truncated) return outcome('error', `${latest.path} is larger than the ${MAX_RESULTS_BYTES / 1024 / 1024} MiB read limit`);
      const judgements = judgeBenchmark(latest.path, whole.text, whole.modifiedMs, new Date(), ctx.options.maxAgeDays);
      const verdict = verdictOf(judgements, `${latest.path}: ${judgements.map((j) => j.message).join(', ')}`, { file: latest.path, ...(read.length > 1 ? { others: read.slice(1).map((r) => r.path) } : {}) });
      return verdict.status === 'pass' ? verdict : { ...verdict, message: `${latest.path}: ${verdict.message}` };
    } catch (error) {
      return probeFailure(error);
    }
  },
});
