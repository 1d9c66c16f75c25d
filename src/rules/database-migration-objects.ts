import type { ExpectedObject } from '../probes/postgres-catalog.js';

/**
 * What a migration.sql creates, read well enough to ask the catalog whether it exists: the statements Prisma
 * generates (CREATE TABLE/INDEX/TYPE/SCHEMA/SEQUENCE/VIEW; temporary tables are not matched,, ALTER TABLE … ADD COLUMN / ADD CONSTRAINT) and the same
 * statements written by hand. It never needs to be complete — only what it lists is looked up, and an object a
 * later statement drops or renames is not expected — so a miss can cost a finding, never invent one.
 */

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QUALIFIED = String.raw`(${IDENT})(?:\s*\.\s*(${IDENT}))?`;
/** Objects one migration may ask about: enough for any real migration, bounded for a generated monster. */
const MAX_OBJECTS = 200;

/** Removes comments, string literals and dollar-quoted bodies (function bodies, DO blocks), keeping quoted identifiers. */
export function stripSqlNoise(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    if (rest.startsWith('--')) {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      continue;
    }
    if (rest.startsWith('/*')) {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
      out += ' ';
      continue;
    }
    const dollar = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(rest);
    if (dollar) {
      const end = sql.indexOf(dollar[0], i + dollar[0].length);
      i = end === -1 ? sql.length : end + dollar[0].length;
      out += "''";
      continue;
    }
    const ch = sql[i]!;
    if (ch === "'") {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === "'" && sql[j + 1] !== "'")) j += sql[j] === "'" ? 2 : 1;
      i = j + 1;
      out += "''";
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === '"' && sql[j + 1] !== '"')) j += sql[j] === '"' ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** `"Shop"` → Shop, `shop` or `SHOP` → shop (PostgreSQL folds unquoted names to lower case). */
export function identifier(token: string): string {
  return token.startsWith('"') ? token.slice(1, -1).replace(/""/g, '"') : token.toLowerCase();
}

function qualified(first: string, second: string | undefined): { schema?: string; name: string } {
  return second === undefined ? { name: identifier(first) } : { schema: identifier(first), name: identifier(second) };
}

function statements(sql: string): string[] {
  return stripSqlNoise(sql)
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Objects the script creates, in order, deduplicated. */
export function createdObjects(sql: string): ExpectedObject[] {
  const found: ExpectedObject[] = [];
  const add = (object: ExpectedObject) => {
    if (found.length < MAX_OBJECTS && !found.some((o) => JSON.stringify(o) === JSON.stringify(object))) found.push(object);
  };
  for (const statement of statements(sql)) {
    const ifNotExists = String.raw`(?:IF\s+NOT\s+EXISTS\s+)?`;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(String.raw`^CREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:UNLOGGED\s+)?TABLE\s+${ifNotExists}${QUALIFIED}`, 'i').exec(statement))) {
      add({ kind: 'table', ...qualified(m[1]!, m[2]) });
    } else if ((m = new RegExp(String.raw`^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:CONCURRENTLY\s+)?${ifNotExists}(${IDENT})\s+ON\s+(?:ONLY\s+)?${QUALIFIED}`, 'i').exec(statement))) {
      // An index lives in its table's schema.
      const table = qualified(m[2]!, m[3]);
      add({ kind: 'index', ...(table.schema ? { schema: table.schema } : {}), table: table.name, name: identifier(m[1]!) });
    } else if ((m = new RegExp(String.raw`^CREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+${ifNotExists}${QUALIFIED}`, 'i').exec(statement))) {
      add({ kind: 'table', ...qualified(m[1]!, m[2]) });
    } else if ((m = new RegExp(String.raw`^CREATE\s+SEQUENCE\s+${ifNotExists}${QUALIFIED}`, 'i').exec(statement))) {
      add({ kind: 'table', ...qualified(m[1]!, m[2]) });
    } else if ((m = new RegExp(String.raw`^CREATE\s+TYPE\s+${QUALIFIED}`, 'i').exec(statement))) {
      add({ kind: 'type', ...qualified(m[1]!, m[2]) });
    } else if ((m = new RegExp(String.raw`^CREATE\s+SCHEMA\s+${ifNotExists}(${IDENT})`, 'i').exec(statement))) {
      if (!/^AUTHORIZATION$/i.test(m[1]!)) add({ kind: 'schema', name: identifier(m[1]!) });
    } else if ((m = new RegExp(String.raw`^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${QUALIFIED}\s+([\s\S]*)$`, 'i').exec(statement))) {
      const table = qualified(m[1]!, m[2]);
      const actions = m[3]!;
      for (const c of actions.matchAll(new RegExp(String.raw`(?:^|,)\s*ADD\s+COLUMN\s+${ifNotExists}(${IDENT})`, 'gi'))) {
        add({ kind: 'column', ...(table.schema ? { schema: table.schema } : {}), table: table.name, name: identifier(c[1]!) });
      }
      for (const c of actions.matchAll(new RegExp(String.raw`(?:^|,)\s*ADD\s+CONSTRAINT\s+(${IDENT})`, 'gi'))) {
        add({ kind: 'constraint', ...(table.schema ? { schema: table.schema } : {}), table: table.name, name: identifier(c[1]!) });
      }
    }
  }
  return found;
}

