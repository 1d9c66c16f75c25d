import { judged, outcome, verdictOf, type Judgement } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { IdentityObservation, PolicyDocument } from '../probes/aws.js';
import { globMatches, parsePolicy, statementName, type PolicyStatement } from './iam-policy.js';
import { needs } from './s3-bucket.js';

/*
 * Least privilege for the app's own identity (the user or role its code runs as): no administrator access, no
 * s3:* on every bucket, no Allow with NotAction over everything, no iam:* (which grants itself anything); inline
 * policies on a user, old access keys and a second active key are warnings. A Deny elsewhere is not credited: an
 * Allow of everything is one deleted statement away from being real.
 */

export interface IdentityOptions {
  /** Access keys older than this are a warning (AWS's and CIS's 90 days by default). */
  maxKeyAgeDays: number;
}

/** Never a real action: a pattern that matches it matches every action of its service. */
const ANY_SERVICE_ACTION = (service: string) => `${service}:QqzxReadinessNoSuchAction`;
const ANY_ACTION = 'qqzxnoservice:QqzxReadinessNoSuchAction';

/** Every resource or every bucket (a Resource of "*" or arn:aws:s3:::* with or without its object part), or a NotResource (everything but a few). */
const allResources = (statement: PolicyStatement) =>
  statement.notResources !== null || statement.resources.some((r) => r === '*' || /^arn:(aws[a-z-]*|\*):s3:::\*(\/\*)?$/.test(r));

const FIX_ADMIN = 'Replace the broad policy with one scoped to what the app does: s3:GetObject/PutObject/DeleteObject on arn:aws:s3:::<bucket>/* and s3:ListBucket on arn:aws:s3:::<bucket>.';

function documentFindings(document: PolicyDocument): Judgement[] {
  const where = `${document.source.kind} policy ${document.source.name}${document.source.via.startsWith('group') ? ` (through ${document.source.via})` : ''}`;
  if (!document.document.ok) return [judged(where, 'error', needs(document.document.refusal), 'Give the credentials readiness uses the read-only policy in the README ("Minimal AWS policy").')];
  const parsed = parsePolicy(document.document.value);
  if (!parsed.ok) return [judged(where, 'error', `cannot read it: ${parsed.reason}`)];
  const findings: Judgement[] = [];
  for (const statement of parsed.statements) {
    if (statement.effect !== 'Allow') continue;
    const name = `${where}, ${statementName(statement)}`;
    const everywhere = allResources(statement);
    if (statement.notActions !== null) {
      if (everywhere) findings.push(judged(name, 'fail', `Allow with NotAction ${statement.notActions.join(', ')} on every resource grants every other action of every service`, FIX_ADMIN));
      else findings.push(judged(name, 'warn', `Allow with NotAction ${statement.notActions.join(', ')} grants every other action on ${statement.resources.join(', ')}`, FIX_ADMIN));
      continue;
    }
    if (!everywhere) continue;
    const matches = (probe: string) => statement.actions.some((p) => globMatches(p, probe));
    if (matches(ANY_ACTION)) findings.push(judged(name, 'fail', `administrator access: Allow ${statement.actions.join(', ')} on every resource`, FIX_ADMIN));
    else if (matches(ANY_SERVICE_ACTION('iam'))) findings.push(judged(name, 'fail', 'iam:* on every resource: the app can grant itself anything', FIX_ADMIN));
    else if (matches(ANY_SERVICE_ACTION('s3'))) findings.push(judged(name, 'fail', 's3:* on every bucket: any leak of the app\'s keys exposes and can destroy every bucket', FIX_ADMIN));
  }
  return findings;
}

export function judgeIdentity(identity: IdentityObservation, options: IdentityOptions, now: Date): CheckOutcome {
  const principal = identity.principal;
  const evidence: Record<string, unknown> = {
    principal: principal ? { kind: principal.kind, name: principal.name, arn: principal.arn, source: principal.source } : null,
    policies: identity.policies.map((p) => `${p.source.via}: ${p.source.kind} ${p.source.name}`),
    accessKeys: identity.accessKeys,
  };
  if (!principal) {
    if (identity.caller && !identity.caller.ok) return outcome('error', `cannot tell who the app runs as: ${needs(identity.caller.refusal)}; or set aws.principal`, { evidence });
    return outcome('error', 'cannot tell who the app runs as: set aws.principal to its IAM user or role', { evidence });
  }
  if (principal.kind === 'root') {
    return outcome('fail', "the credentials are the account's root user: the app must never run as root", {
      evidence,
      remediation: 'Create an IAM role (or user) for the app with a bucket-scoped policy, delete the root access keys, and enable MFA on the root user.',
    });
  }
  if (principal.kind === 'other') return outcome('manual', `${principal.arn} is not an IAM user or role whose policies can be listed: review its permissions by hand`, { evidence });
  const label = `${principal.kind} ${principal.name}`;
  if (identity.missing) return outcome('error', `${label} does not exist (NoSuchEntity): check aws.principal`, { evidence });

  const judgements: Judgement[] = [judged(label, 'pass', `${identity.policies.length} polic${identity.policies.length === 1 ? 'y' : 'ies'} read`)];
  if (identity.refused.length > 0) {
    const actions = [...new Set(identity.refused.map((r) => r.action))];
    judgements.push(judged(label, 'error', `cannot verify with these credentials: needs ${actions.join(', ')}`, 'Give the credentials readiness uses the read-only policy in the README ("Minimal AWS policy").'));
  }
  for (const document of identity.policies) judgements.push(...documentFindings(document));
  if (identity.inlineUserPolicies.length > 0) {
    judgements.push(judged(label, 'warn', `inline policies on the user (${identity.inlineUserPolicies.join(', ')}): hard to review and to reuse`, 'Move inline user policies to a managed policy (or a role) that can be reviewed and versioned.'));
  }
  if (identity.truncated) judgements.push(judged(label, 'warn', 'more policies or groups than readiness reads (25 policies, 10 groups): some were not judged'));
  const active = (identity.accessKeys ?? []).filter((k) => k.status === 'Active');
  for (const key of active) {
    const ageDays = key.created ? Math.floor((now.getTime() - Date.parse(key.created)) / 86_400_000) : null;
    if (ageDays !== null && ageDays > options.maxKeyAgeDays) {
      judgements.push(judged(`access key ${key.id}`, 'warn', `${ageDays} days old, older than ${options.maxKeyAgeDays}`, 'Rotate the access key: create a new one, deploy it, deactivate and delete the old one (or move the app to a role with temporary credentials).'));
    }
  }
  if (active.length > 1) judgements.push(judged(label, 'warn', `${active.length} active access keys: one is usually a forgotten leftover`, 'Deactivate the access key the app does not use.'));
  const keys = identity.accessKeys === null ? '' : `; ${active.length} active access key(s)`;
  return verdictOf(judgements, `${label}: ${identity.policies.length} polic${identity.policies.length === 1 ? 'y' : 'ies'}, none grants administrator access or s3:* on every bucket${keys}`, evidence);
}
