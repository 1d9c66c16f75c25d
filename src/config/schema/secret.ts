import { z } from 'zod';

/**
 * How much of a field's value is secret: all of it (a signing secret), or only the credentials inside it (a
 * connection URL, whose host and database name reports may show while its password must never appear).
 */
export type SecretKind = 'value' | 'credentials';

/**
 * Fields whose values the loader registers for redaction. A registry of its own rather than `.meta()`, so
 * the mark stays out of the published JSON Schema. zod's lookup follows clones, so a mark survives
 * `.describe()` and `.refine()`; the loader's walk looks through `.optional()` and `.default()` to find it.
 */
export const secretFields = z.registry<{ secret: SecretKind }>();

/** Marks a field whose whole value is a secret. */
export function secret<T extends z.ZodType>(schema: T): T {
  return marked(schema, 'value');
}

/** Marks a field (a URL, a connection string) whose embedded passwords and tokens are secrets. */
export function withCredentials<T extends z.ZodType>(schema: T): T {
  return marked(schema, 'credentials');
}

/**
 * The mark goes on a clone: marking a shared schema such as `nonEmpty` itself would make every field built on it
 * a secret (a waiver's check id, the attestations path), redacting names everywhere.
 */
function marked<T extends z.ZodType>(schema: T, kind: SecretKind): T {
  const clone = schema.clone() as T;
  secretFields.add(clone, { secret: kind });
  return clone;
}

export function secretKindOf(schema: z.core.$ZodType): SecretKind | undefined {
  return secretFields.get(schema)?.secret;
}