/**
 * Names a statement drops, renames away or moves to another schema: `DROP TABLE a, b`, `ALTER TABLE t DROP COLUMN c`,
 * `… RENAME [COLUMN|CONSTRAINT] a TO b`, `ALTER TABLE a RENAME TO b`, `… SET SCHEMA s`. A DROP or RENAME this does
 * not read (inside a longer ALTER, say) counts every name it mentions, so a miss can only spare an object.
 */
export function droppedOrRenamedNames(sql: string): Set<string> {
  const names = new Set<string>();
  const add = (token: string | undefined) => token !== undefined && names.add(identifier(token));
  const lastPart = (first: string, second: string | undefined) => second ?? first;
  for (const statement of statements(sql)) {
    if (!/\b(DROP|RENAME|SET\s+SCHEMA)\b/i.test(statement)) continue;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(String.raw`^DROP\s+(?:MATERIALIZED\s+)?(?:TABLE|INDEX|TYPE|VIEW|SEQUENCE|SCHEMA)\s+(?:CONCURRENTLY\s+)?(?:IF\s+EXISTS\s+)?([\s\S]+?)(?:\s+(?:CASCADE|RESTRICT))?$`, 'i').exec(statement))) {
      for (const item of m[1]!.split(',')) {
        const q = new RegExp(`^\\s*${QUALIFIED}\\s*$`).exec(item);
        if (q) add(lastPart(q[1]!, q[2]));
        else for (const token of item.matchAll(new RegExp(IDENT, 'g'))) add(token[0]);
      }
      continue;
    }
    const alter = new RegExp(String.raw`^ALTER\s+(?:TABLE|INDEX|TYPE|VIEW|SEQUENCE|MATERIALIZED\s+VIEW)\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?${QUALIFIED}\s+([\s\S]*)$`, 'i').exec(statement);
    if (alter) {
      const target = lastPart(alter[1]!, alter[2]);
      const actions = alter[3]!;
      let understood = true;
      for (const action of actions.split(/,(?![^(]*\))/)) {
        const a = action.trim();
        if (!/\b(DROP|RENAME|SET\s+SCHEMA)\b/i.test(a)) continue;
        let x: RegExpExecArray | null;
        if (/^RENAME\s+TO\b/i.test(a) || /^SET\s+SCHEMA\b/i.test(a)) add(target);
        else if ((x = new RegExp(String.raw`^RENAME\s+(?:COLUMN\s+|CONSTRAINT\s+|VALUE\s+)?(${IDENT})\s+TO\b`, 'i').exec(a))) add(x[1]);
        else if ((x = new RegExp(String.raw`^DROP\s+(?:COLUMN\s+|CONSTRAINT\s+)?(?:IF\s+EXISTS\s+)?(${IDENT})`, 'i').exec(a)) && !/^DROP\s+(DEFAULT|NOT\s+NULL|EXPRESSION|IDENTITY)\b/i.test(a)) add(x[1]);
        else if (/^ALTER\s+(?:COLUMN\s+)?\S+\s+DROP\s+(DEFAULT|NOT\s+NULL|EXPRESSION|IDENTITY)\b/i.test(a)) continue;
        else understood = false;
      }
      if (understood) continue;
    }
    for (const token of statement.matchAll(new RegExp(IDENT, 'g'))) add(token[0]);
  }
  return names;
}

/**
 * The objects a migration created that should still exist: those of its own script that neither it nor any
 * later migration's script (`later`) drops or renames — by the object's name or, for columns, indexes and
 * constraints, its table's.
 */
export function expectedObjects(script: string, later: readonly string[]): ExpectedObject[] {
  const touched = new Set<string>();
  for (const sql of [script, ...later]) for (const name of droppedOrRenamedNames(sql)) touched.add(name);
  return createdObjects(script).filter((o) => !touched.has(o.name) && !(o.table !== undefined && touched.has(o.table)));
}

/** `table "Shop"`, `column "Product"."title"`, `index "Shop_domain_key" on "Shop"` for messages. */
export function describeObject(o: ExpectedObject): string {
  if (o.kind === 'column') return `column "${o.table}"."${o.name}"`;
  if (o.table !== undefined) return `${o.kind} "${o.name}" on "${o.table}"`;
  return `${o.kind} "${o.name}"`;
}
