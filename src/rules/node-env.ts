import { outcome } from '../core/outcome.js';
import type { CheckOutcome } from '../core/types.js';
import type { EnvMap } from '../core/env-map.js';
import { looksSecret } from '../core/secrets/secret-like.js';

/**
 * The environment side of "NODE_ENV=production set in all services": exactly `production`. Express, React
 * builds and many libraries switch on that exact string; "Production" or "prod" leaves them in development mode.
 */
export function judgeNodeEnv(env: EnvMap, serviceName?: string): CheckOutcome {
  const where = serviceName ? ` for ${serviceName}` : '';
  const evidence = { ...(serviceName ? { service: serviceName } : {}), variable: 'NODE_ENV' };
  const value = env.get('NODE_ENV');
  if (value === 'production') return outcome('pass', `NODE_ENV=production${where}`, { evidence: { ...evidence, value } });
  const remediation = `Set NODE_ENV=production${where} in the platform's variables (Railway → service → Variables) and redeploy.`;
  if (value === undefined) {
    return outcome('fail', `NODE_ENV is not set${where} (empty counts as unset); Node libraries then behave as in development`, { evidence, remediation });
  }
  if (value.trim() === 'production') {
    return outcome('fail', `NODE_ENV${where} has whitespace around "production"; libraries compare the exact string`, { evidence, remediation });
  }
  // NODE_ENV is not a secret, but a value that looks like one (a pasted key) is not repeated in a report.
  const shown = looksSecret('NODE_ENV', value) ? 'a value that looks like a secret' : JSON.stringify(value);
  return outcome('fail', `NODE_ENV${where} is ${shown}, not exactly "production"`, {
    evidence: { ...evidence, ...(shown.startsWith('"') ? { value } : { lengthBytes: Buffer.byteLength(value) }) },
    remediation,
  });
}
