import { repoTable } from '../../test/helpers/repo-table.js';
import ciPipeline from './ci-pipeline.js';

const TEST_JOB = `  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
`;
const DEPLOY_JOB = (needs: string) => `  deploy:
${needs}    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npx @railway/cli up
        env:
          RAILWAY_TOKEN: \${{ secrets.RAILWAY_TOKEN }}
`;
const ci = (on: string, jobs: string) => `name: ci\non: ${on}\njobs:\n${jobs}`;
const wf = (text: string, name = 'ci.yml') => ({ [`.github/workflows/${name}`]: text });

repoTable(ciPipeline, [
  { name: 'tests on push and pull_request, deploy needs them', files: wf(ci('[push, pull_request]', TEST_JOB + DEPLOY_JOB('    needs: test\n'))), status: 'manual', message: /1 workflow\(s\) run the tests on push and pull_request and deploy only after them/ },
  {
    name: 'deploy waits through a build job',
    files: wf(ci('[push, pull_request]', `${TEST_JOB}  build:\n    needs: [test]\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run build\n${DEPLOY_JOB('    needs: build\n')}`)),
    status: 'manual',
    message: /deploy only after them/,
  },
  {
    name: 'deploy in its own workflow after the testing one',
    files: { ...wf(ci('[push, pull_request]', TEST_JOB)), ...wf(`name: deploy\non:\n  workflow_run:\n    workflows: [ci]\n    types: [completed]\njobs:\n${DEPLOY_JOB('')}`, 'deploy.yaml') },
    status: 'manual',
    message: /2 workflow\(s\)/,
  },
  { name: 'deploy without needs', files: wf(ci('[push, pull_request]', TEST_JOB + DEPLOY_JOB(''))), status: 'fail', message: /\.github\/workflows\/ci\.yml job deploy: deploys without waiting for the tests/ },
  { name: 'tests only on push', files: wf(ci('push', TEST_JOB)), status: 'fail', message: /the tests do not run on both push and pull_request \(\.github\/workflows\/ci\.yml job test on push\)/ },
  { name: 'no test job', files: wf(ci('[push, pull_request]', '  lint:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run lint\n')), status: 'fail', message: /no job runs the tests/ },
  {
    name: 'a token written inline is named by line, never quoted',
    files: wf(ci('[push, pull_request]', TEST_JOB + DEPLOY_JOB('    needs: test\n').replace('${{ secrets.RAILWAY_TOKEN }}', '3f9c1a7e-5b2d-4e8f-9a6c-1d2e3f4a5b6c'))),
    status: 'fail',
    message: /^secrets: written inline: \.github\/workflows\/ci\.yml:17 RAILWAY_TOKEN \(a 36-character value\)$/,
  },
  { name: 'an action on @main', files: wf(ci('[push, pull_request]', TEST_JOB.replace('checkout@v4', 'checkout@main'))), status: 'warn', message: /actions: pinned to a moving branch: \.github\/workflows\/ci\.yml:7 actions\/checkout@main/ },
  { name: 'an action without a ref', files: wf(ci('[push, pull_request]', TEST_JOB.replace('checkout@v4', 'checkout'))), status: 'fail', message: /not pinned to any ref/ },
  { name: 'an action pinned to a SHA', files: wf(ci('[push, pull_request]', TEST_JOB.replace('checkout@v4', 'checkout@11bd71901bbe5b1630ceea73d27597364c9af683'))), status: 'manual', message: /deploy only after them/ },
  { name: 'unparsable YAML', files: wf('on: [push\njobs:\n  test: {}\n'), status: 'fail', message: /ci\.yml: does not parse as YAML \(line \d+: [A-Z_]+\)/ },
  { name: 'not a workflow', files: wf('- just\n- a list\n'), status: 'fail', message: /is not a workflow: it needs `on:` and a `jobs:` map/ },
  { name: 'no workflows', files: { 'package.json': '{}' }, status: 'fail', message: /\.github\/workflows: holds no workflow/ },
  { name: 'a workflow symlinked out of the repository', symlinks: { '.github/workflows/ci.yml': '/etc/hostname' }, status: 'error', message: /symlink to a place outside the repository/ },
]);
