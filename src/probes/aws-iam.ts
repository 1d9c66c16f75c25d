import type { AwsClients, AwsRead, AwsRefusal } from './aws-clients.js';
import type { PublicAccessBlockFlags } from './aws-s3.js';

/** Policy documents read per principal (its own, its groups', managed and inline): bounded, and far above a sane setup. */
export const MAX_POLICIES = 25;
export const MAX_GROUPS = 10;

export interface CallerIdentity {
  account: string;
  arn: string;
}

export interface PrincipalRef {
  /** root: the account's root user; other: a federated user or anything IAM cannot list policies for. */
  kind: 'user' | 'role' | 'root' | 'other';
  name: string;
  arn: string;
  account: string | null;
  /** Where it came from: aws.principal, or whoever the credentials are. */
  source: 'config' | 'caller';
}

export interface PolicySource {
  kind: 'inline' | 'managed';
  /** The policy name (inline) or ARN (managed). */
  name: string;
  /** Attached to the principal itself, or through this group. */
  via: string;
}

export interface PolicyDocument {
  source: PolicySource;
  /** The document as IAM returned it: URL-encoded JSON. */
  document: AwsRead<string>;
}

export interface AccessKeyFacts {
  /** The last four characters of the key id: enough to tell keys apart in a report. */
  id: string;
  status: string;
  created: string | null;
}

export interface IdentityObservation {
  /** STS GetCallerIdentity; null when STS is not asked (an S3-compatible stack without an STS endpoint). */
  caller: AwsRead<CallerIdentity> | null;
  principal: PrincipalRef | null;
  /** The principal does not exist (GetUser/GetRole answered NoSuchEntity). */
  missing: boolean;
  /** Listing calls that were refused: what was not seen, and the action to grant. */
  refused: AwsRefusal[];
  policies: PolicyDocument[];
  /** Inline policy names on the user itself (a warn). */
  inlineUserPolicies: string[];
  /** null for roles, and when ListAccessKeys was refused (see refused). */
  accessKeys: AccessKeyFacts[] | null;
  /** More policies or groups than the bounds: some were not read. */
  truncated: boolean;
}

export interface AccountBlockObservation {
  /** The account whose Block Public Access was read; null when unknown (STS not asked or refused). */
  account: string | null;
  /** null: not asked (no account id, or an S3-compatible stack without an S3 Control endpoint). */
  flags: AwsRead<PublicAccessBlockFlags | null> | null;
}

/** Who an ARN names: `arn:aws:iam::1:user/path/app`, `arn:aws:sts::1:assumed-role/app/session`, `arn:aws:iam::1:root`. */
export function principalFromArn(arn: string, source: PrincipalRef['source']): PrincipalRef {
  const match = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(.+)$/.exec(arn);
  if (!match) return { kind: 'other', name: arn, arn, account: null, source };
  const [, , account, resource] = match as unknown as [string, string, string, string];
  if (resource === 'root') return { kind: 'root', name: 'root', arn, account, source };
  const parts = resource.split('/');
  if (parts[0] === 'user') return { kind: 'user', name: parts.at(-1)!, arn, account, source };
  if (parts[0] === 'role') return { kind: 'role', name: parts.at(-1)!, arn, account, source };
  if (parts[0] === 'assumed-role' && parts[1]) return { kind: 'role', name: parts[1], arn: `arn:aws:iam::${account}:role/${parts[1]}`, account, source };
  return { kind: 'other', name: resource, arn, account, source };
}

/** aws.principal as written: an ARN, or `user/<name>` / `role/<name>` in the caller's account. */
export function configuredPrincipal(spec: string, account: string | null): PrincipalRef {
  if (spec.startsWith('arn:')) return principalFromArn(spec, 'config');
  const [kind, ...rest] = spec.split('/');
  const name = rest.at(-1)!;
  return { kind: kind === 'role' ? 'role' : 'user', name, arn: `arn:aws:iam::${account ?? '<account>'}:${spec}`, account, source: 'config' };
}

const iamWhere = (clients: AwsClients) => clients.where('iam');

export async function observeCaller(clients: AwsClients): Promise<AwsRead<CallerIdentity> | null> {
  if (!clients.asks('sts')) return null;
  const sts = await clients.sts();
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts');
  return clients.read('STS', 'sts:GetCallerIdentity', clients.where('sts'), async (abortSignal) => {
    const out = await sts.send(new GetCallerIdentityCommand({}), { abortSignal });
    return { account: out.Account ?? '', arn: out.Arn ?? '' };
  });
}

