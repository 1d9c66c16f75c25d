import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsFixture, type AwsFixture } from '../fixtures/aws/server.js';
import { ALL_BLOCKED, appPolicy } from '../fixtures/aws/world.js';
import { REPORTERS } from '../src/reporters/index.js';
import { closedPort } from './helpers/aws.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { leakForms } from './helpers/leak.js';

/**
 * The leak suite's AWS part (beside test/leak.test.ts): a secret access key and a session token planted in the
 * config, the built CLI run against a protocol-level AWS on the normal path, against an endpoint that is down,
 * with credentials the service rejects, and with a malformed aws key — every reporter, --debug included. Neither
 * canary, nor its base64, hex, URL-, JSON- or HTML-escaped form, may reach stdout, stderr or a written file.
 */

const canary = (tag: string) => `${tag}${randomBytes(24).toString('base64url')}`;
const CANARIES = { secretAccessKey: canary('Sk'), sessionToken: `IQoJb3JpZ2luX2Vj${canary('St')}` };
const KEY_ID = 'AKIAFIXTURELEAKTEST1';


const dir = mkdtempSync(path.join(tmpdir(), 'readiness-leak-aws-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let outs = 0;
const outDir = () => {
  const out = path.join(dir, `out-${outs++}`);
  mkdirSync(out);
  return out;
};

function expectNoCanary(label: string, run: CliRun, out?: string): void {
  const outputs: [string, string][] = [
    [`${label} stdout`, run.stdout],
    [`${label} stderr`, run.stderr],
  ];
  if (out) for (const file of readdirSync(out)) outputs.push([`${label} ${file}`, readFileSync(path.join(out, file), 'utf8')]);
  for (const [where, text] of outputs) {
    for (const [name, secret] of Object.entries(CANARIES)) {
      for (const form of leakForms(secret)) expect(text.includes(form), `${name} (${form === secret ? 'raw' : 'encoded'}) appeared in ${where}`).toBe(false);
    }
  }
}

const ALL_FORMATS = REPORTERS.map((r) => r.format).join(',');

describe('never leak AWS credentials', () => {
  let aws: AwsFixture;
  const config = (endpoint: string, extra = '') => {
    const file = path.join(dir, `aws-${randomBytes(4).toString('hex')}.yaml`);
    writeFileSync(
      file,
      [
        'version: 1',
        'environments:',
        '  prod:',
        '    aws:',
        '      region: us-east-1',
        `      endpoint: "${endpoint}"`,
        `      endpoints: { iam: "${endpoint}", sts: "${endpoint}", s3control: "${endpoint}", budgets: "${endpoint}" }`,
        `      accessKeyId: "${extra.includes('unknown-key') ? 'AKIAFIXTUREUNKNOWN99' : KEY_ID}"`,
        `      secretAccessKey: "${CANARIES.secretAccessKey}"`,
        `      sessionToken: "${CANARIES.sessionToken}"`,
        '      buckets: [leak-private, leak-public]',
        '',
      ].join('\n'),
    );
    return file;
  };

  beforeAll(async () => {
    aws = await startAwsFixture({
      account: '121212121212',
      accessKeys: [KEY_ID],
      callerArn: 'arn:aws:sts::121212121212:assumed-role/leak-app/s',
      accountBlock: ALL_BLOCKED,
      buckets: [
        { name: 'leak-private', publicAccessBlock: ALL_BLOCKED, objects: [{ key: 'a.txt', body: 'a' }] },
        { name: 'leak-public', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::leak-public/*' }] }, objects: [{ key: 'b.txt', body: 'b' }], anonymous: { read: true } },
      ],
      roles: { 'leak-app': { attached: ['arn:aws:iam::121212121212:policy/app'] } },
      managedPolicies: { 'arn:aws:iam::121212121212:policy/app': appPolicy(['leak-private']) },
      budgets: [{ name: 'all', notifications: [{ threshold: 80, subscribers: [{ type: 'EMAIL', address: 'ops@example.com' }] }] }],
    });
  });
  afterAll(() => aws?.close());

  const only = '--only=security.s3-bucket-not-public,cost.s3-budget-alerts,infrastructure.image-optimization';

  it('reads the AWS account for real (the suite is not vacuous), and the session token reaches AWS only as the SDK sends it', async () => {
    const run = await runCli(['check', 'prod', '-c', config(aws.url), only, '--format', 'json', '--timeout', '10s']);
    const report = JSON.parse(run.stdout) as { results: { id: string; status: string; message: string }[] };
    const byId = Object.fromEntries(report.results.map((r) => [r.id, r]));
    expect(byId['security.s3-bucket-not-public']).toMatchObject({ status: 'fail', message: expect.stringMatching(/^leak-public: /) });
    expect(byId['cost.s3-budget-alerts']?.status).toBe('pass');
    expect(aws.requests.some((r) => r.headers['x-amz-security-token'] === CANARIES.sessionToken)).toBe(true);
    expect(aws.requests.some((r) => JSON.stringify(r.headers).includes(CANARIES.secretAccessKey))).toBe(false);
    expectNoCanary('json', run);
  });

  it('writes no canary into any report file (all formats, --debug)', async () => {
    const out = outDir();
    const run = await runCli(['check', 'prod', '-c', config(aws.url), only, '--format', ALL_FORMATS, '--out', out, '--timeout', '10s', '--debug']);
    expect(readdirSync(out).length).toBe(REPORTERS.length - 1);
    expectNoCanary('all formats', run, out);
  });

  it.each(REPORTERS.map((r) => r.format))('prints no canary through the %s reporter when the endpoint is down', async (format) => {
    const port = await closedPort();
    const run = await runCli(['check', 'prod', '-c', config(`http://127.0.0.1:${port}`), only, '--format', format, '--timeout', '10s', '--debug']);
    expect(run.code).toBe(1);
    expectNoCanary(`${format} (endpoint down)`, run);
  });

  it('prints no canary when the service rejects the credentials', async () => {
    const out = outDir();
    const run = await runCli(['check', 'prod', '-c', config(aws.url, 'unknown-key'), only, '--format', ALL_FORMATS, '--out', out, '--debug']);
    expect(run.stdout).toMatch(/rejected the credentials/);
    expectNoCanary('rejected credentials', run, out);
  });

  it.each([
    ['a wrong type', `version: 1\nenvironments:\n  prod:\n    aws: { region: us-east-1, accessKeyId: AKIAX, secretAccessKey: ["${CANARIES.secretAccessKey}"] }\n`],
    ['a secret without its key id', `version: 1\nenvironments:\n  prod:\n    aws: { region: us-east-1, secretAccessKey: "${CANARIES.secretAccessKey}", sessionToken: "${CANARIES.sessionToken}" }\n`],
    ['an unknown key beside it', `version: 1\nenvironments:\n  prod:\n    aws: { region: us-east-1, accessKeyId: AKIAX, secretAccessKey: "${CANARIES.secretAccessKey}", secret: "${CANARIES.sessionToken}" }\n`],
  ])('prints no canary for a bad aws config: %s', async (_label, yaml) => {
    const file = path.join(dir, `bad-${randomBytes(4).toString('hex')}.yaml`);
    writeFileSync(file, yaml);
    const out = outDir();
    const run = await runCli(['check', 'prod', '-c', file, '--format', ALL_FORMATS, '--out', out]);
    expect(run.code).toBe(2);
    expectNoCanary('bad aws config', run, out);
  });
});
