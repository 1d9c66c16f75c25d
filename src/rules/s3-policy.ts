import { conditionOperator, grantsAction, parsePolicy, statementName, type PolicyStatement } from './iam-policy.js';

/*
 * Is a bucket policy public? Following AWS's own definition ("The meaning of public", S3 User Guide, and the
 * PublicAccessBlockConfiguration reference): an Allow to everyone is public unless a condition pins it to fixed
 * values of keys an outsider cannot choose — aws:SourceIp CIDRs, aws:SourceArn, aws:SourceVpc(e), aws:SourceOwner,
 * aws:SourceAccount, aws:PrincipalOrgID, aws:PrincipalArn, aws:userid "AROLEID:*", … — and, as Prowler's
 * is_policy_public does, a Deny that shuts everyone else out. Where this reading cannot tell, it says public: a
 * false alarm costs a look, a false pass costs the data.
 */

/** What a public statement lets anyone do with the bucket. */
export type Access = 'read' | 'list' | 'write' | 'permissions' | 'configuration';

/** Representative actions per kind of access: a statement grants a kind when its Action (or NotAction) covers one. */
export const ACCESS_ACTIONS: Readonly<Record<Access, readonly string[]>> = {
  read: ['s3:GetObject', 's3:GetObjectVersion'],
  list: ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
  write: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:AbortMultipartUpload', 's3:RestoreObject', 's3:ReplicateObject', 's3:DeleteBucket', 's3:PutLifecycleConfiguration'],
  permissions: ['s3:PutBucketPolicy', 's3:DeleteBucketPolicy', 's3:PutBucketAcl', 's3:PutObjectAcl', 's3:PutBucketPublicAccessBlock', 's3:PutBucketOwnershipControls'],
  configuration: ['s3:GetBucketAcl', 's3:GetBucketPolicy', 's3:GetObjectAcl', 's3:GetBucketLocation', 's3:GetBucketVersioning', 's3:ListMultipartUploadParts'],
};
const ACCESS_ORDER: readonly Access[] = ['write', 'permissions', 'read', 'list', 'configuration'];

/** Write and permission changes by anyone: the critical kinds. */
export const WRITE_ACCESS: readonly Access[] = ['write', 'permissions'];

export interface PublicStatement {
  statement: string;
  /** Why its principal is everyone: `Principal "*"`, `NotPrincipal …`. */
  principal: string;
  access: Access[];
  /** The Action (or `NotAction …`) as written. */
  actions: string[];
}

export interface RestrictedStatement {
  statement: string;
  principal: string;
  /** What keeps outsiders out: the condition, or the Deny that shuts them out. */
  restriction: string;
}

export type BucketPolicyJudgement =
  | {
      ok: true;
      statements: number;
      public: PublicStatement[];
      restricted: RestrictedStatement[];
      /** A Deny for everyone on s3:* (or object reads and writes) when aws:SecureTransport is false. */
      deniesInsecureTransport: boolean;
    }
  | { ok: false; reason: string };

/** How AWS spells the condition keys this rule knows (keys are compared lower-cased). */
const KEY_NAMES: Record<string, string> = Object.fromEntries(
  [
    'aws:SourceIp',
    'aws:SourceArn',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:SourceOwner',
    'aws:SourceAccount',
    'aws:SourceOrgID',
    'aws:SourceOrgPaths',
    'aws:PrincipalAccount',
    'aws:PrincipalArn',
    'aws:PrincipalOrgID',
    'aws:PrincipalOrgPaths',
    'aws:PrincipalIsAWSService',
    'aws:ViaAWSService',
    'aws:userid',
    'aws:SecureTransport',
    's3:x-amz-server-side-encryption-aws-kms-key-id',
  ].map((k) => [k.toLowerCase(), k]),
);
const keyName = (key: string) => KEY_NAMES[key] ?? key;

/** Keys whose fixed values pin a request to one account, organisation, network or service principal. */
const FIXED_VALUE_KEYS = new Set(['aws:sourceaccount', 'aws:sourceowner', 'aws:principalaccount', 'aws:principalorgid', 'aws:sourceorgid', 'aws:sourcevpc', 'aws:sourcevpce', 's3:x-amz-server-side-encryption-aws-kms-key-id']);
const ARN_KEYS = new Set(['aws:sourcearn', 'aws:principalarn']);
const ORG_PATH_KEYS = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths']);
const POSITIVE_MATCH = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);
const NEGATIVE_MATCH = new Set(['stringnotequals', 'stringnotequalsignorecase', 'stringnotlike', 'arnnotequals', 'arnnotlike']);

const hasWildcard = (value: string) => /[*?]/.test(value);

function isRestrictingKey(key: string): boolean {
  return FIXED_VALUE_KEYS.has(key) || ARN_KEYS.has(key) || ORG_PATH_KEYS.has(key) || key === 'aws:userid';
}