export async function observeAccountBlock(clients: AwsClients, account: string | null): Promise<AccountBlockObservation> {
  if (account === null || !clients.asks('s3control')) return { account, flags: null };
  const control = await clients.s3control();
  const { GetPublicAccessBlockCommand } = await import('@aws-sdk/client-s3-control');
  const flags = await clients.read('S3 Control', 's3:GetAccountPublicAccessBlock', clients.where('s3control'), async (abortSignal) => {
    const out = await control.send(new GetPublicAccessBlockCommand({ AccountId: account }), { abortSignal });
    const f = out.PublicAccessBlockConfiguration ?? {};
    return {
      blockPublicAcls: f.BlockPublicAcls === true,
      ignorePublicAcls: f.IgnorePublicAcls === true,
      blockPublicPolicy: f.BlockPublicPolicy === true,
      restrictPublicBuckets: f.RestrictPublicBuckets === true,
    } as PublicAccessBlockFlags | null;
  });
  return { account, flags: !flags.ok && flags.refusal.code === 'NoSuchPublicAccessBlockConfiguration' ? { ok: true, value: null } : flags };
}

/** The policies of a user or role: its own, its groups', inline and managed, each document read once. */
export async function observeIdentity(clients: AwsClients, caller: AwsRead<CallerIdentity> | null): Promise<IdentityObservation> {
  const account = caller?.ok ? caller.value.account : null;
  const spec = clients.config.principal;
  const principal = spec ? configuredPrincipal(spec, account) : caller?.ok ? principalFromArn(caller.value.arn, 'caller') : null;
  const observation: IdentityObservation = { caller, principal, missing: false, refused: [], policies: [], inlineUserPolicies: [], accessKeys: null, truncated: false };
  if (!principal || (principal.kind !== 'user' && principal.kind !== 'role') || !clients.asks('iam')) return observation;

  const iam = await clients.iam();
  const sdk = await import('@aws-sdk/client-iam');
  const where = iamWhere(clients);
  /** A listing whose refusal is noted (and whose answer is then empty). */
  const list = async <T>(action: string, send: (abortSignal: AbortSignal) => Promise<T>, empty: T): Promise<T> => {
    const read = await clients.read('IAM', action, where, send);
    if (read.ok) return read.value;
    if (read.refusal.code === 'NoSuchEntity') observation.missing = true;
    else observation.refused.push(read.refusal);
    return empty;
  };
  const managed = new Set<string>();
  const addInline = (name: string, via: string, read: (abortSignal: AbortSignal) => Promise<string>, action: string) => {
    if (observation.policies.length >= MAX_POLICIES) {
      observation.truncated = true;
      return Promise.resolve();
    }
    const entry: PolicyDocument = { source: { kind: 'inline', name, via }, document: { ok: true, value: '' } };
    observation.policies.push(entry);
    return clients.read('IAM', action, where, read).then((document) => void (entry.document = document));
  };
  const addManaged = async (arn: string, via: string) => {
    if (managed.has(arn)) return;
    managed.add(arn);
    if (observation.policies.length >= MAX_POLICIES) {
      observation.truncated = true;
      return;
    }
    const entry: PolicyDocument = { source: { kind: 'managed', name: arn, via }, document: { ok: true, value: '' } };
    observation.policies.push(entry);
    const version = await clients.read('IAM', 'iam:GetPolicy', where, async (abortSignal) => {
      const out = await iam.send(new sdk.GetPolicyCommand({ PolicyArn: arn }), { abortSignal });
      return out.Policy?.DefaultVersionId ?? 'v1';
    });
    if (!version.ok) {
      entry.document = version;
      return;
    }
    entry.document = await clients.read('IAM', 'iam:GetPolicyVersion', where, async (abortSignal) => {
      const out = await iam.send(new sdk.GetPolicyVersionCommand({ PolicyArn: arn, VersionId: version.value }), { abortSignal });
      return out.PolicyVersion?.Document ?? '';
    });
  };
  const self = principal.kind === 'user' ? `user ${principal.name}` : `role ${principal.name}`;

  if (principal.kind === 'user') {
    const UserName = principal.name;
    await list('iam:GetUser', (abortSignal) => iam.send(new sdk.GetUserCommand({ UserName }), { abortSignal }).then(() => true), false);
    if (observation.missing) return observation;
    const [inline, attached, groups, keys] = await Promise.all([
      list('iam:ListUserPolicies', async (abortSignal) => (await iam.send(new sdk.ListUserPoliciesCommand({ UserName, MaxItems: 100 }), { abortSignal })).PolicyNames ?? [], [] as string[]),
      list('iam:ListAttachedUserPolicies', async (abortSignal) => (await iam.send(new sdk.ListAttachedUserPoliciesCommand({ UserName, MaxItems: 100 }), { abortSignal })).AttachedPolicies ?? [], []),
      list('iam:ListGroupsForUser', async (abortSignal) => (await iam.send(new sdk.ListGroupsForUserCommand({ UserName, MaxItems: 100 }), { abortSignal })).Groups ?? [], []),
      list(
        'iam:ListAccessKeys',
        async (abortSignal) =>
          ((await iam.send(new sdk.ListAccessKeysCommand({ UserName, MaxItems: 100 }), { abortSignal })).AccessKeyMetadata ?? []).map((k) => ({
            id: `…${(k.AccessKeyId ?? '').slice(-4)}`,
            status: k.Status ?? 'unknown',
            created: k.CreateDate ? new Date(k.CreateDate).toISOString() : null,
          })) as AccessKeyFacts[] | null,
        null,
      ),
    ]);
    observation.inlineUserPolicies = inline;
    observation.accessKeys = keys;
    const reads: Promise<void>[] = inline.map((name) =>
      addInline(name, self, async (abortSignal) => (await iam.send(new sdk.GetUserPolicyCommand({ UserName, PolicyName: name }), { abortSignal })).PolicyDocument ?? '', 'iam:GetUserPolicy'),
    );
    for (const policy of attached) if (policy.PolicyArn) reads.push(addManaged(policy.PolicyArn, self));
    if (groups.length > MAX_GROUPS) observation.truncated = true;
    for (const group of groups.slice(0, MAX_GROUPS)) {
      const GroupName = group.GroupName ?? '';
      const via = `group ${GroupName}`;
      reads.push(
        (async () => {
          const [groupInline, groupAttached] = await Promise.all([
            list('iam:ListGroupPolicies', async (abortSignal) => (await iam.send(new sdk.ListGroupPoliciesCommand({ GroupName, MaxItems: 100 }), { abortSignal })).PolicyNames ?? [], [] as string[]),
            list('iam:ListAttachedGroupPolicies', async (abortSignal) => (await iam.send(new sdk.ListAttachedGroupPoliciesCommand({ GroupName, MaxItems: 100 }), { abortSignal })).AttachedPolicies ?? [], []),
          ]);
          await Promise.all([
            ...groupInline.map((name) =>
              addInline(name, via, async (abortSignal) => (await iam.send(new sdk.GetGroupPolicyCommand({ GroupName, PolicyName: name }), { abortSignal })).PolicyDocument ?? '', 'iam:GetGroupPolicy'),
            ),
            ...groupAttached.filter((p) => p.PolicyArn).map((p) => addManaged(p.PolicyArn!, via)),
          ]);
        })(),
      );
    }
    await Promise.all(reads);
  } else {
    const RoleName = principal.name;
    await list('iam:GetRole', (abortSignal) => iam.send(new sdk.GetRoleCommand({ RoleName }), { abortSignal }).then(() => true), false);
    if (observation.missing) return observation;
    const [inline, attached] = await Promise.all([
      list('iam:ListRolePolicies', async (abortSignal) => (await iam.send(new sdk.ListRolePoliciesCommand({ RoleName, MaxItems: 100 }), { abortSignal })).PolicyNames ?? [], [] as string[]),
      list('iam:ListAttachedRolePolicies', async (abortSignal) => (await iam.send(new sdk.ListAttachedRolePoliciesCommand({ RoleName, MaxItems: 100 }), { abortSignal })).AttachedPolicies ?? [], []),
    ]);
    await Promise.all([
      ...inline.map((name) =>
        addInline(name, self, async (abortSignal) => (await iam.send(new sdk.GetRolePolicyCommand({ RoleName, PolicyName: name }), { abortSignal })).PolicyDocument ?? '', 'iam:GetRolePolicy'),
      ),
      ...attached.filter((p) => p.PolicyArn).map((p) => addManaged(p.PolicyArn!, self)),
    ]);
  }
  // Reads finish in any order; a stable order keeps reports and recordings the same run after run.
  observation.policies.sort((a, b) => `${a.source.via} ${a.source.kind} ${a.source.name}`.localeCompare(`${b.source.via} ${b.source.kind} ${b.source.name}`));
  return observation;
}
