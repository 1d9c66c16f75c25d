import path from 'node:path';
import { manifest } from '../../checks/manifest.js';
import { appendAttestation } from '../config/attestations.js';
import { isCalendarDate, isoDay } from '../config/dates.js';
import { UsageError } from '../config/errors.js';
import { environmentNames, loadConfig } from '../config/load.js';
import { isAttestable, knownNames } from '../config/references.js';
import { didYouMean } from '../config/suggest.js';
import { out } from './output.js';

export interface AttestOptions {
  env: string;
  by: string;
  evidence: string;
  expires: string;
  note?: string;
  config: string;
}

/** `readiness attest <id>`: a person vouches for a manual line; the attestation is appended to the attestations file. */
export async function attestCommand(id: string, options: AttestOptions, today = new Date()): Promise<void> {
  const fields: [string, string][] = [
    ['--env', options.env],
    ['--by', options.by],
    ['--evidence', options.evidence],
  ];
  for (const [flag, value] of fields) {
    if (value.trim() === '') throw new UsageError(`${flag} is empty: an attestation needs who attests, the evidence and the environment`);
  }
  const check = manifest.find((c) => c.id === id);
  if (!check) {
    throw new UsageError(`unknown check id "${id}"${didYouMean(id, manifest.map((c) => c.id))}`);
  }
  if (!isAttestable(check)) {
    throw new UsageError(
      `${id} is verified automatically and cannot be attested; fix what it reports, or add a waiver (reason, owner, expiry) under waivers: in the config`,
    );
  }
  // Attesting needs no secret: an environment whose ${VAR}s are unset on this machine can still be attested.
  const loaded = await loadConfig(options.config);
  const environments = environmentNames(loaded);
  if (!environments.includes(options.env)) {
    throw new UsageError(
      `--env ${options.env}: not an environment of ${options.config}${didYouMean(options.env, environments)} (it has ${environments.map((e) => `"${e}"`).join(', ')})`,
    );
  }
  const at = isoDay(today);
  const expires = parseExpiry(options.expires, today);
  if (expires <= at) throw new UsageError(`--expires ${options.expires}: the expiry must be after today (${at})`);
  const file = path.resolve(loaded.dir, loaded.config.attestations);
  await appendAttestation(
    file,
    {
      check: id,
      environment: options.env,
      by: options.by,
      at,
      evidence: options.evidence,
      expires,
      ...(options.note ? { note: options.note } : {}),
    },
    knownNames(loaded, manifest),
  );
  out(`Recorded: ${id} attested for ${options.env} by ${options.by}, valid until ${expires} (${path.relative(process.cwd(), file) || file})\n`);
}

function parseExpiry(value: string, today: Date): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isCalendarDate(value)) throw new UsageError(`--expires ${value}: not a day of the calendar (month 01 to 12, a day that month has)`);
    return value;
  }
  const span = /^(\d{1,7})\s*([dw])$/.exec(value.trim());
  if (!span) throw new UsageError(`--expires ${value}: expected a date (YYYY-MM-DD) or a span such as 30d or 12w`);
  const days = Number(span[1]) * (span[2] === 'w' ? 7 : 1);
  const expiry = new Date(today.getTime() + days * 86_400_000);
  if (!(expiry.getUTCFullYear() <= 9999)) throw new UsageError(`--expires ${value}: lands after the year 9999; give a date (YYYY-MM-DD) or a shorter span`);
  return isoDay(expiry);
}
