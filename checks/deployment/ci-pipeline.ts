import { z } from 'zod';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { repoProbe } from '../../src/probes/repo.js';
import { judgeWorkflows, type WorkflowFile } from '../../src/rules/workflow.js';

const options = z.strictObject({});

const WORKFLOWS = '.github/workflows';

export default defineCheck<z.infer<typeof options>>({
  id: 'deployment.ci-pipeline',
  section: 'deployment',
  item: 'GitHub Actions CI/CD pipeline working',
  severity: 'high',
  automation: 'partial',
  needs: ['repo'],
  options,
  verifies:
    'The repository\'s GitHub Actions workflows are sound: they parse, a job runs the tests on push and pull_request, every deploy job waits for the tests, secrets come from `secrets.*`, and actions are pinned.',
  how:
    'Reads every *.yml / *.yaml under .github/workflows through the repository probe and parses it with the yaml package: a parse error or a file without `on:` and `jobs:` fails; ' +
    'no job running the tests (npm/pnpm/yarn test, vitest, jest, mocha, playwright test, node --test) on both push and pull_request fails; a deploy job (named deploy/release, running railway up, ' +
    'flyctl deploy, vercel --prod, …) that does not need a test job (directly or transitively, or a workflow_run of the testing workflow) fails; an inline value the project secret rules call secret fails ' +
    '(named by file and line, never quoted); an action without a ref fails and one on a branch (@main) warns. The latest run on the default branch is not read: a sound pipeline is manual, to attest.',
  attestation: 'Link to the latest successful workflow run on the default branch at the release commit, showing the test and deploy jobs green.',
  remediation: 'Run the tests on push and pull_request, make deploy jobs `needs:` the test job, reference secrets as ${{ secrets.NAME }}, and pin actions to a tag or SHA.',
  async run(ctx) {
    const repo = ctx.probe(repoProbe);
    try {
      const names = (await repo.list(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name));
      const files: WorkflowFile[] = [];
      for (const name of names) {
        const file = await repo.file(`${WORKFLOWS}/${name}`);
        if (file.kind === 'missing') continue;
        if (file.truncated) return outcome('error', `${WORKFLOWS}/${name} is larger than the 256 KiB read limit`);
        files.push({ file: `${WORKFLOWS}/${name}`, text: file.text });
      }
      const verdict = verdictOf(judgeWorkflows(files), 'workflows sound', { workflows: files.map((f) => f.file) });
      if (verdict.status !== 'pass') return verdict;
      return {
        ...verdict,
        status: 'manual',
        message: `${files.length} workflow(s) run the tests on push and pull_request and deploy only after them; whether the latest run on the default branch succeeded is not read here: attest it`,
      };
    } catch (error) {
      return probeFailure(error);
    }
  },
});
