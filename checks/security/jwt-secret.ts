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
    .enum(['HS256', 'HS384', 'HS512'])
    .optional()
    .describe('HMAC algorithm the secrets sign with; default: the JWT_ALGORITHM variable if set, else HS256'),
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
  verifies: "JWT_SECRET in the environment's variables is a long random value: not a template, placeholder or known default, long enough for its HMAC algorithm, and with at least 256 estimated bits of entropy.",
  how:
    'Reads the env sources (per service when they name services). Fail: unset or empty; an unexpanded template (${…}, <…>, {{…}}); a placeholder word ' +
    '(change, example, your-, placeholder, secret, password, todo, xxx); on the bundled known-weak list; shorter than the algorithm needs in UTF-8 bytes ' +
    '(HS256 32, HS384 48, HS512 64); low variety (long repeats or sequences, uneven character frequencies); fewer than 160 estimated bits. ' +
    'Warn: 160–255 bits. Pass: 256 bits or more. Bits: 4 per hex character, 6 per base64/base64url character, log2(62) per alphanumeric one; ' +
    'values explained by words, sequences and repeats are priced as such (a UUID counts 122 bits). Evidence: length, class, bits and an HMAC fingerprint, never the value.',
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
  const present = opts.variables.filter((name) => view.values.has(name) || view.empty.has(name));
  if (present.length === 0) return outcome('skip', `no ${opts.variables.join(' / ')} among its variables`);
  const algorithm = opts.algorithm ?? algorithmFrom(view);
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

function algorithmFrom(view: EnvView): Algorithm | undefined {
  const configured = (view.values.get('JWT_ALGORITHM') ?? view.values.get('JWT_ALG'))?.trim().toUpperCase();
  if (configured === undefined) return 'HS256';
  return configured in HMAC_KEY_BYTES ? (configured as Algorithm) : undefined;
}