/** A value of a restricting key that names one account, organisation, network, role or resource (no wildcard where it matters). */
function fixedValue(key: string, value: string): boolean {
  if (value === '') return false;
  if (ARN_KEYS.has(key)) {
    const parts = value.split(':');
    if (parts.length < 6 || parts[0] !== 'arn' || hasWildcard(parts[1]!) || hasWildcard(parts[2]!)) return false;
    const account = parts[4]!;
    // A fixed account pins the ARN, whatever its resource part; without an account field (S3 ARNs) the resource must be fixed.
    if (account !== '') return /^\d{12}$/.test(account);
    return !hasWildcard(parts.slice(5).join(':'));
  }
  if (ORG_PATH_KEYS.has(key)) return /^o-[a-z0-9]{10,32}\//.test(value) && !hasWildcard(value.split('/')[0]!);
  if (key === 'aws:userid') {
    const [id] = value.split(':');
    return !!id && !hasWildcard(id);
  }
  return !hasWildcard(value);
}

interface Cidr {
  version: 4 | 6;
  prefix: number;
  private: boolean;
}

function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number);
}

function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(text) || text.includes(':::')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

/** An IPv4/IPv6 address or CIDR as aws:SourceIp takes it; undefined when it is not one. */
export function parseCidr(value: string): Cidr | undefined {
  const [address = '', prefixText, ...rest] = value.trim().split('/');
  if (rest.length > 0 || (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText))) return undefined;
  const v4 = parseIpv4(address);
  if (v4) {
    const prefix = prefixText === undefined ? 32 : Number(prefixText);
    if (prefix > 32) return undefined;
    const [a, b] = v4 as [number, number];
    const isPrivate = prefix >= 8 && (a === 10 || a === 127 || (a === 172 && prefix >= 12 && b >= 16 && b <= 31) || (a === 192 && prefix >= 16 && b === 168) || (a === 100 && prefix >= 10 && b >= 64 && b <= 127));
    return { version: 4, prefix, private: isPrivate };
  }
  if (isIpv6(address)) {
    const prefix = prefixText === undefined ? 128 : Number(prefixText);
    if (prefix > 128) return undefined;
    const first = parseInt(address.split(':')[0] || '0', 16);
    return { version: 6, prefix, private: address === '::1' || (prefix >= 7 && (first & 0xfe00) === 0xfc00) };
  }
  return undefined;
}

/**
 * A set of addresses narrow enough to be a deliberate allow-list: a /8 or narrower for IPv4, /32 or narrower for
 * IPv6. `*`, 0.0.0.0/0, ::/0 — or anything wider — lets the internet in.
 */
function fixedCidr(value: string): Cidr | undefined {
  const cidr = parseCidr(value);
  if (!cidr) return undefined;
  return cidr.prefix >= (cidr.version === 4 ? 8 : 32) ? cidr : undefined;
}

/** Why one condition (operator, key, values) keeps everyone outside out of an Allow; undefined when it does not. */
function keepsOutsidersOut(operator: string, key: string, values: readonly string[]): string | undefined {
  const op = conditionOperator(operator);
  // ForAllValues is true when the key is absent; negated operators are true for every value but the listed ones.
  if (op.set === 'ForAllValues' || op.negated || values.length === 0) return undefined;
  const base = op.base.toLowerCase();
  if (key === 'aws:sourceip') {
    if (base !== 'ipaddress') return undefined;
    const cidrs = values.map(fixedCidr);
    if (cidrs.some((c) => c === undefined)) return undefined;
    const where = cidrs.every((c) => c!.private) ? 'private networks' : 'listed addresses';
    return `aws:SourceIp limited to ${where} (${values.join(', ')})`;
  }
  // Every other key is absent from an outsider's own request, and …IfExists is true when it is absent.
  if (op.ifExists) return undefined;
  if ((key === 'aws:principalisawsservice' || key === 'aws:viaawsservice') && base === 'bool' && values.every((v) => v.toLowerCase() === 'true')) {
    return `only AWS services (${keyName(key)} true)`;
  }
  if (!POSITIVE_MATCH.has(base) || !isRestrictingKey(key)) return undefined;
  if (!values.every((v) => fixedValue(key, v))) return undefined;
  return `${keyName(key)} = ${values.join(', ')}`;
}

/** Whether one condition of a Deny holds for every outsider's request (so the Deny shuts them out). */
function holdsForOutsiders(operator: string, key: string, values: readonly string[]): boolean {
  const op = conditionOperator(operator);
  if (op.set !== null || values.length === 0) return false;
  const base = op.base.toLowerCase();
  if (key === 'aws:sourceip') return base === 'notipaddress' && values.every((v) => fixedCidr(v) !== undefined);
  if (base === 'null') return isRestrictingKey(key) && values.every((v) => v.toLowerCase() === 'true');
  if (key === 'aws:principalisawsservice' && base === 'bool') return values.every((v) => v.toLowerCase() === 'false');
  return NEGATIVE_MATCH.has(base) && isRestrictingKey(key) && values.every((v) => fixedValue(key, v));
}

