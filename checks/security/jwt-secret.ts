import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { perEnvView } from '../../src/kit/per-env-view.js';
import type { CheckOutcome } from '../../src/core/types.js';
import { envProbe, type EnvView } from '../../src/probes/env.js';
import { judgeSecret, type SecretPolicy } from '../../src/rules/secret-strength.js';

const HMAC_KEY_BYTES = { HS256: 32, HS384: 48, HS512: 64 } as const;
type Algorithm = keyof typeof HMAC_KEY_BYTES;

const options = z.strictObject({
  variables: z.array(z.string().min(1)).min(1).default(['JWT_SECRET']).describe('Variables holding JWT signing secrets'),
  algorithm: z
    .enum(['HS256', 'HS384', 'HS512', 'none'])
    .optional()
    .describe('HMAC algorithm the secrets sign with; default: the JWT_ALGORITHM variable if set, else HS256 ("none" always fails: unsigned tokens)'),
});
type Options = z.infer<typeof options>;

export default defineCheck<Options>({
  id: 'security.jwt-secret',
  section: 'security',
  item: '`JWT_SECRET` is a cryptographically secure random string (32+ chars)',
  severity: 'critical',
  automation: 'automated',
  needs: ['env'],
  options,
  verifies: "JWT_SECRET in the environment's variables is a long random value: not a template, placeholder, known default or published secret, long enough for its HMAC algorithm, with at least 256 estimated bits of entropy, and tokens are signed (no alg none).",
  how:
    'Reads the env sources (per service when they name services). Fail: JWT_ALGORITHM (or JWT_ALG, JWT_ALGORITHMS, a JSON value\'s "alg"/"algorithms", or option algorithm) allowing "none"; ' +
    'unset or empty; an unexpanded template (${…}, <…>, {{…}}) that is the value or most of it; a placeholder word ' +
    '(change, example, your-, placeholder, todo, xxx; secret/password only in human-made values, not as a label before a generated key); on the bundled known-weak list, ' +
    'or a secret published in docs, tutorials and framework defaults (src/core/secrets/data/published-secrets.json, with sources), or base64/base64url/hex of one; ' +
    'shorter than the algorithm needs in UTF-8 bytes (HS256 32, HS384 48, HS512 64); low variety (long repeats or sequences, uneven character frequencies); fewer than 160 estimated bits. ' +
    'Warn: 160–255 bits. Pass: 256 bits or more. Bits: 4 per hex character, 6 per base64/base64url character, log2(62) per alphanumeric one, log2(95) per printable one; ' +
    'a word label in front of a generated key (jwt-secret-…, secret:…) counts for nothing; base64/base64url/hex layers that decode to text are judged by that text; ' +
    'values explained by dictionary words (also inside camel case and runs; zxcvbn\'s English and common-password lists), keyboard walks (qwerty, qwertz, azerty, dvorak, keypads), ' +
    'sequences and repeats are priced as such, as zxcvbn prices them (a UUID counts 122 bits). Evidence: length, class, bits, list hits and an HMAC fingerprint, never the value.',
  remediation:
    "Generate one with `openssl rand -base64 48` (64 characters, 384 bits; `openssl rand -base64 64` for HS512), set it in the api service's production variables, store it in the password manager and redeploy (existing sessions are invalidated).",
  async run(ctx) {
    const fingerprints = ctx.probe(envProbe).fingerprints;
    const parts = await perEnvView(ctx, (view) => judgeView(view, ctx.options, (value) => fingerprints.short(value)));
    if (parts.status === 'skip') {
      return outcome('fail', `${ctx.options.variables.join(', ')} is not set in any env source of "${ctx.environmentName}"`, {
        evidence: parts.evidence ?? {},
        remediation:
          'Set JWT_SECRET in production (apps often fall back to a hard-coded default such as "secret" when it is missing). If the product signs no JWTs, ' +
          'disable this line with checks.security.jwt-secret.enabled: false; if the variable has another name, set checks.security.jwt-secret.options.variables.',
      });
    }
    return parts;
  },
});

