import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import { judged, type Judgement } from '../core/outcome.js';
import { looksSecret } from '../core/secrets/secret-like.js';

export interface WorkflowFile {
  file: string;
  text: string;
}

interface Job {
  id: string;
  needs: string[];
  runs: string[];
  uses: string[];
}

interface Workflow {
  file: string;
  name: string | undefined;
  events: Set<string>;
  /** Workflows a `workflow_run` trigger waits for, by name. */
  afterWorkflows: string[];
  jobs: Job[];
}

/** Commands that run a test suite: npm/pnpm/yarn/bun test, `run test…`, or a runner called directly. */
const TEST_COMMAND = /\b((npm|pnpm|yarn|bun)\s+(run\s+)?test\b|npm\s+t\b|(npx\s+)?(vitest|jest|mocha|playwright\s+test|ava|tap)\b|node\s+--test\b)/;
/** Commands and actions that deploy: Railway, Fly, Vercel, Heroku, Render and a job named deploy. */
const DEPLOY_COMMAND = /\b(railway\s+(up|deploy|redeploy)|@railway\/cli\s+(up|deploy)|flyctl\s+deploy|fly\s+deploy|vercel\b[^\n]*--prod|git\s+push\s+heroku|render\s+deploy)\b/;
const DEPLOY_ACTION = /(railway|deploy|vercel|flyctl|heroku|render)/i;
const MOVING_REFS = new Set(['main', 'master', 'HEAD', 'latest', 'develop', 'dev', 'trunk']);

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.filter((n): n is string => typeof n === 'string');
  return [];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function eventsOf(on: unknown): Set<string> {
  if (typeof on === 'string') return new Set([on]);
  if (Array.isArray(on)) return new Set(strings(on));
  return new Set(Object.keys(record(on)));
}

function readWorkflow(file: string, document: unknown): Workflow {
  const top = record(document);
  // YAML 1.1 readers turn a bare `on:` key into true; the yaml package (1.2) keeps "on", but either spelling may come.
  const on = top.on ?? top.true;
  const jobs = Object.entries(record(top.jobs)).map(([id, raw]): Job => {
    const job = record(raw);
    const steps = Array.isArray(job.steps) ? job.steps.map(record) : [];
    return {
      id,
      needs: strings(job.needs),
      runs: steps.map((s) => s.run).filter((r): r is string => typeof r === 'string'),
      uses: [...steps.map((s) => s.uses), job.uses].filter((u): u is string => typeof u === 'string'),
    };
  });
  return {
    file,
    name: typeof top.name === 'string' ? top.name : undefined,
    events: eventsOf(on),
    afterWorkflows: strings(record(record(on).workflow_run).workflows),
    jobs,
  };
}

function runsTests(job: Job): boolean {
  return job.runs.some((r) => TEST_COMMAND.test(r));
}

function deploys(job: Job): boolean {
  return /deploy|release/i.test(job.id) || job.runs.some((r) => DEPLOY_COMMAND.test(r)) || job.uses.some((u) => DEPLOY_ACTION.test(u.split('@')[0]!));
}

/** Every job a job waits for, directly or through others. */
function upstream(job: Job, jobs: Map<string, Job>, seen = new Set<string>()): Set<string> {
  for (const id of job.needs) {
    if (seen.has(id)) continue;
    seen.add(id);
    const next = jobs.get(id);
    if (next) upstream(next, jobs, seen);
  }
  return seen;
}

/** Values under `env:` / `with:` written inline that the project's secret rules call secret, by file and line. */
function inlineSecrets(file: string, doc: ReturnType<typeof parseDocument>, lines: LineCounter): string[] {
  const found: string[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || !isScalar(pair.value)) return;
      const name = String(pair.key.value);
      const value = pair.value.value;
      if (typeof value !== 'string' || value.includes('${{')) return;
      if (looksSecret(name, value)) {
        const line = pair.value.range ? lines.linePos(pair.value.range[0]).line : 0;
        found.push(`${file}:${line} ${name} (a ${value.length}-character value)`);
      }
    },
  });
  return found;
}

function usesLines(file: string, doc: ReturnType<typeof parseDocument>, lines: LineCounter): { uses: string; where: string }[] {
  const found: { uses: string; where: string }[] = [];
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.key) && pair.key.value === 'uses' && isScalar(pair.value) && typeof pair.value.value === 'string') {
        const line = pair.value.range ? lines.linePos(pair.value.range[0]).line : 0;
        found.push({ uses: pair.value.value, where: `${file}:${line}` });
      }
    },
  });
  return found;
}

function isMapping(node: Node | null): boolean {
  return node !== null && isMap(node) && node.items.every(isPair);
}

