import { estimateStrength, type CharClass, type Model } from '../core/secrets/entropy.js';
import { keyPrefix, withoutPrefix } from '../core/secrets/key-formats.js';
import { isKnownWeak, placeholderWord, templateMarker } from '../core/secrets/weak-secrets.js';

export interface SecretPolicy {
  /** Minimum length in UTF-8 bytes, and why (e.g. "HS256 needs a key of at least 32 bytes"). */
  minBytes?: { bytes: number; why: string };
  /** Below this many estimated bits the secret fails. */
  failBelowBits: number;
  /** From this many bits it passes; between the two it warns. */
  passAtBits: number;
}

/** All that may be said about a secret: never the value, at most its public vendor prefix. */
export interface SecretEvidence {
  lengthBytes: number;
  charClass: CharClass;
  model: Model;
  estimatedBits: number;
  weakListHit: boolean;
  fingerprint: string;
  vendorPrefix?: string;
  lowVariety?: string[];
}

export interface SecretVerdict {
  status: 'pass' | 'warn' | 'fail';
  /** What is wrong, worst first; empty on pass. */
  problems: string[];
  evidence: SecretEvidence;
}

/**
 * The one judgement of a secret's strength, shared by JWT_SECRET (160/256 bits) and database passwords
 * (128 bits). Every reason that applies is reported, not just the first.
 */
export function judgeSecret(value: string, policy: SecretPolicy, fingerprint: string): SecretVerdict {
  const prefix = keyPrefix(value);
  const estimate = estimateStrength(withoutPrefix(value));
  const weak = isKnownWeak(value);
  const evidence: SecretEvidence = {
    lengthBytes: Buffer.byteLength(value, 'utf8'),
    charClass: estimate.charClass,
    model: estimate.model,
    estimatedBits: Math.floor(estimate.bits),
    weakListHit: weak,
    fingerprint,
    ...(prefix ? { vendorPrefix: prefix.prefix } : {}),
    ...(estimate.lowVariety.length > 0 ? { lowVariety: estimate.lowVariety } : {}),
  };
  if (value.trim() === '') return { status: 'fail', problems: ['is empty'], evidence };

  const problems: string[] = [];
  const template = templateMarker(value);
  if (template) problems.push(`is an unexpanded template (${template})`);
  const placeholder = placeholderWord(value, estimate);
  if (placeholder) problems.push(`contains the placeholder word "${placeholder}"`);
  if (weak) problems.push('is on the known-weak list');
  if (policy.minBytes && evidence.lengthBytes < policy.minBytes.bytes) {
    problems.push(`is ${evidence.lengthBytes} bytes long; ${policy.minBytes.why}`);
  }
  if (estimate.lowVariety.length > 0) problems.push(`has low variety (${estimate.lowVariety.join('; ')})`);
  if (estimate.bits < policy.failBelowBits) {
    problems.push(`has about ${evidence.estimatedBits} estimated bits of entropy; at least ${policy.failBelowBits} are needed`);
  }
  if (problems.length > 0) return { status: 'fail', problems, evidence };
  if (estimate.bits < policy.passAtBits) {
    return { status: 'warn', problems: [`has about ${evidence.estimatedBits} estimated bits of entropy; ${policy.passAtBits} are recommended`], evidence };
  }
  return { status: 'pass', problems: [], evidence };
}
