import { describe, expect, it } from 'vitest';
import type { IdentityObservation } from '../probes/aws.js';
import { principalFromArn } from '../probes/aws-iam.js';
import { judgeIdentity } from './iam-identity.js';

const NOW = new Date('2025-06-01T00:00:00Z');
const role = { kind: 'role' as const, name: 'app', arn: 'arn:aws:iam::111122223333:role/app', account: '111122223333', source: 'config' as const };
const observe = (...documents: object[]): IdentityObservation => ({
  caller: null,
  principal: role,
  missing: false,
  refused: [],
  inlineUserPolicies: [],
  accessKeys: null,
  truncated: false,
  policies: documents.map((doc, i) => ({ source: { kind: 'managed', name: `arn:aws:iam::111122223333:policy/p${i}`, via: 'role app' }, document: { ok: true, value: encodeURIComponent(JSON.stringify(doc)) } })),
});
const allow = (Action: unknown, Resource: unknown = '*', extra: object = {}) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource, ...extra }] });

describe('judgeIdentity', () => {
  it.each([
    ['Allow * on *', allow('*'), 'fail', /administrator access/],
    ['Allow *:* on *', allow('*:*'), 'fail', /administrator access/],
    ['Allow iam:* on *', allow('iam:*'), 'fail', /iam:\* on every resource/],
    ['Allow s3:* on *', allow('s3:*'), 'fail', /s3:\* on every bucket/],
    ['Allow s3:* on arn:aws:s3:::*', allow('s3:*', 'arn:aws:s3:::*'), 'fail', /s3:\* on every bucket/],
    ['Allow s3:* on arn:aws:s3:::*/*', allow('s3:*', ['arn:aws:s3:::*/*']), 'fail', /s3:\* on every bucket/],
    ['Allow S3:* (case)', allow('S3:*'), 'fail', /s3:\* on every bucket/],
    ['NotAction on every resource', { Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } }, 'fail', /NotAction iam:\* on every resource/],
    ['NotResource (everything but one bucket)', { Statement: { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::logs/*' } }, 'fail', /s3:\* on every bucket/],
    ['admin with a condition is still admin', allow('*', '*', { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }), 'fail', /administrator access/],
    ['a Deny does not cancel an admin Allow', { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: '*', Resource: '*' }] }, 'fail', /administrator access/],
    ['NotAction on named resources', { Statement: { Effect: 'Allow', NotAction: 's3:DeleteBucket', Resource: 'arn:aws:s3:::shop/*' } }, 'warn', /NotAction s3:DeleteBucket grants every other action on arn:aws:s3:::shop\/\*/],
    ['s3:* on its own bucket', allow('s3:*', ['arn:aws:s3:::shop', 'arn:aws:s3:::shop/*']), 'pass', /^role app: 1 policy, none grants/],
    ['object reads and writes on every bucket', allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::*/*'), 'pass', /none grants/],
    ['s3:Get* on every resource', allow('s3:Get*'), 'pass', /none grants/],
  ] as const)('%s → %s', (_label, document, status, message) => {
    const result = judgeIdentity(observe(document), { maxKeyAgeDays: 90 }, NOW);
    expect(result.status).toBe(status);
    expect(result.message).toMatch(message);
  });

  it('an unreadable document is error, never pass', () => {
    const identity = observe();
    identity.policies.push({ source: { kind: 'inline', name: 'x', via: 'role app' }, document: { ok: true, value: 'not json' } });
    expect(judgeIdentity(identity, { maxKeyAgeDays: 90 }, NOW)).toMatchObject({ status: 'error', message: 'inline policy x: cannot read it: the policy is not valid JSON' });
  });

  it('keys: old, inactive and two active', () => {
    const identity: IdentityObservation = {
      ...observe(),
      principal: { ...role, kind: 'user', name: 'app' },
      accessKeys: [
        { id: '…AAAA', status: 'Active', created: '2025-01-01T00:00:00Z' },
        { id: '…BBBB', status: 'Inactive', created: '2020-01-01T00:00:00Z' },
        { id: '…CCCC', status: 'Active', created: '2025-05-30T00:00:00Z' },
      ],
    };
    const result = judgeIdentity(identity, { maxKeyAgeDays: 90 }, NOW);
    expect(result).toMatchObject({ status: 'warn', message: 'access key …AAAA: 151 days old, older than 90; user app: 2 active access keys: one is usually a forgotten leftover' });
  });
});

describe('principalFromArn', () => {
  it.each([
    ['arn:aws:iam::111122223333:user/app', { kind: 'user', name: 'app' }],
    ['arn:aws:iam::111122223333:user/division/app', { kind: 'user', name: 'app' }],
    ['arn:aws:sts::111122223333:assumed-role/shop-api/i-0abc', { kind: 'role', name: 'shop-api', arn: 'arn:aws:iam::111122223333:role/shop-api' }],
    ['arn:aws:iam::111122223333:role/service-role/worker', { kind: 'role', name: 'worker' }],
    ['arn:aws:iam::111122223333:root', { kind: 'root' }],
    ['arn:aws:sts::111122223333:federated-user/bob', { kind: 'other' }],
    ['arn:aws-cn:iam::111122223333:user/app', { kind: 'user', name: 'app' }],
  ])('%s', (arn, expected) => expect(principalFromArn(arn, 'caller')).toMatchObject(expected));
});
