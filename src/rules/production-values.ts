import { judgeHost } from './hosts.js';
import { hostsInValue } from './value-hosts.js';
import { insecureSettingFindings, normaliseName } from './insecure-settings.js';
import { AWS_ACCESS_KEY_ID, GOOGLE_API_KEY, keyPrefix, withoutPrefix } from '../core/secrets/key-formats.js';
import { estimateStrength } from '../core/secrets/entropy.js';
import { looksSecret } from '../core/secrets/secret-like.js';
import { judgeSentryDsn } from './sentry-dsn.js';
import { placeholderIn, templateMarker } from '../core/secrets/weak-secrets.js';
import { publishedSecret } from '../core/secrets/published.js';
import testValues from '../core/secrets/data/test-values.json' with { type: 'json' };

export interface ValueFinding {
  variable: string;
  level: 'fail' | 'warn';
  /** Safe to print: hosts, vendor prefixes and fixed words, never a secret value. */
  problem: string;
}

/** Variables a server binds to, where 0.0.0.0 / :: is the right production value. */
const BIND_ADDRESS = /^(HOST|BIND|BIND_HOST|BIND_ADDRESS|LISTEN|LISTEN_HOST|LISTEN_ADDRESS|SERVER_HOST|APP_HOST|HTTP_HOST)$/;
/** Values someone meant to replace. */
const LITERAL_WEAK = /^(changeme|change-me|change_me|changeit|replaceme|replace-me|replace_me|password|dummy|placeholder|example|todo|tbd|fixme|x{3,}|foo|bar|foobar|secret|undefined|null)$/i;
/** Variables naming the stage or mode an app runs in. */
const STAGE_NAME = /(^|_)(ENV|ENVIRONMENT|STAGE|MODE)$/;
const DEV_STAGE = /^(dev|develop|development|local|test|testing|sandbox)$/i;
const PRE_PROD_STAGE = /^(staging|stage|stg|preview|qa|uat)$/i;
/** A vendor key whose body is a run of one character (`sk_live_0000…`, `AKIA******…`) or worth almost nothing is filler, not a key. */
const FILLER_BITS = 16;
const FILLER_RUN = /(.)\1{5,}/;
const CORS_NAME = /(CORS|ALLOWED_ORIGINS?|ALLOW_ORIGINS?|TRUSTED_ORIGINS?|(^|_)ORIGINS)/;
const GOOGLE_KEY_NAME = /(GEMINI|GOOGLE).*(API_KEY|AI_KEY)|GOOGLE_GENERATIVE_AI/;

interface ProviderHost {
  provider: string;
  what: string;
  suffix?: string;
  pattern?: string;
}
const PROVIDER_HOSTS = (testValues.hosts as ProviderHost[]).map((h) => ({ ...h, regex: h.pattern ? new RegExp(h.pattern) : undefined }));
const PROVIDER_VALUES = testValues.values.map((v) => ({ ...v, regex: new RegExp(v.pattern) }));
const PROVIDER_SWITCHES = testValues.switches.map((v) => ({ ...v, nameRegex: new RegExp(v.name), valueRegex: new RegExp(v.value, 'i') }));

/** The provider sandbox or test host a host is (data/test-values.json), if any. */
export function providerTestHost(host: string): (typeof PROVIDER_HOSTS)[number] | undefined {
  const h = host.toLowerCase();
  return PROVIDER_HOSTS.find((p) => (p.suffix !== undefined && (h === p.suffix || h.endsWith(`.${p.suffix}`))) || p.regex?.test(h));
}

