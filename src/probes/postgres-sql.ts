/** SQL pieces every catalog observation shares. */

/** Schemas of the system, never judged. */
export const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
/** Caps on rows read from catalogs, so a huge schema cannot make a check unbounded. */
export const CATALOG_ROW_CAP = 20_000;

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}
