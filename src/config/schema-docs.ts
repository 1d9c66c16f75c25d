import { z } from 'zod';

type Def = z.core.$ZodTypeDef & {
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  valueType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  options?: readonly z.core.$ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  defaultValue?: unknown;
};

/** What a reader needs to know about one config key, read from its zod schema. */
export interface KeyDoc {
  /** Dotted path below the section, with `<name>` for a mapping's own keys. */
  path: string;
  description?: string;
  required: boolean;
  defaultValue?: string;
  choices?: readonly string[];
  /**
   * Where a list's items are alternatives (`env: [{ dotenv } | { command, format } …]`): set on an
   * alternative's first key, which names it.
   */
  alternative?: boolean;
  /** A key every alternative accepts. */
  shared?: boolean;
}

interface Unwrapped {
  base: z.core.$ZodType;
  description?: string;
  optional: boolean;
  defaultValue?: unknown;
}

/** Looks through optional, default, refine and transform wrappers, keeping the first description found. */
function unwrap(schema: z.core.$ZodType): Unwrapped {
  let node = schema;
  let description: string | undefined;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    description ??= z.globalRegistry.get(node)?.description;
    const def = node._zod.def as Def;
    if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') optional = true;
    if ((def.type === 'default' || def.type === 'prefault') && defaultValue === undefined) defaultValue = def.defaultValue;
    if (def.innerType) node = def.innerType;
    else if (def.type === 'pipe' && def.in) node = def.in;
    else return { base: node, description, optional, defaultValue };
  }
}

/** The description of a schema, wherever along its wrappers `.describe()` was called. */
export function descriptionOf(schema: z.core.$ZodType): string | undefined {
  return unwrap(schema).description;
}

/** Documents every key below `schema` (an object, a mapping or list of objects, or alternatives of objects). */
export function keyDocs(schema: z.core.$ZodType, prefix = ''): KeyDoc[] {
  const def = unwrap(schema).base._zod.def as Def;
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([key, field]) => {
      const path = `${prefix}${key}`;
      return [docOf(path, field), ...keyDocs(field, `${path}.`)];
    });
  }
  if (def.type === 'record' && def.valueType) return keyDocs(def.valueType, `${prefix}<name>.`);
  if (def.type === 'array' && def.element) return keyDocs(def.element, prefix);
  if (def.type === 'union' && def.options && def.options.every(isObject)) return alternativeDocs(def.options, prefix);
  return [];
}

/** Each alternative's own keys, then once the keys every alternative shares (the same schema in each). */
function alternativeDocs(options: readonly z.core.$ZodType[], prefix: string): KeyDoc[] {
  const shapes = options.map((option) => (unwrap(option).base._zod.def as Def).shape ?? {});
  const shared = Object.keys(shapes[0] ?? {}).filter((key) => shapes.every((shape) => shape[key] === shapes[0]?.[key]));
  const own = shapes.flatMap((shape) =>
    Object.entries(shape)
      .filter(([key]) => !shared.includes(key))
      .flatMap(([key, field], index) => [{ ...docOf(`${prefix}${key}`, field), ...(index === 0 ? { alternative: true } : {}) }, ...keyDocs(field, `${prefix}${key}.`)]),
  );
  const common = shared.flatMap((key) => [{ ...docOf(`${prefix}${key}`, shapes[0]![key]!), shared: true }, ...keyDocs(shapes[0]![key]!, `${prefix}${key}.`)]);
  return [...own, ...common];
}

function docOf(path: string, field: z.core.$ZodType): KeyDoc {
  const { base, description, optional, defaultValue } = unwrap(field);
  const def = base._zod.def as Def;
  const choices = def.type === 'enum' && def.entries ? Object.values(def.entries).map(String) : def.type === 'literal' && def.values ? def.values.map(String) : undefined;
  const scalarDefault = typeof defaultValue === 'string' || typeof defaultValue === 'number' || typeof defaultValue === 'boolean' ? String(defaultValue) : undefined;
  return {
    path,
    required: !optional,
    ...(description ? { description } : {}),
    ...(scalarDefault !== undefined ? { defaultValue: scalarDefault } : {}),
    ...(choices ? { choices } : {}),
  };
}

function isObject(schema: z.core.$ZodType): boolean {
  return unwrap(schema).base._zod.def.type === 'object';
}
