import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './s3-bucket-not-public.js';

/** The recorded environment with its one bucket declared another way: the same observations, another intent. */
const declared = (bucket: Record<string, unknown>) => (recorded: Record<string, unknown>) => ({ ...recorded, aws: { ...(recorded.aws as Record<string, unknown>), buckets: [bucket] } });

judgementTable(check, [
  { scenario: 'private and correct, least-privilege role', status: 'pass', message: "1 bucket(s) private, or public read-only as configured, and the app's IAM identity is least-privilege" },
  { scenario: 'ceph public via policy', status: 'fail', message: /^public-policy: bucket policy: statement PublicRead \(Principal "\*"\) lets anyone read objects, list every key; anonymous access/ },
  {
    name: 'a policy granting public reads and listing, on a bucket declared public: "read" → warn (listing)',
    scenario: 'ceph public via policy',
    environment: declared({ name: 'public-policy', public: 'read' }),
    status: 'warn',
    message: /^public-policy: bucket policy: statement PublicRead \(Principal "\*"\) lets anyone read objects, list every key: a public assets bucket needs only s3:GetObject; anonymous access: an unsigned request listed the bucket \(200\): anyone can enumerate every key/,
  },
  {
    name: 'a public object ACL on a bucket declared public: "read" → only the hardening warnings',
    scenario: 'ceph public object acl',
    environment: declared({ name: 'public-object', public: 'read' }),
    status: 'warn',
    message: /^public-object: default encryption: none configured; TLS only: .*; CDN: a public bucket should be served through a CDN/,
  },
  {
    name: 'a public bucket ACL on a bucket declared public: "read" → warn (anyone can list)',
    scenario: 'ceph public via bucket acl',
    environment: declared({ name: 'public-acl', public: 'read' }),
    status: 'warn',
    message: /ACLs: the bucket ACL grants AllUsers READ: anyone can list every key/,
  },
  {
    name: 'public write stays critical on a bucket declared public: "read"',
    scenario: 'public write policy',
    environment: declared({ name: 'shop-writable', public: 'read' }),
    status: 'fail',
    message: /^shop-writable: bucket policy: critical: statement Uploads/,
  },
  {
    name: 'a bucket meant to serve public reads that refuses them → warn',
    scenario: 'private and correct, least-privilege role',
    environment: declared({ name: 'shop-uploads', public: 'read' }),
    status: 'warn',
    message: /anonymous access: an unsigned GET of uploads\/photo\.jpg was refused \(AccessDenied\): the bucket meant to serve public assets does not/,
  },
  { scenario: 'least-privilege user', options: { maxKeyAgeDays: 5 }, status: 'warn', message: 'app identity: access key …0001: 10 days old, older than 5' },
  { scenario: 'administrator identity', options: { maxKeyAgeDays: 365 }, status: 'fail', message: 'app identity: inline policy everything, statement #1: administrator access: Allow * on every resource' },
  { scenario: 'ceph block public access on, public policy still served', status: 'fail', message: /anonymous access: an unsigned request listed the bucket \(200\): it is public, whatever its settings say/ },
  { scenario: 'ceph public acl, block public access on', status: 'warn', message: /ignored only because IgnorePublicAcls is on/ },
  { scenario: 'iam and policy reads denied', status: 'error', message: /needs s3:GetBucketPolicy; app identity: role shop-api: cannot verify with these credentials: needs iam:ListAttachedRolePolicies$/ },
  { scenario: 'slow answer', status: 'error', message: /within 500 ms$/ },
]);
