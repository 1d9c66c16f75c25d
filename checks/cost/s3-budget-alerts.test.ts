import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAwsFixture, type AwsFixture } from '../../fixtures/aws/server.js';
import type { WorldBudget } from '../../fixtures/aws/world.js';
import { closedPort } from '../../test/helpers/aws.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './s3-budget-alerts.js';

const ACCOUNT = '444455556666';
const KEY = 'AKIAFIXTUREBUDGETS01';
const ALERT = { threshold: 80, subscribers: [{ type: 'EMAIL' as const, address: 'finance@example.com' }] };

describe('cost.s3-budget-alerts against a protocol-level AWS Budgets', () => {
  let aws: AwsFixture;
  beforeAll(async () => {
    aws = await startAwsFixture({ account: ACCOUNT, accessKeys: [KEY], callerArn: `arn:aws:iam::${ACCOUNT}:user/readiness`, buckets: [] });
  });
  afterAll(() => aws?.close());

  const run = (budgets: WorldBudget[], record: string, extra: Record<string, unknown> = {}) => {
    aws.world.budgets = budgets;
    const config = { region: 'us-east-1', accessKeyId: KEY, secretAccessKey: 'fixture-budgets-secret', endpoint: aws.url, endpoints: { budgets: aws.url, sts: aws.url }, budgets: ACCOUNT, ...extra };
    return runCheck(check, targetOf({ aws: config }), { record, timeoutMs: 10_000 });
  };

  it('passes a cost budget filtered to S3 with an alert to a subscriber', async () => {
    const result = await run([{ name: 's3-monthly', limit: { amount: '50.0', unit: 'USD' }, costFilters: { Service: ['Amazon Simple Storage Service'] }, notifications: [ALERT] }], 's3 budget with an alert');
    expect(result).toMatchObject({ status: 'pass', message: 'budget s3-monthly of 50.0 USD monthly covers S3 with 1 alert(s) to 1 subscriber(s)' });
    expect(JSON.stringify(result.evidence)).not.toContain('finance@');
  });

  it('passes a whole-account budget, reading the account from STS when aws.budgets is not set', async () => {
    const result = await run([{ name: 'account', notifications: [ALERT] }], 'whole-account budget, account from sts', { budgets: undefined });
    expect(result).toMatchObject({ status: 'pass', message: 'budget account of 100.0 USD monthly covers S3 with 1 alert(s) to 1 subscriber(s)' });
  });

  it('passes a budget whose FilterExpression names S3', async () => {
    const result = await run([{ name: 'storage', filterExpression: { Or: [{ Dimensions: { Key: 'SERVICE', Values: ['Amazon Simple Storage Service'] } }, { Dimensions: { Key: 'SERVICE', Values: ['Amazon CloudFront'] } }] }, notifications: [ALERT] }], 'filter expression naming s3');
    expect(result.status).toBe('pass');
  });

  it('warns when the only alerting budget covers S3 in one region', async () => {
    const result = await run([{ name: 'us-east-only', costFilters: { Service: ['Amazon Simple Storage Service'], Region: ['us-east-1'] }, notifications: [ALERT] }], 's3 budget narrowed by region');
    expect(result).toMatchObject({ status: 'warn', message: expect.stringMatching(/covers only part of S3's spend/) });
  });

  it('fails without any budget, with one for another service, and with one nobody hears', async () => {
    expect(await run([], 'no budgets')).toMatchObject({ status: 'fail', message: `no cost budget in account ${ACCOUNT}` });
    expect(await run([{ name: 'ec2', costFilters: { Service: ['Amazon Elastic Compute Cloud - Compute'] }, notifications: [ALERT] }], 'budget for another service')).toMatchObject({ status: 'fail', message: 'no cost budget covers S3: ec2 filter other services' });
    expect(await run([{ name: 's3', costFilters: { Service: ['Amazon Simple Storage Service'] }, notifications: [{ threshold: 80, subscribers: [] }] }], 'budget without a subscriber')).toMatchObject({ status: 'fail', message: expect.stringMatching(/^budget s3 of 100\.0 USD monthly covers S3 but has no alert with a subscriber/) });
    expect(await run([{ name: 'usage', type: 'USAGE', notifications: [ALERT] }], 'usage budget only')).toMatchObject({ status: 'fail', message: `no cost budget in account ${ACCOUNT} (only usage: USAGE)` });
  });

  it('reports error when the reads are denied or the service cannot be reached', async () => {
    aws.world.deny = ['budgets:DescribeBudgets'];
    try {
      expect(await run([{ name: 'x', notifications: [ALERT] }], 'budgets denied')).toMatchObject({ status: 'error', message: 'cannot verify with these credentials: needs budgets:ViewBudget' });
    } finally {
      aws.world.deny = [];
    }
    const port = await closedPort();
    const down = await run([], 'budgets endpoint down', { endpoints: { budgets: `http://127.0.0.1:${port}` } });
    expect(down).toMatchObject({ status: 'error', message: `connection refused by Budgets at 127.0.0.1:${port} (budgets:ViewBudget (DescribeBudgets))` });
  });

  it('is manual on S3-compatible storage with no account to read', async () => {
    const result = await run([], 'no account on s3-compatible storage', { budgets: undefined, endpoints: {} });
    expect(result).toMatchObject({ status: 'manual', message: expect.stringMatching(/^no AWS account to read budgets of/) });
  });
});
