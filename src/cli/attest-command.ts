import { existsSync } from 'node:fs';
import path from 'node:path';
import { manifest } from '../../checks/manifest.js';
import { appendAttestation } from '../config/attestations.js';
import { UsageError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
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
  const check = manifest.find((c) => c.id === id);
  if (!check) {
    throw new UsageError(`unknown check id "${id}"${didYouMean(id, manifest.map((c) => c.id))}`);
  }
  if (check.automation === 'automated') {
    throw new UsageError(
      `${id} is verified automatically and cannot be attested; fix what it reports, or add a waiver (reason, owner, expiry) under waivers: in the config`,
    );
  }
  if (!existsSync(options.config)) throw new UsageError(`configuration file ${options.config}: no such file (pass --config <file>)`);
  const loaded = await loadConfig(options.config);
  if (!loaded.config.environments[options.env]) {
    throw new UsageError(`--env ${options.env}: not an environment of ${options.config} (it has ${Object.keys(loaded.config.environments).join(', ')})`);
  }
  const at = today.toISOString().slice(0, 10);
  const expires = parseExpiry(options.expires, today);
  if (expires <= at) throw new UsageError(`--expires ${options.expires}: the expiry must be after today (${at})`);
  const file = path.resolve(loaded.dir, loaded.config.attestations);
  await appendAttestation(file, {
    check: id,
    environment: options.env,
    by: options.by,
    at,
    evidence: options.evidence,
    expires,
    ...(options.note ? { note: options.note } : {}),
  });
  out(`Recorded: ${id} attested for ${options.env} by ${options.by}, valid until ${expires} (${path.relative(process.cwd(), file) || file})\n`);
}

function parseExpiry(value: string, today: Date): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  const span = /^(\d+)\s*([dw])$/.exec(value);
  if (!span) throw new UsageError(`--expires ${value}: expected a date (YYYY-MM-DD) or a span such as 30d or 12w`);
  const days = Number(span[1]) * (span[2] === 'w' ? 7 : 1);
  return new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