/** Everything about one variable that is a development or test value in production. */
export function productionValueFindings(name: string, value: string): ValueFinding[] {
  const findings: ValueFinding[] = [];
  const add = (level: ValueFinding['level'], problem: string) => findings.push({ variable: name, level, problem });
  const secret = looksSecret(name, value);
  const trimmed = value.trim();
  const shown = (text: string) => (secret || looksSecret(name, text) ? 'a secret value' : JSON.stringify(text));
  const normalised = normaliseName(name);

  const template = templateMarker(value);
  if (template) add('fail', `holds an unexpanded template (${template})`);
  if (LITERAL_WEAK.test(trimmed)) add('fail', secret ? 'is a placeholder value' : `is the placeholder value "${trimmed}"`);
  else if (!template) {
    const placeholder = placeholderIn(trimmed);
    if (placeholder) add('fail', `holds ${placeholder}`);
  }
  const published = publishedSecret(trimmed);
  if (published) add('fail', `is a published secret: ${published.what}`);

  const prefix = keyPrefix(trimmed);
  if (prefix?.testMode) add('fail', `is a ${prefix.vendor} (${prefix.prefix}…)`);
  if (prefix?.prefix === 'ASIA') add('warn', 'is a temporary AWS access key (ASIA…): it expires within hours and breaks a static deployment');
  if (prefix && !prefix.testMode && !findings.some((f) => f.problem.startsWith('holds a'))) {
    const body = estimateStrength(withoutPrefix(trimmed));
    if (body.bits < FILLER_BITS || FILLER_RUN.test(withoutPrefix(trimmed))) add('fail', `is a ${prefix.vendor} prefix (${prefix.prefix}…) followed by filler, not a key`);
  }
  for (const test of PROVIDER_VALUES) if (test.regex.test(trimmed)) add('fail', `is ${test.what}`);
  for (const test of PROVIDER_SWITCHES) {
    if (test.nameRegex.test(normalised) && test.valueRegex.test(trimmed)) {
      add('fail', `turns on ${test.what} (${shown(trimmed)})`);
      break;
    }
  }

  if (STAGE_NAME.test(name)) {
    if (DEV_STAGE.test(trimmed)) add('fail', `is "${trimmed}", a development/test setting`);
    else if (PRE_PROD_STAGE.test(trimmed)) add('warn', `is "${trimmed}", a pre-production setting`);
  }
  for (const setting of insecureSettingFindings(name, value, shown)) add(setting.level, setting.problem);

  if (CORS_NAME.test(name)) {
    const entries = trimmed.split(/[,\s]+/).filter(Boolean);
    if (entries.includes('*')) add('fail', 'allows every origin (*)');
    else if (entries.some((e) => e.includes('*'))) add('warn', 'allows a wildcard origin pattern');
    if (entries.some((e) => e.toLowerCase() === 'null')) add('fail', 'allows the "null" origin (sandboxed iframes, file:// pages)');
  }

  if (!(BIND_ADDRESS.test(name) && (trimmed === '0.0.0.0' || trimmed === '::'))) {
    for (const { host, certainty } of hostsInValue(name, value)) {
      const provider = providerTestHost(host);
      if (provider) {
        add('fail', `points at ${host}, ${provider.what}`);
        continue;
      }
      const verdict = judgeHost(host);
      // A host read from a list's shape alone is judged for what no production host can be, not for its labels.
      if (verdict && (certainty === 'named' || verdict.level === 'fail')) add(verdict.level, verdict.problem);
    }
  }

  if (GOOGLE_KEY_NAME.test(name) && !GOOGLE_API_KEY.test(trimmed) && !template) {
    add('warn', 'does not have the shape of a Google API key (AIza… or AQ.…)');
  }
  return findings;
}

/** Formats a variable can be required to have (checks.security.production-env-values.options.required). */
export const REQUIRED_FORMATS = ['any', 'url', 'google-api-key', 'aws-access-key-id', 'stripe-live-secret-key', 'sentry-dsn'] as const;
export type RequiredFormat = (typeof REQUIRED_FORMATS)[number];

/** Why a required variable's value does not have the required format, or undefined when it has. */
export function formatProblem(value: string, format: RequiredFormat): string | undefined {
  const trimmed = value.trim();
  switch (format) {
    case 'any':
      return undefined;
    case 'url':
      return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(trimmed) ? undefined : 'is not a URL';
    case 'google-api-key':
      return GOOGLE_API_KEY.test(trimmed) ? undefined : 'is not a Google API key (AIza… or AQ.…)';
    case 'aws-access-key-id':
      return AWS_ACCESS_KEY_ID.test(trimmed) ? undefined : 'is not an AWS access key id (AKIA…/ASIA…, 20 characters)';
    case 'stripe-live-secret-key':
      return /^(sk|rk)_live_[0-9A-Za-z]{16,}$/.test(trimmed) ? undefined : 'is not a Stripe live secret key (sk_live_…/rk_live_…)';
    case 'sentry-dsn': {
      const dsn = judgeSentryDsn(trimmed);
      return dsn.ok ? undefined : `is not a Sentry DSN (${dsn.problem})`;
    }
  }
}
