/**
 * Settings that switch a protection off or turn debugging on, recognised by the variable's name and value in any
 * casing and separator style (NODE_TLS_REJECT_UNAUTHORIZED=0, DB_SSL_VERIFY=false, DISABLE_CSRF=true, DEBUG=app:*).
 */
export interface SettingFinding {
  level: 'fail' | 'warn';
  problem: string;
}

const TRUTHY = /^(true|1|yes|on|enabled?|\*)$/i;
const FALSY = /^(false|0|no|off|disabled?|none)$/i;

interface Rule {
  name: RegExp;
  value: RegExp;
  level: 'fail' | 'warn';
  problem: string;
}

/** Names are matched after normalising separators to `_` and case to upper (dbSslVerify → DB_SSL_VERIFY). */
const RULES: readonly Rule[] = [
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, value: /^0$/, level: 'fail', problem: 'turns off TLS certificate verification for every HTTPS connection the Node process makes' },
  { name: /REJECT_?UNAUTHORI[SZ]ED$/, value: FALSY, level: 'fail', problem: 'turns off TLS certificate verification' },
  { name: /^PYTHONHTTPSVERIFY$/, value: /^0$/, level: 'fail', problem: 'turns off TLS certificate verification for Python HTTPS clients' },
  {
    name: /(SSL|TLS|CERTS?|CERTIFICATES?|HTTPS)_?VERIF(Y|ICATION)|VERIFY_?(SSL|TLS|CERTS?|CERTIFICATES?|PEER|HOSTNAME|HOST)(_|$)|CHECK_?(CERTS?|CERTIFICATES?|HOSTNAME)$/,
    value: FALSY,
    level: 'fail',
    problem: 'turns off TLS certificate verification',
  },
  {
    name: /INSECURE|SKIP_?(TLS|SSL|CERT|CERTIFICATE)_?VERIF|(TLS|SSL)_?SKIP_?VERIF|NO_?(SSL|TLS)?_?VERIFY|(SSL|TLS)_?NO_?VERIFY|ALLOW_?SELF_?SIGNED|ACCEPT_?(ANY|INVALID|SELF_?SIGNED|UNTRUSTED)_?CERT/,
    value: TRUTHY,
    level: 'fail',
    problem: 'allows insecure TLS (certificates are not verified)',
  },
  { name: /VERIFY_?(JWT|TOKENS?|SIGNATURES?|WEBHOOKS?)$|(JWT|TOKENS?|SIGNATURES?|WEBHOOKS?)_?VERIF(Y|ICATION)(_ENABLED)?$/, value: FALSY, level: 'fail', problem: 'turns off signature verification' },
  {
    name: /(^|_)(DISABLE|DISABLED|SKIP|BYPASS|NO)_?(AUTH|AUTHENTICATION|AUTHORI[SZ]ATION|LOGIN|CSRF|XSRF|SIGNATURE_?VERIFICATION|WEBHOOK_?VERIFICATION|JWT_?VERIFICATION|RATE_?LIMIT|RATE_?LIMITING)(_|$)/,
    value: TRUTHY,
    level: 'fail',
    problem: 'turns a protection off (authentication, CSRF, verification or rate limiting)',
  },
  {
    name: /(^|_)(AUTH|AUTHENTICATION|AUTHORI[SZ]ATION|CSRF|XSRF|RATE_?LIMIT|RATE_?LIMITING|RATE_?LIMITER)_?(DISABLED|OFF|BYPASS)$/,
    value: TRUTHY,
    level: 'fail',
    problem: 'turns a protection off (authentication, CSRF or rate limiting)',
  },
  {
    name: /(^|_)(AUTH|AUTHENTICATION|CSRF|XSRF|RATE_?LIMIT|RATE_?LIMITING)_?(ENABLED?|PROTECTION|CHECK)$/,
    value: FALSY,
    level: 'fail',
    problem: 'turns a protection off (authentication, CSRF or rate limiting)',
  },
  { name: /COOKIES?_?SECURE$|SECURE_?COOKIES?$|SESSION_?SECURE$|SECURE_?SESSION_?COOKIE$/, value: FALSY, level: 'warn', problem: 'sends cookies without the Secure flag' },
  { name: /COOKIES?_?HTTP_?ONLY$|HTTP_?ONLY_?COOKIES?$/, value: FALSY, level: 'warn', problem: 'makes cookies readable by scripts (no HttpOnly)' },
  { name: /GRAPHQL_?(PLAYGROUND|INTROSPECTION|GRAPHIQL)|(PLAYGROUND|INTROSPECTION|GRAPHIQL)_?(ENABLED?)?$/, value: TRUTHY, level: 'warn', problem: 'exposes the GraphQL playground or introspection' },
];

/** Debug switches: `*_DEBUG`, `DEBUG_MODE`, `ENABLE_DEBUG`, `*_DEBUG_ENABLED` set to a truthy value. */
const DEBUG_SWITCH = /(^|_)DEBUG(_?MODE|_ENABLED)?$|^ENABLE_?DEBUG$|(^|_)DEV_?MODE$/;
const DEBUG_LEVEL = /^(debug|trace|silly|verbose|all)$/i;

export function insecureSettingFindings(rawName: string, value: string, shown: (value: string) => string): SettingFinding[] {
  const name = normaliseName(rawName);
  const trimmed = value.trim();
  const findings: SettingFinding[] = [];
  for (const rule of RULES) {
    if (rule.name.test(name) && rule.value.test(trimmed)) {
      findings.push({ level: rule.level, problem: `${rule.problem} (${shown(trimmed)})` });
      break;
    }
  }
  if (name === 'DEBUG' && !TRUTHY.test(trimmed) && !FALSY.test(trimmed) && /^[\w:*,.\s-]+$/.test(trimmed)) {
    findings.push({ level: 'warn', problem: `turns on debug logging for ${shown(trimmed)} (the debug package prints internals, headers and queries)` });
  } else if (DEBUG_SWITCH.test(name) && TRUTHY.test(trimmed)) {
    findings.push({ level: 'warn', problem: `turns debug mode on (${shown(trimmed)})` });
  }
  if (/(^|_)LOG_?LEVEL$/.test(name) && DEBUG_LEVEL.test(trimmed)) findings.push({ level: 'warn', problem: `logs at ${shown(trimmed)} level, which records request details and secrets` });
  if (name === 'NODE_DEBUG' && trimmed !== '') findings.push({ level: 'warn', problem: `turns on Node core debug output (${shown(trimmed)})` });
  if (name === 'NODE_OPTIONS') {
    if (/--insecure-http-parser\b/.test(trimmed)) findings.push({ level: 'fail', problem: 'turns on --insecure-http-parser (accepts malformed HTTP, request smuggling)' });
    if (/--tls-min-v1\.[01]\b/.test(trimmed)) findings.push({ level: 'warn', problem: 'allows TLS 1.0/1.1 (--tls-min-v1.0/1.1)' });
  }
  return findings;
}

/** dbSslVerify, db-ssl-verify, db.ssl.verify → DB_SSL_VERIFY. */
export function normaliseName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}
