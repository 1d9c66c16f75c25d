import type { SelectedEnvironment } from '../config/load.js';
import { registerUrlCredentials } from '../config/secret-fields.js';
import type { Check } from '../kit/check.js';
import { envProbe } from '../probes/env.js';
import type { Probes } from '../probes/registry.js';

/**
 * Before the first probe goes out, every secret the run could meet is registered for redaction, whichever checks
 * `--only` selected: the credentials inside every URL of the config (secret fields and `${VAR}` values were
 * registered as it loaded), and every value the selected environment's env sources hold. A target that echoes
 * JWT_SECRET back in a Location header is then masked in the first progress line already, not only once some
 * check happened to read the env file.
 *
 * The sources are read once, with the env probe's bounds (command timeouts, size caps), and only when some
 * selected check observes the target: manual lines print nothing but the catalog's text.
 */
export async function registerRunSecrets(target: SelectedEnvironment, checks: readonly Check[], probes: Probes): Promise<void> {
  registerUrlCredentials(target.loaded.config);
  if (!checks.some((check) => check.automation !== 'manual')) return;
  if ((target.environment.env?.length ?? 0) === 0) return;
  await probes.get(envProbe).readAll(target.name);
}
