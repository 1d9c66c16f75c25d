import type { ProbeErrorCode } from '../core/errors.js';
import type { CheckOutcome } from '../core/types.js';
import { probeFailure } from './probe-failure.js';

/** What to do when AWS could not be observed, by reason. */
const REMEDIATION: Partial<Record<ProbeErrorCode, string>> = {
  refused: 'Check aws.endpoint (and aws.endpoints) and that this machine may reach the service.',
  dns: 'Check aws.region and aws.endpoint: the service host does not resolve from here.',
  auth: 'Check the credentials readiness uses (aws.accessKeyId/secretAccessKey, aws.profile or the AWS_* variables): they were rejected or are missing.',
  timeout: 'The service did not answer in time: retry, or raise the check timeout (checks.<id>.timeout).',
  unavailable: 'The service answered with a server error: retry later; if it persists, check the AWS Health Dashboard.',
  permission: 'Give the credentials readiness uses the read-only policy in the README ("Minimal AWS policy").',
  'request-cap': 'Fewer buckets per run, or run the AWS lines on their own (--only security.s3-bucket-not-public).',
};

/** The one way an AWS probe failure becomes a line's outcome: `error` with the reason and what to do, never a pass. */
export function awsFailure(error: unknown): CheckOutcome {
  return probeFailure(error, [], REMEDIATION);
}
