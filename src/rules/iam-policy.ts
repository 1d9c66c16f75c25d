/**
 * Reading IAM policy documents (bucket policies and identity policies alike): JSON as written, or URL-encoded as
 * IAM returns it; single values or lists; keys and operators compared as AWS does (condition keys and actions are
 * case-insensitive, values are not). Pure: no I/O.
 */

export type Effect = 'Allow' | 'Deny';

/** One statement with every element normalised to lists (absent elements as empty lists or null). */
export interface PolicyStatement {
  index: number;
  sid: string | null;
  effect: Effect;
  /** null: no Principal element (identity policies). `*` for "Principal": "*". */
  principal: Record<string, string[]> | '*' | null;
  notPrincipal: Record<string, string[]> | '*' | null;
  actions: string[];
  notActions: string[] | null;
  resources: string[];
  notResources: string[] | null;
  /** operator → condition key (lower-cased) → values. */
  conditions: Record<string, Record<string, string[]>>;
}

export type ParsedPolicy = { ok: true; statements: PolicyStatement[] } | { ok: false; reason: string };

const list = (value: unknown): string[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value.map(String) : [String(value)]);

function principalOf(value: unknown): Record<string, string[]> | '*' | null {
  if (value === undefined) return null;
  if (value === '*') return '*';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { AWS: list(value) };
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([kind, ids]) => [kind, list(ids)]));
}

function conditionsOf(value: unknown): Record<string, Record<string, string[]>> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([operator, keys]) => [
      operator,
      Object.fromEntries(Object.entries(typeof keys === 'object' && keys !== null ? (keys as Record<string, unknown>) : {}).map(([key, values]) => [key.toLowerCase(), list(values)])),
    ]),
  );
}

/** The JSON text of a policy: as given, or URL-decoded (IAM's GetPolicyVersion and Get*Policy answer RFC 3986-encoded documents). */
function decode(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return trimmed;
  try {
    return decodeURIComponent(trimmed.replace(/\+/g, '%20'));
  } catch {
    return trimmed;
  }
}

export function parsePolicy(text: string): ParsedPolicy {
  let document: unknown;
  try {
    document = JSON.parse(decode(text));
  } catch {
    return { ok: false, reason: 'the policy is not valid JSON' };
  }
  if (typeof document !== 'object' || document === null || !('Statement' in document)) return { ok: false, reason: 'the policy has no Statement' };
  const raw = (document as { Statement: unknown }).Statement;
  const statements = (Array.isArray(raw) ? raw : [raw]).map((s, index): PolicyStatement | undefined => {
    if (typeof s !== 'object' || s === null) return undefined;
    const st = s as Record<string, unknown>;
    const effect = String(st.Effect ?? '').toLowerCase() === 'deny' ? 'Deny' : String(st.Effect ?? '').toLowerCase() === 'allow' ? 'Allow' : undefined;
    if (!effect) return undefined;
    return {
      index,
      sid: typeof st.Sid === 'string' && st.Sid !== '' ? st.Sid : null,
      effect,
      principal: principalOf(st.Principal),
      notPrincipal: principalOf(st.NotPrincipal),
      actions: list(st.Action),
      notActions: 'NotAction' in st ? list(st.NotAction) : null,
      resources: list(st.Resource),
      notResources: 'NotResource' in st ? list(st.NotResource) : null,
      conditions: conditionsOf(st.Condition),
    };
  });
  if (statements.some((s) => s === undefined)) return { ok: false, reason: 'a statement has no Effect of Allow or Deny' };
  return { ok: true, statements: statements as PolicyStatement[] };
}

/** IAM's wildcard match: `*` any run of characters, `?` one character; case-insensitive for actions. */
export function globMatches(pattern: string, value: string, caseInsensitive = true): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, caseInsensitive ? 'i' : '');
  return regex.test(value);
}

/** Whether a statement's Action/NotAction covers `action`. */
export function grantsAction(statement: PolicyStatement, action: string): boolean {
  if (statement.notActions !== null) return !statement.notActions.some((p) => globMatches(p, action));
  return statement.actions.some((p) => globMatches(p, action));
}

/** Whether a statement's Resource/NotResource covers `resource` (ARNs are case-sensitive). */
export function coversResource(statement: PolicyStatement, resource: string): boolean {
  if (statement.notResources !== null) return !statement.notResources.some((p) => globMatches(p, resource, false));
  return statement.resources.some((p) => globMatches(p, resource, false));
}

/** How a statement names itself in a message: its Sid, else its position. */
export function statementName(statement: PolicyStatement): string {
  return statement.sid ? `statement ${statement.sid}` : `statement #${statement.index + 1}`;
}

/** The operator of a condition with its set-operator prefix and IfExists suffix taken apart. */
export interface ConditionOperator {
  base: string;
  set: 'ForAnyValue' | 'ForAllValues' | null;
  ifExists: boolean;
  negated: boolean;
}

export function conditionOperator(operator: string): ConditionOperator {
  const [, set = null, rest = operator] = /^(?:(ForAnyValue|ForAllValues):)?(.*)$/i.exec(operator) ?? [];
  const ifExists = /IfExists$/i.test(rest);
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  const canonicalSet = set === null ? null : set.toLowerCase() === 'forallvalues' ? 'ForAllValues' : 'ForAnyValue';
  return { base, set: canonicalSet, ifExists, negated: /^(StringNot|ArnNot|NotIpAddress|NumericNotEquals|DateNotEquals)/i.test(base) };
}