function judgeView(view: EnvView, opts: Options, fingerprint: (value: string) => string): CheckOutcome {
  const unsigned = opts.algorithm === 'none' ? 'checks.security.jwt-secret.options.algorithm' : noneAlgorithmIn(view);
  if (unsigned) {
    return outcome('fail', `${unsigned} allows the "none" algorithm: unsigned tokens are accepted, so anyone can forge one`, {
      evidence: { algorithm: 'none', where: unsigned },
      remediation: 'Remove "none" from the accepted algorithms (jsonwebtoken: verify with { algorithms: ["HS256"] }), set JWT_ALGORITHM=HS256 and redeploy.',
    });
  }
  const present = opts.variables.filter((name) => view.values.has(name) || view.empty.has(name));
  if (present.length === 0) return outcome('skip', `no ${opts.variables.join(' / ')} among its variables`);
  const algorithm = (opts.algorithm === 'none' ? undefined : opts.algorithm) ?? algorithmFrom(view);
  if (algorithm === undefined) {
    return outcome('manual', `JWT_ALGORITHM is not an HMAC algorithm (HS256/384/512): tokens are signed with a key pair, so a shared secret's strength does not apply`, {
      remediation: 'Attest where the private signing key is kept and that it never left the secret store; or set checks.security.jwt-secret.options.algorithm if the secret is used for HMAC.',
    });
  }
  const policy: SecretPolicy = {
    minBytes: { bytes: HMAC_KEY_BYTES[algorithm], why: `${algorithm} needs at least ${HMAC_KEY_BYTES[algorithm]} bytes (the hash size)` },
    failBelowBits: 160,
    passAtBits: 256,
  };
  const verdicts = present.map((name) => {
    const value = view.values.get(name) ?? '';
    return { name, verdict: judgeSecret(value, policy, fingerprint(value)), source: view.origins.get(name) };
  });
  const evidence = {
    algorithm,
    secrets: verdicts.map(({ name, verdict, source }) => ({ variable: name, ...(source ? { source } : {}), ...verdict.evidence })),
  };
  const failing = verdicts.filter((v) => v.verdict.status !== 'pass');
  if (failing.length === 0) {
    const described = verdicts.map(({ name, verdict: { evidence: e } }) => `${name}: ${e.estimatedBits} estimated bits, ${e.lengthBytes} bytes (${e.charClass})`);
    return outcome('pass', described.join('; '), { evidence });
  }
  const status = failing.some((v) => v.verdict.status === 'fail') ? 'fail' : 'warn';
  const message = failing.map(({ name, verdict }) => `${name} ${verdict.problems.join(', ')}`).join('; ');
  return outcome(status, message, { evidence });
}

/** Variables naming the JWT algorithm(s): JWT_ALGORITHM, JWT_ALG, JWT_ALGORITHMS, AUTH_JWT_ALGORITHM, … */
const ALGORITHM_NAME = /(^|_)JWT_ALG(ORITHMS?)?$|^JWT_ALG/;
/** `"alg": "none"`, `"algorithm": "none"`, `"algorithms": ["HS256", "none"]` in a JSON or YAML-ish value. */
const NONE_IN_STRUCTURE = /["']?(alg|algorithms?)["']?\s*[:=]\s*(\[[^\]]*["']none["'][^\]]*\]|["']?none\b)/i;

/** Where the view lets tokens be unsigned (alg none), or undefined. */
function noneAlgorithmIn(view: EnvView): string | undefined {
  for (const [name, value] of view.values) {
    if (ALGORITHM_NAME.test(name) && value.split(/[\s,;|[\]"']+/).some((a) => a.toLowerCase() === 'none')) return name;
    if (/JWT|TOKEN|AUTH/i.test(name) && NONE_IN_STRUCTURE.test(value)) return `${name} ("alg": "none")`;
  }
  return undefined;
}

function algorithmFrom(view: EnvView): Algorithm | undefined {
  const configured = (view.values.get('JWT_ALGORITHM') ?? view.values.get('JWT_ALG'))?.trim().toUpperCase();
  if (configured === undefined) return 'HS256';
  return configured in HMAC_KEY_BYTES ? (configured as Algorithm) : undefined;
}
