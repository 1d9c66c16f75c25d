import { describe, expect, it } from 'vitest';
import { judgeBucketPolicy, parseCidr, type Access } from './s3-policy.js';

const B = 'arn:aws:s3:::shop-assets';
const OBJECTS = `${B}/*`;
const ACCOUNT = '111122223333';

type Statement = Record<string, unknown>;
const allow = (extra: Statement = {}): Statement => ({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: OBJECTS, ...extra });
const deny = (extra: Statement = {}): Statement => ({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [B, OBJECTS], ...extra });
const policy = (...statements: Statement[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const when = (operator: string, key: string, value: unknown): Statement => ({ Condition: { [operator]: { [key]: value } } });

const ALL: Access[] = ['write', 'permissions', 'read', 'list', 'configuration'];

interface Row {
  name: string;
  policy: string;
  /** The access of each public statement, in order; [] when none is public. */
  public: Access[][];
  /** A pattern the (first) restriction must match, when one statement is held back. */
  restricted?: RegExp;
  principal?: RegExp;
  insecureDenied?: boolean;
}

const rows: Row[] = [
  // Who: every spelling of "everyone".
  { name: 'Principal "*"', policy: policy(allow()), public: [['read']], principal: /^Principal "\*"$/ },
  { name: 'Principal {"AWS": "*"}', policy: policy(allow({ Principal: { AWS: '*' } })), public: [['read']], principal: /"AWS": "\*"/ },
  { name: '"*" inside a list of AWS principals', policy: policy(allow({ Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, '*'] } })), public: [['read']] },
  { name: 'arn:aws:iam::*:root', policy: policy(allow({ Principal: { AWS: 'arn:aws:iam::*:root' } })), public: [['read']], principal: /iam::\*:root/ },
  { name: 'arn:aws:iam::*:root as a bare string', policy: policy(allow({ Principal: 'arn:aws:iam::*:root' })), public: [['read']] },
  { name: '{"CanonicalUser": "*"}', policy: policy(allow({ Principal: { CanonicalUser: '*' } })), public: [['read']] },
  { name: 'NotPrincipal with Allow', policy: policy(allow({ Principal: undefined, NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` } })), public: [['read']], principal: /^NotPrincipal/ },
  { name: 'one named account', policy: policy(allow({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/app` } })), public: [] },
  { name: 'a service principal', policy: policy(allow({ Principal: { Service: 'cloudfront.amazonaws.com' } })), public: [] },
  { name: 'an account root with a wildcard elsewhere', policy: policy(allow({ Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, 'arn:aws:iam::222233334444:root'] } })), public: [] },

  // What: the kinds of access an action grants.
  { name: 's3:GetObject', policy: policy(allow()), public: [['read']] },
  { name: 'action case does not matter', policy: policy(allow({ Action: 'S3:GETOBJECT' })), public: [['read']] },
  { name: 's3:ListBucket on the bucket', policy: policy(allow({ Action: 's3:ListBucket', Resource: B })), public: [['list']] },
  { name: 's3:PutObject', policy: policy(allow({ Action: 's3:PutObject' })), public: [['write']] },
  { name: 's3:DeleteObject', policy: policy(allow({ Action: 's3:DeleteObject' })), public: [['write']] },
  { name: 's3:Put*', policy: policy(allow({ Action: 's3:Put*' })), public: [['write', 'permissions']] },
  { name: 's3:Delete*', policy: policy(allow({ Action: 's3:Delete*' })), public: [['write', 'permissions']] },
  { name: 's3:PutBucketPolicy', policy: policy(allow({ Action: 's3:PutBucketPolicy', Resource: B })), public: [['permissions']] },
  { name: 's3:PutObjectAcl', policy: policy(allow({ Action: 's3:PutObjectAcl' })), public: [['permissions']] },
  { name: 's3:*', policy: policy(allow({ Action: 's3:*', Resource: [B, OBJECTS] })), public: [ALL] },
  { name: '"*"', policy: policy(allow({ Action: '*' })), public: [ALL] },
  { name: 's3:Get*', policy: policy(allow({ Action: 's3:Get*' })), public: [['read', 'configuration']] },
  { name: 's3:GetObject? (one-character wildcard)', policy: policy(allow({ Action: 's3:GetObjec?' })), public: [['read']] },
  { name: 'NotAction s3:GetObject: everything else', policy: policy(allow({ Action: undefined, NotAction: 's3:GetObject' })), public: [ALL] },
  { name: 'NotAction s3:* grants nothing in S3', policy: policy(allow({ Action: undefined, NotAction: 's3:*' })), public: [] },
  { name: 'an action of another service', policy: policy(allow({ Action: 'sqs:SendMessage' })), public: [] },
  { name: 'two public statements', policy: policy(allow({ Sid: 'Read' }), allow({ Sid: 'Write', Action: 's3:PutObject' })), public: [['read'], ['write']] },

  // Conditions that keep outsiders out.
  { name: 'aws:SourceAccount', policy: policy(allow(when('StringEquals', 'aws:SourceAccount', ACCOUNT))), public: [], restricted: /aws:SourceAccount = 111122223333/ },
  { name: 'condition key case does not matter', policy: policy(allow(when('StringEquals', 'AWS:SOURCEACCOUNT', ACCOUNT))), public: [], restricted: /aws:SourceAccount/ },
  { name: 'aws:SourceOwner', policy: policy(allow(when('StringEquals', 'aws:SourceOwner', ACCOUNT))), public: [], restricted: /aws:SourceOwner/ },
  { name: 'aws:SourceArn of one distribution', policy: policy(allow(when('ArnEquals', 'aws:SourceArn', `arn:aws:cloudfront::${ACCOUNT}:distribution/E1ABCDEF`))), public: [], restricted: /aws:SourceArn/ },
  { name: 'aws:SourceArn with a fixed account and a wildcard resource', policy: policy(allow(when('ArnLike', 'aws:SourceArn', `arn:aws:cloudfront::${ACCOUNT}:distribution/*`))), public: [], restricted: /aws:SourceArn/ },
  { name: 'aws:SourceArn of a fixed bucket (no account field)', policy: policy(allow(when('ArnEquals', 'aws:SourceArn', 'arn:aws:s3:::shop-logs'))), public: [], restricted: /aws:SourceArn/ },
  { name: 'aws:SourceArn as StringEquals', policy: policy(allow(when('StringEquals', 'aws:SourceArn', `arn:aws:sns:us-east-1:${ACCOUNT}:topic`))), public: [], restricted: /aws:SourceArn/ },
  { name: 'aws:SourceVpce', policy: policy(allow(when('StringEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d'))), public: [], restricted: /aws:SourceVpce = vpce-1a2b3c4d/ },
  { name: 'aws:SourceVpc', policy: policy(allow(when('StringEquals', 'aws:SourceVpc', 'vpc-111bbb22'))), public: [], restricted: /aws:SourceVpc/ },
  { name: 'aws:PrincipalOrgID', policy: policy(allow(when('StringEquals', 'aws:PrincipalOrgID', 'o-a1b2c3d4e5'))), public: [], restricted: /aws:PrincipalOrgID/ },
  { name: 'ForAnyValue:StringEquals aws:PrincipalOrgID', policy: policy(allow(when('ForAnyValue:StringEquals', 'aws:PrincipalOrgID', ['o-a1b2c3d4e5']))), public: [], restricted: /aws:PrincipalOrgID/ },
  { name: 'aws:PrincipalOrgPaths with a fixed organisation', policy: policy(allow(when('ForAnyValue:StringLike', 'aws:PrincipalOrgPaths', 'o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*'))), public: [], restricted: /aws:PrincipalOrgPaths/ },
  { name: 'aws:PrincipalAccount', policy: policy(allow(when('StringEquals', 'aws:PrincipalAccount', ACCOUNT))), public: [], restricted: /aws:PrincipalAccount/ },
  { name: 'aws:PrincipalArn of one role', policy: policy(allow(when('ArnEquals', 'aws:PrincipalArn', `arn:aws:iam::${ACCOUNT}:role/app`))), public: [], restricted: /aws:PrincipalArn/ },
  { name: 'aws:PrincipalArn of any role in one account', policy: policy(allow(when('ArnLike', 'aws:PrincipalArn', `arn:aws:iam::${ACCOUNT}:role/*`))), public: [], restricted: /aws:PrincipalArn/ },
  { name: 'aws:userid of one role\'s sessions (AROLEID:*)', policy: policy(allow(when('StringLike', 'aws:userid', 'AROAEXAMPLEID:*'))), public: [], restricted: /aws:userid/ },
  { name: 'aws:SourceIp in a private range', policy: policy(allow(when('IpAddress', 'aws:SourceIp', '10.0.0.0/8'))), public: [], restricted: /limited to private networks/ },
  { name: 'aws:SourceIp in listed public addresses', policy: policy(allow(when('IpAddress', 'aws:SourceIp', ['203.0.113.0/24', '198.51.100.7']))), public: [], restricted: /limited to listed addresses/ },
  { name: 'aws:SourceIp IPv6 /48', policy: policy(allow(when('IpAddress', 'aws:SourceIp', '2001:db8:1234::/48'))), public: [], restricted: /aws:SourceIp/ },
  { name: 'IpAddressIfExists still restricts (every request has a source IP)', policy: policy(allow(when('IpAddressIfExists', 'aws:SourceIp', '10.0.0.0/8'))), public: [], restricted: /private networks/ },
  { name: 'only AWS services', policy: policy(allow(when('Bool', 'aws:PrincipalIsAWSService', 'true'))), public: [], restricted: /only AWS services/ },
  { name: 'a fixed KMS key id', policy: policy(allow({ Action: 's3:PutObject', ...when('StringEquals', 's3:x-amz-server-side-encryption-aws-kms-key-id', `arn:aws:kms:us-east-1:${ACCOUNT}:key/1234`) })), public: [], restricted: /kms-key-id/ },
  {
    name: 'one restricting condition among others (conditions AND)',
    policy: policy(allow({ Condition: { StringLike: { 'aws:Referer': 'https://shop.example.com/*' }, StringEquals: { 'aws:SourceVpce': 'vpce-1a2b3c4d' } } })),
    public: [],
    restricted: /aws:SourceVpce/,
  },

  // Conditions that look like restrictions and keep nobody out.
  { name: 'aws:SourceIp 0.0.0.0/0', policy: policy(allow(when('IpAddress', 'aws:SourceIp', '0.0.0.0/0'))), public: [['read']] },
  { name: 'aws:SourceIp "*"', policy: policy(allow(when('IpAddress', 'aws:SourceIp', '*'))), public: [['read']] },
  { name: 'aws:SourceIp wider than /8', policy: policy(allow(when('IpAddress', 'aws:SourceIp', '0.0.0.0/1'))), public: [['read']] },
  { name: 'aws:SourceIp ::/0', policy: policy(allow(when('IpAddress', 'aws:SourceIp', '::/0'))), public: [['read']] },
  { name: 'aws:SourceIp with one open range in the list', policy: policy(allow(when('IpAddress', 'aws:SourceIp', ['10.0.0.0/8', '0.0.0.0/0']))), public: [['read']] },
  { name: 'NotIpAddress on an Allow', policy: policy(allow(when('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8'))), public: [['read']] },
  { name: 'aws:Referer (anyone can send it)', policy: policy(allow(when('StringLike', 'aws:Referer', 'https://shop.example.com/*'))), public: [['read']] },
  { name: 'aws:UserAgent', policy: policy(allow(when('StringEquals', 'aws:UserAgent', 'shop-app/1.0'))), public: [['read']] },
  { name: 'aws:SecureTransport true', policy: policy(allow(when('Bool', 'aws:SecureTransport', 'true'))), public: [['read']] },
  { name: 'an object tag', policy: policy(allow(when('StringEquals', 's3:ExistingObjectTag/public', 'true'))), public: [['read']] },
  { name: 'aws:ResourceAccount (the bucket\'s own account: always true)', policy: policy(allow(when('StringEquals', 'aws:ResourceAccount', ACCOUNT))), public: [['read']] },
  { name: 'aws:username (any account can have a user of that name)', policy: policy(allow(when('StringEquals', 'aws:username', 'bob'))), public: [['read']] },
  { name: 'aws:SourceAccount "*"', policy: policy(allow(when('StringLike', 'aws:SourceAccount', '*'))), public: [['read']] },
  { name: 'aws:SourceAccount "*" with StringEquals', policy: policy(allow(when('StringEquals', 'aws:SourceAccount', '*'))), public: [['read']] },
  { name: 'aws:SourceAccount list with a wildcard', policy: policy(allow(when('StringLike', 'aws:SourceAccount', [ACCOUNT, '*']))), public: [['read']] },
  { name: 'aws:PrincipalOrgID "*"', policy: policy(allow(when('StringLike', 'aws:PrincipalOrgID', '*'))), public: [['read']] },
  { name: 'aws:SourceArn "arn:aws:s3:::*"', policy: policy(allow(when('ArnLike', 'aws:SourceArn', 'arn:aws:s3:::*'))), public: [['read']] },
  { name: 'aws:SourceArn with a wildcard account', policy: policy(allow(when('ArnLike', 'aws:SourceArn', 'arn:aws:cloudfront::*:distribution/*'))), public: [['read']] },
  { name: 'aws:PrincipalArn with a wildcard account', policy: policy(allow(when('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/app'))), public: [['read']] },
  { name: 'aws:SourceVpce "vpce-*"', policy: policy(allow(when('StringLike', 'aws:SourceVpce', 'vpce-*'))), public: [['read']] },
  { name: 'aws:userid "*:session"', policy: policy(allow(when('StringLike', 'aws:userid', '*:session'))), public: [['read']] },
  { name: 'StringEqualsIfExists aws:SourceVpce (absent from outsiders\' requests)', policy: policy(allow(when('StringEqualsIfExists', 'aws:SourceVpce', 'vpce-1a2b3c4d'))), public: [['read']] },
  { name: 'StringEqualsIfExists aws:SourceAccount', policy: policy(allow(when('StringEqualsIfExists', 'aws:SourceAccount', ACCOUNT))), public: [['read']] },
  { name: 'StringNotEquals on an Allow', policy: policy(allow(when('StringNotEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d'))), public: [['read']] },
  { name: 'ForAllValues (true when the key is absent)', policy: policy(allow(when('ForAllValues:StringEquals', 'aws:PrincipalOrgID', ['o-a1b2c3d4e5']))), public: [['read']] },
  { name: 'an empty value list', policy: policy(allow(when('StringEquals', 'aws:SourceAccount', []))), public: [['read']] },
  { name: 'aws:PrincipalIsAWSService false', policy: policy(allow(when('Bool', 'aws:PrincipalIsAWSService', 'false'))), public: [['read']] },

  // Deny statements never make anything public; one that shuts everyone else out holds a public Allow back.
  { name: 'a Deny alone', policy: policy(deny()), public: [] },
  { name: 'Allow to everyone, Deny outside one VPC endpoint', policy: policy(allow(), deny(when('StringNotEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d'))), public: [], restricted: /denied outside aws:SourceVpce vpce-1a2b3c4d/ },
  { name: 'Allow to everyone, Deny outside private addresses', policy: policy(allow(), deny({ Action: 's3:GetObject', Resource: OBJECTS, ...when('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8') })), public: [], restricted: /denied outside aws:SourceIp/ },
  { name: 'Allow to everyone, Deny without a VPC endpoint (Null)', policy: policy(allow(), deny(when('Null', 'aws:SourceVpce', 'true'))), public: [], restricted: /denied outside/ },
  { name: 'Allow to everyone, Deny to everyone', policy: policy(allow(), deny()), public: [], restricted: /denied to everyone/ },
  { name: 'Deny of reads leaves public writes', policy: policy(allow({ Action: 's3:*', Resource: [B, OBJECTS] }), deny({ Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: OBJECTS, ...when('StringNotEquals', 'aws:SourceVpce', 'vpce-1a2b3c4d') })), public: [['write', 'permissions', 'list', 'configuration']] },
  { name: 'a Deny of plain HTTP restricts nothing', policy: policy(allow(), deny(when('Bool', 'aws:SecureTransport', 'false'))), public: [['read']], insecureDenied: true },
  { name: 'a Deny keyed on the Referer restricts nothing', policy: policy(allow(), deny(when('StringNotLike', 'aws:Referer', 'https://shop.example.com/*'))), public: [['read']] },
  { name: 'a Deny for one principal restricts nothing', policy: policy(allow(), deny({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:user/intern` } })), public: [['read']] },
  { name: 'a Deny with a wildcard VPC endpoint restricts nothing', policy: policy(allow(), deny(when('StringNotLike', 'aws:SourceVpce', 'vpce-*'))), public: [['read']] },
  { name: 'a Deny on another resource restricts nothing', policy: policy(allow(), deny({ Resource: 'arn:aws:s3:::shop-assets/private' })), public: [['read']] },

  // Documents as S3 and IAM hand them out.
  { name: 'a single Statement object, not a list', policy: JSON.stringify({ Version: '2012-10-17', Statement: allow() }), public: [['read']] },
  { name: 'URL-encoded', policy: encodeURIComponent(policy(allow({ Action: 's3:PutObject' }))), public: [['write']] },
  { name: 'no statements', policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }), public: [] },

  // Plain HTTP refused.
  { name: 'Deny s3:* when aws:SecureTransport is false', policy: policy(deny(when('Bool', 'aws:SecureTransport', 'false'))), public: [], insecureDenied: true },
  { name: 'the same with a JSON boolean', policy: policy(deny(when('Bool', 'aws:SecureTransport', false))), public: [], insecureDenied: true },
  { name: 'a TLS Deny of writes only does not cover reads', policy: policy(deny({ Action: 's3:PutObject', ...when('Bool', 'aws:SecureTransport', 'false') })), public: [], insecureDenied: false },
  { name: 'a TLS Deny narrowed by another condition', policy: policy(deny({ Condition: { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 's3:prefix': 'tmp/' } } })), public: [], insecureDenied: false },
];

describe('judgeBucketPolicy', () => {
  it.each(rows)('$name', (row) => {
    const judgement = judgeBucketPolicy(row.policy);
    if (!judgement.ok) throw new Error(judgement.reason);
    expect(judgement.public.map((p) => p.access)).toEqual(row.public);
    if (row.restricted) {
      expect(judgement.restricted.length).toBeGreaterThan(0);
      expect(judgement.restricted[0]!.restriction).toMatch(row.restricted);
    }
    if (row.principal) expect(judgement.public[0]!.principal).toMatch(row.principal);
    if (row.insecureDenied !== undefined) expect(judgement.deniesInsecureTransport).toBe(row.insecureDenied);
  });

  it('names the public statement by its Sid, else its position, with its actions as written', () => {
    const judgement = judgeBucketPolicy(policy({ Sid: 'Ok', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 's3:*', Resource: OBJECTS }, allow({ Action: ['s3:GetObject', 's3:PutObject'] })));
    expect(judgement).toMatchObject({ ok: true, statements: 2, public: [{ statement: 'statement #2', principal: 'Principal "*"', access: ['write', 'read'], actions: ['s3:GetObject', 's3:PutObject'] }] });
    const notAction = judgeBucketPolicy(policy(allow({ Sid: 'Odd', Action: undefined, NotAction: ['s3:DeleteObject'] })));
    expect(notAction).toMatchObject({ ok: true, public: [{ statement: 'statement Odd', actions: ['NotAction s3:DeleteObject'] }] });
  });

  it.each([
    ['not JSON', 'not a policy', 'the policy is not valid JSON'],
    ['no Statement', '{"Version":"2012-10-17"}', 'the policy has no Statement'],
    ['an Effect that is neither', policy({ Effect: 'Maybe', Principal: '*', Action: 's3:GetObject', Resource: OBJECTS }), 'a statement has no Effect of Allow or Deny'],
    ['URL-encoded garbage', '%E0%A4%A', 'the policy is not valid JSON'],
  ])('cannot read a policy that is %s', (_label, text, reason) => {
    expect(judgeBucketPolicy(text)).toEqual({ ok: false, reason });
  });
});

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', { version: 4, prefix: 8, private: true }],
    ['172.16.5.0/24', { version: 4, prefix: 24, private: true }],
    ['172.32.0.0/16', { version: 4, prefix: 16, private: false }],
    ['192.168.1.10', { version: 4, prefix: 32, private: true }],
    ['203.0.113.0/24', { version: 4, prefix: 24, private: false }],
    ['0.0.0.0/0', { version: 4, prefix: 0, private: false }],
    ['fd00::/8', { version: 6, prefix: 8, private: true }],
    ['2001:db8::/32', { version: 6, prefix: 32, private: false }],
    ['::/0', { version: 6, prefix: 0, private: false }],
  ])('%s', (value, expected) => expect(parseCidr(value)).toEqual(expected));

  it.each(['*', '10.0.0.0/33', '300.1.1.1', '10.0.0', 'not-an-ip', '1.2.3.4/8/8', '2001:::1'])('rejects %s', (value) => expect(parseCidr(value)).toBeUndefined());
});
