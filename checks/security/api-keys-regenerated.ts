import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { readComparisons } from '../../src/kit/env-comparison.js';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { compareWithOption } from '../../src/rules/compare-environments.js';
import { isPublicByDesign, looksSecret } from '../../src/core/secrets/secret-like.js';
import { secretParts } from '../../src/core/secrets/structured.js';
import { envProbe } from '../../src/probes/env.js';

const options = z.strictObject({
  compareWith: compareWithOption,
  ignore: z.array(z.string().min(1)).default([]).describe('Variables allowed to be equal across environments'),
});
type Options = z.infer<typeof options>;

/** Shorter values match by coincidence (ports, flags); no real key is this short. */
const MIN_SECRET_LENGTH = 8;

interface Secret {
  /** Where it is, e.g. `api: STRIPE_SECRET_KEY`. */
  where: string;
  /** The variable it belongs to, so one variable's secret found in several forms is reported once per match. */
  variable: string;
  digest: string;
}

export default defineCheck<Options>({
  id: 'security.api-keys-regenerated',
  section: 'security',
  item: 'API keys regenerated from development values',
  severity: 'critical',
  automation: 'automated',
  needs: ['env'],
  options,
  verifies: 'No secret of this environment (API keys, tokens, signing secrets, passwords inside URLs) equals any value of another configured environment.',
  how:
    'Every secret-like value of the selected environment — a secret-sounding name (KEY, SECRET, TOKEN, PASSWORD, …), a vendor key prefix (sk_live_, AKIA, AIza, ghp_, …), ' +
    'a private key, a JWT, or a value that looks generated — and every secret inside a structured value (a URL\'s or connection string\'s password, a JSON document\'s ' +
    'secret-named fields such as a service account\'s private_key, a PEM private-key block in canonical form, also under a base64 layer) is compared with every value ' +
    'of the other environments and the secrets inside theirs ' +
    '(option compareWith; default all) by HMAC-SHA256 under a random per-run key: values are never compared or kept side by side. ' +
    'Public-by-design values (NEXT_PUBLIC_*, VITE_*, publishable keys, Sentry DSNs) and values under 8 characters are left out. ' +
    'Fail: any match, naming both variables. Error: another environment cannot be read. Skip: no other environment is configured.',
  remediation:
    'Issue production-only keys in each provider console (Stripe live mode, a production Google Cloud project, a production AWS IAM user or role, a Shopify production app), set them in the production variables, and revoke the development keys that ever reached production.',
  async run(ctx) {
    const secrets: Secret[] = [];
    const errors: Part[] = [];
    for (const slot of ctx.probe(envProbe).slots(ctx.environmentName, ctx.signal)) {
      try {
        const view = await slot.view;
        const prefix = view.service ? `${view.service}: ` : '';
        for (const [name, value] of view.values) {
          if (ctx.options.ignore.includes(name) || isPublicByDesign(name, value)) continue;
          const material = [...(looksSecret(name, value) ? [{ secret: value, where: '' }] : []), ...secretParts(value).map((p) => ({ secret: p.secret, where: ` (${p.where})` }))];
          for (const { secret, where } of material.filter((m) => m.secret.length >= MIN_SECRET_LENGTH)) {
            secrets.push({ where: `${prefix}${name}${where}`, variable: `${prefix}${name}`, digest: ctx.probe(envProbe).fingerprints.digest(secret) });
          }
        }
      } catch (error) {
        errors.push({ label: slot.label, outcome: probeFailure(error, []) });
      }
    }
    const comparisons = await readComparisons(ctx);
    if (comparisons.length === 0) {
      return outcome('skip', 'no other environment in the config to compare with; add the staging/development environments (their env sources) to the config', {
        evidence: { secrets: secrets.length },
      });
    }
    const parts: Part[] = [...errors];
    for (const comparison of comparisons) {
      if ('failure' in comparison) {
        parts.push({ label: comparison.name, outcome: comparison.failure });
        continue;
      }
      // A secret found whole and again inside its structure matches once per variable on each side.
      const seen = new Set<string>();
      const matches = secrets.flatMap((s) =>
        (comparison.digests.get(s.digest) ?? []).flatMap((there) => {
          const pair = `${s.variable}\u0000${there.replace(/ \(.*\)$/, '')}`;
          if (seen.has(pair)) return [];
          seen.add(pair);
          return [`${s.where} = ${comparison.name}'s ${there}`];
        }),
      );
      parts.push({
        label: comparison.name,
        outcome:
          matches.length > 0
            ? outcome('fail', `${matches.length} secret${matches.length > 1 ? 's' : ''} shared: ${matches.join('; ')}`, { evidence: { shared: matches, compared: secrets.length } })
            : outcome('pass', `none of ${secrets.length} secrets is shared`, { evidence: { compared: secrets.length } }),
      });
    }
    return combine(parts);
  },
});
