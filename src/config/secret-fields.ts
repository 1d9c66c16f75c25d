import type { z } from 'zod';
import { registerSecret, urlCredentials } from '../core/redact.js';
import { credentialsInside } from '../core/secrets/secret-like.js';
import { secretKindOf, type SecretKind } from './schema/secret.js';

export interface SecretField {
  kind: SecretKind;
  value: string;
}

type WalkedDef = z.core.$ZodTypeDef & {
  innerType?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  valueType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  left?: z.core.$ZodType;
  right?: z.core.$ZodType;
  in?: z.core.$ZodType;
};

/**
 * Registers for redaction what every secret-marked field of `schema` holds in `value`. Known-weak values
 * ("postgres") are masked only where they stand as a credential: registerSecret decides (core/redact.ts).
 */
export function registerSecretFields(schema: z.core.$ZodType, value: unknown): void {
  for (const field of secretFieldValues(schema, value)) {
    const material = field.kind === 'credentials' ? credentialsInside(field.value) : [field.value];
    for (const secret of material) registerSecret(secret);
  }
}

/**
 * Registers the credentials inside every URL anywhere in a config (`?token=…`, `user:pass@`, whatever the key), so
 * a target that echoes one back elsewhere (a header, a page) is masked too, not only the URL that holds it.
 */
export function registerUrlCredentials(value: unknown): void {
  for (const text of stringsIn(value)) for (const secret of urlCredentials(text)) registerSecret(secret);
}

/** Every string value that a secret-marked field of `schema` holds in `value` (already parsed by `schema`). */
export function secretFieldValues(schema: z.core.$ZodType, value: unknown): SecretField[] {
  const found: SecretField[] = [];
  walk(schema, value, found);
  return found;
}

function walk(schema: z.core.$ZodType, value: unknown, found: SecretField[]): void {
  if (value === undefined || value === null) return;
  const kind = secretKindOf(schema);
  if (kind) {
    for (const text of stringsIn(value)) found.push({ kind, value: text });
    return;
  }
  const def = schema._zod.def as WalkedDef;
  if (def.innerType) return walk(def.innerType, value, found);
  if (def.type === 'pipe' && def.in) return walk(def.in, value, found);
  // A union's value matched one option; walking each keeps this free of re-parsing, and an option whose keys
  // are absent from the value finds nothing.
  if (def.options) return def.options.forEach((option) => walk(option, value, found));
  if (def.left && def.right) {
    walk(def.left, value, found);
    return walk(def.right, value, found);
  }
  if (typeof value !== 'object') return;
  if (def.type === 'object' && def.shape) {
    for (const [key, field] of Object.entries(def.shape)) walk(field, (value as Record<string, unknown>)[key], found);
  } else if (def.type === 'record' && def.valueType) {
    for (const item of Object.values(value)) walk(def.valueType, item, found);
  } else if (def.type === 'array' && def.element && Array.isArray(value)) {
    for (const item of value) walk(def.element, item, found);
  }
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
