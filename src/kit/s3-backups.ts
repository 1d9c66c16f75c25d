import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import { awsProbe, parseS3Location } from '../probes/aws.js';
import type { BackupListing } from '../probes/backups.js';
import { awsFailure } from './aws.js';
import type { CheckContext } from './check.js';

/** database.backups.location names an S3 prefix (s3://bucket/prefix). */
export function isS3Location(location: string): boolean {
  return parseS3Location(location) !== undefined;
}

/**
 * The backup lines' S3 form: lists the prefix through the AWS probe (the environment's aws key gives region and
 * credentials) and judges the newest backup-named object like a file in a backup folder. Without an aws key it is
 * manual; a failed listing is `error` with its reason — never a pass.
 */
export async function judgeS3Backups(ctx: CheckContext<unknown>, location: string, judge: (listing: BackupListing) => CheckOutcome, attestation: string): Promise<CheckOutcome> {
  const where = parseS3Location(location)!;
  if (!ctx.environment.aws) {
    return outcome('manual', `backups are in ${location}: add environments.${ctx.environmentName}.aws (region, credentials) to list them, or a person must check: ${attestation}`, { evidence: { location } });
  }
  try {
    return judge(await ctx.probe(awsProbe).newestBackup(where.bucket, where.prefix));
  } catch (error) {
    return awsFailure(error);
  }
}
