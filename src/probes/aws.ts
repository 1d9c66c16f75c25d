import type { AwsConfig } from '../config/schema/aws.js';
import { ProbeError } from '../core/errors.js';
import { Memo } from '../core/memo.js';
import { AwsClients } from './aws-clients.js';
import { newestS3Backup } from './aws-backups.js';
import { observeBudgets, type BudgetsObservation } from './aws-budgets.js';
import { observeAccountBlock, observeCaller, observeIdentity, type AccountBlockObservation, type IdentityObservation } from './aws-iam.js';
import { observeBucket, type BucketObservation } from './aws-s3.js';
import type { BackupListing } from './backups.js';
import { runHttpLimits } from './http-limits.js';
import { defineProbe } from './registry.js';

export type { AwsRead, AwsRefusal } from './aws-clients.js';
export type { BudgetsObservation, BudgetFacts, BudgetNotification } from './aws-budgets.js';
export type { AccountBlockObservation, IdentityObservation, PolicyDocument, PrincipalRef, AccessKeyFacts } from './aws-iam.js';
export type { AclGrant, AnonymousAnswer, BucketObservation, PublicAccessBlockFlags } from './aws-s3.js';
export { bucketMissing, SAMPLE_KEYS } from './aws-s3.js';
export { parseS3Location } from './aws-backups.js';

/**
 * The AWS account of the environment, observed with Get, List and Head calls only (the tool never changes a
 * bucket, an object or a policy): S3 buckets, account-level Block Public Access, the app's IAM identity, Budgets
 * and backup prefixes. Each thing is observed once per run; every answer is plain JSON.
 */
export class AwsProbe {
  private readonly memo = new Memo();
  private clientsOrNone: AwsClients | undefined;

  constructor(
    private readonly config: AwsConfig | undefined,
    private readonly run: { signal: AbortSignal; httpLimits: Readonly<Record<string, number>>; userAgent: string },
  ) {}

  private get clients(): AwsClients {
    if (!this.config) throw new ProbeError('unavailable', 'no aws key is configured for this environment (region, buckets, credentials)');
    this.clientsOrNone ??= new AwsClients(this.config, runHttpLimits(this.run.httpLimits), this.run.signal, this.run.userAgent);
    return this.clientsOrNone;
  }

  /** Block Public Access, policy, policy status, ACLs (bucket and sampled objects), ownership, encryption, and unsigned GETs. */
  bucket(name: string): Promise<BucketObservation> {
    return this.memo.get(`bucket ${name}`, () => observeBucket(this.clients, name));
  }

  /** Who the credentials are (STS GetCallerIdentity); null when STS is not asked. */
  caller() {
    return this.memo.get('caller', () => observeCaller(this.clients));
  }

  /** The account's own Block Public Access (S3 Control), for the account the credentials belong to. */
  accountBlock(): Promise<AccountBlockObservation> {
    return this.memo.get('account block', async () => {
      const caller = await this.caller();
      return observeAccountBlock(this.clients, caller?.ok ? caller.value.account : null);
    });
  }

  /** The app's principal (aws.principal, else the caller) and its policies and access keys; null when IAM is not asked. */
  identity(): Promise<IdentityObservation | null> {
    return this.memo.get('identity', async () => {
      if (!this.clients.asks('iam')) return null;
      return observeIdentity(this.clients, await this.caller());
    });
  }

  /** The account's AWS Budgets with their alerts; null when Budgets is not asked (an S3-compatible stack without its endpoint). */
  budgets(account: string): Promise<BudgetsObservation | null> {
    return this.memo.get(`budgets ${account}`, async () => (this.clients.asks('budgets') ? observeBudgets(this.clients, account) : null));
  }

  /** The newest backup-named object under a prefix (like the backups probe does for a folder). */
  newestBackup(bucket: string, prefix: string): Promise<BackupListing> {
    return this.memo.get(`backup ${bucket} ${prefix}`, () => newestS3Backup(this.clients, bucket, prefix));
  }

  async close(): Promise<void> {
    this.clientsOrNone?.close();
  }
}

export const awsProbe = defineProbe<AwsProbe>({
  name: 'aws',
  describes:
    'AWS SDK v3 (loaded only when an AWS check runs): per bucket HeadBucket, GetPublicAccessBlock, GetBucketPolicy(Status), GetBucketAcl, GetBucketOwnershipControls, GetBucketEncryption, ListObjectsV2 (5 keys) and their GetObjectAcl, an unsigned listing and one-byte GET; ' +
    'S3 Control GetPublicAccessBlock; STS GetCallerIdentity; IAM Get/List of the principal\'s policies (at most 25) and access keys; Budgets Describe* (at most 50); backup prefixes listed up to 20 pages. ' +
    'Get/List/Head only, one retry, bounded by the HTTP timeouts, at most 400 calls per run.',
  create: (run) => new AwsProbe(run.target.environment.aws, run),
  close: (probe) => probe.close(),
});