function conditionPairs(statement: PolicyStatement): [string, string, string[]][] {
  return Object.entries(statement.conditions).flatMap(([operator, keys]) => Object.entries(keys).map(([key, values]): [string, string, string[]] => [operator, key, values]));
}

/** Why a statement's principal is everyone; undefined when it names someone. */
export function publicPrincipal(statement: PolicyStatement): string | undefined {
  if (statement.notPrincipal !== null) return 'NotPrincipal (everyone but the principals it lists)';
  const principal = statement.principal;
  if (principal === '*') return 'Principal "*"';
  if (principal === null) return undefined;
  for (const [kind, ids] of Object.entries(principal)) {
    for (const id of ids) {
      if (id === '*') return `Principal {"${kind}": "*"}`;
      if (/^arn:aws[a-z-]*:iam::\*:/i.test(id)) return `Principal {"${kind}": "${id}"}`;
    }
  }
  return undefined;
}

const ALL_ACTIONS: readonly (readonly [Access, string])[] = ACCESS_ORDER.flatMap((access) => ACCESS_ACTIONS[access].map((action) => [access, action] as const));

/** The representative actions a Deny takes away from everyone outside, and why. */
function denied(statement: PolicyStatement): { actions: Set<string>; why: string } | undefined {
  if (statement.effect !== 'Deny' || publicPrincipal(statement) === undefined || statement.notPrincipal !== null) return undefined;
  if (statement.notResources !== null || !statement.resources.some((r) => r === '*' || r.endsWith('*'))) return undefined;
  const pairs = conditionPairs(statement);
  if (!pairs.every(([operator, key, values]) => holdsForOutsiders(operator, key, values))) return undefined;
  const actions = new Set(ALL_ACTIONS.filter(([, action]) => grantsAction(statement, action)).map(([, action]) => action));
  if (actions.size === 0) return undefined;
  const outside = pairs.map(([, key, values]) => `${keyName(key)} ${values.join(', ')}`).join(' and ');
  return { actions, why: pairs.length === 0 ? `denied to everyone by ${statementName(statement)}` : `denied outside ${outside} by ${statementName(statement)}` };
}

function deniesInsecureTransport(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Deny' || publicPrincipal(statement) === undefined) return false;
  if (!grantsAction(statement, 's3:GetObject') || !grantsAction(statement, 's3:PutObject')) return false;
  const pairs = conditionPairs(statement);
  return (
    pairs.length === 1 &&
    pairs.every(([operator, key, values]) => {
      const op = conditionOperator(operator);
      return key === 'aws:securetransport' && op.set === null && op.base.toLowerCase() === 'bool' && values.length > 0 && values.every((v) => v.toLowerCase() === 'false');
    })
  );
}

/** Which statements of a bucket policy let anyone in, what they let them do, and which public-looking ones are held back. */
export function judgeBucketPolicy(text: string): BucketPolicyJudgement {
  const parsed = parsePolicy(text);
  if (!parsed.ok) return parsed;
  const denies = parsed.statements.map(denied).filter((d): d is NonNullable<typeof d> => d !== undefined);
  const publicStatements: PublicStatement[] = [];
  const restricted: RestrictedStatement[] = [];
  for (const statement of parsed.statements) {
    if (statement.effect !== 'Allow') continue;
    const principal = publicPrincipal(statement);
    if (principal === undefined) continue;
    const granted = ALL_ACTIONS.filter(([, action]) => grantsAction(statement, action));
    if (granted.length === 0) continue;
    const name = statementName(statement);
    const restriction = conditionPairs(statement)
      .map(([operator, key, values]) => keepsOutsidersOut(operator, key, values))
      .find((why) => why !== undefined);
    if (restriction) {
      restricted.push({ statement: name, principal, restriction });
      continue;
    }
    const open = granted.filter(([, action]) => !denies.some((d) => d.actions.has(action)));
    if (open.length === 0) {
      restricted.push({ statement: name, principal, restriction: denies.find((d) => granted.some(([, action]) => d.actions.has(action)))!.why });
      continue;
    }
    const remaining = ACCESS_ORDER.filter((access) => open.some(([a]) => a === access));
    const actions = statement.notActions !== null ? [`NotAction ${statement.notActions.join(', ')}`] : statement.actions;
    publicStatements.push({ statement: name, principal, access: remaining, actions });
  }
  return { ok: true, statements: parsed.statements.length, public: publicStatements, restricted, deniesInsecureTransport: parsed.statements.some(deniesInsecureTransport) };
}

/** `s3:GetObject` → "read objects": how a kind of access reads in a message. */
export const ACCESS_WORDS: Readonly<Record<Access, string>> = {
  read: 'read objects',
  list: 'list every key',
  write: 'write and delete objects',
  permissions: 'change the bucket policy or ACLs',
  configuration: 'read the bucket configuration',
};