/**
 * The GitHub Actions workflows of a repository judged as text: each parses; some job runs the tests on both push and
 * pull_request; every deploy job waits for a test job (`needs:`, directly or through others, or a workflow_run of
 * the testing workflow); no secret is written inline (by the project's secret rules, never quoted); every action is
 * pinned to a version or SHA (a branch such as @main warns, no ref fails).
 */
export function judgeWorkflows(files: readonly WorkflowFile[]): Judgement[] {
  if (files.length === 0) {
    return [judged('.github/workflows', 'fail', 'holds no workflow (*.yml / *.yaml): nothing runs the tests or deploys on push', 'Add a workflow that runs the tests on push and pull_request, and deploys only after them.')];
  }
  const judgements: Judgement[] = [];
  const workflows: Workflow[] = [];
  const secrets: string[] = [];
  const unpinned: string[] = [];
  const moving: string[] = [];
  for (const { file, text } of files) {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      const error = doc.errors[0]!;
      const line = lines.linePos(error.pos[0]).line;
      judgements.push(judged(file, 'fail', `does not parse as YAML (line ${line}: ${error.code})`, `Fix the YAML of ${file}: GitHub ignores a workflow it cannot parse.`));
      continue;
    }
    const data: unknown = doc.toJS();
    const top = record(data);
    if (!isMapping(doc.contents) || (top.on === undefined && top.true === undefined) || !isMap(doc.get('jobs', true) as Node | null) || isSeq(doc.get('jobs', true))) {
      judgements.push(judged(file, 'fail', 'is not a workflow: it needs `on:` and a `jobs:` map', `Give ${file} an \`on:\` trigger and a \`jobs:\` map.`));
      continue;
    }
    workflows.push(readWorkflow(file, data));
    secrets.push(...inlineSecrets(file, doc, lines));
    for (const { uses, where } of usesLines(file, doc, lines)) {
      if (uses.startsWith('./') || uses.startsWith('docker://')) continue;
      const at = uses.lastIndexOf('@');
      if (at < 0) unpinned.push(`${where} ${uses}`);
      else if (MOVING_REFS.has(uses.slice(at + 1))) moving.push(`${where} ${uses}`);
    }
  }

  const testing = workflows.flatMap((w) => w.jobs.filter(runsTests).map((job) => ({ workflow: w, job })));
  const onBoth = testing.filter(({ workflow }) => workflow.events.has('push') && workflow.events.has('pull_request'));
  if (testing.length === 0) {
    judgements.push(judged('tests', 'fail', 'no job runs the tests (npm test, vitest, jest, …)', 'Add a job that runs the test suite (e.g. `npm ci && npm test`).'));
  } else if (onBoth.length === 0) {
    const where = testing.map(({ workflow, job }) => `${workflow.file} job ${job.id} on ${[...workflow.events].join(', ') || 'no event'}`).join('; ');
    judgements.push(judged('tests', 'fail', `the tests do not run on both push and pull_request (${where})`, 'Trigger the testing workflow on push and pull_request.'));
  } else {
    judgements.push(judged('tests', 'pass', onBoth.map(({ workflow, job }) => `${workflow.file} job ${job.id}`).join(', ')));
  }

  for (const workflow of workflows) {
    const jobs = new Map(workflow.jobs.map((j) => [j.id, j]));
    const testIds = new Set(workflow.jobs.filter(runsTests).map((j) => j.id));
    const afterTests = workflow.afterWorkflows.some((name) => testing.some(({ workflow: w }) => w.name === name));
    for (const job of workflow.jobs.filter((j) => deploys(j) && !runsTests(j))) {
      const waitsForTests = [...upstream(job, jobs)].some((id) => testIds.has(id));
      const subject = `${workflow.file} job ${job.id}`;
      if (waitsForTests || afterTests) judgements.push(judged(subject, 'pass', 'deploys only after the tests'));
      else judgements.push(judged(subject, 'fail', 'deploys without waiting for the tests (no `needs:` on a test job)', `Add \`needs: <test job>\` to ${job.id}, or trigger the deploy on workflow_run of the testing workflow.`));
    }
  }

  if (secrets.length > 0) {
    judgements.push(judged('secrets', 'fail', `written inline: ${secrets.join('; ')}`, 'Move the values to repository secrets and use ${{ secrets.NAME }}; rotate the exposed ones (they are in the git history).'));
  } else judgements.push(judged('secrets', 'pass', 'none written inline'));
  if (unpinned.length > 0) judgements.push(judged('actions', 'fail', `not pinned to any ref: ${unpinned.join('; ')}`, 'Pin every action to a release tag or a commit SHA (uses: owner/action@v4 or @<sha>).'));
  if (moving.length > 0) judgements.push(judged('actions', 'warn', `pinned to a moving branch: ${moving.join('; ')}`, 'Pin actions to a release tag or a commit SHA instead of a branch.'));
  if (unpinned.length === 0 && moving.length === 0) judgements.push(judged('actions', 'pass', 'every action is pinned to a version or SHA'));
  return judgements;
}
