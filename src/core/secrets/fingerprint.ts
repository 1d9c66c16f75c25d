import { createHmac, randomBytes } from 'node:crypto';

/**
 * Keyed fingerprints: equal values get equal fingerprints within one run, and nothing outside the run can
 * test a guess against one, because the HMAC key is random per run and never leaves memory.
 */
export class Fingerprinter {
  constructor(private readonly key: Buffer = randomBytes(32)) {}

  /** Full HMAC-SHA256, for comparisons. */
  digest(value: string): string {
    return createHmac('sha256', this.key).update(value, 'utf8').digest('hex');
  }

  /** The first 12 hex digits, for evidence: enough to tell values apart in one report. */
  short(value: string): string {
    return `hmac:${this.digest(value).slice(0, 12)}`;
  }
}
