import { z } from 'zod';

interface JsonSchemaProperty {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
}

/** One line per option of a check, read from its zod schema, so `explain` never drifts from the code. */
export function describeOptions(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, JsonSchemaProperty> };
  const properties = Object.entries(json.properties ?? {});
  if (properties.length === 0) return ['  (none)'];
  return properties.map(([name, p]) => {
    const type = p.enum ? p.enum.map((v) => JSON.stringify(v)).join(' | ') : Array.isArray(p.type) ? p.type.join(' | ') : (p.type ?? 'value');
    const range = p.minimum !== undefined || p.maximum !== undefined ? `, ${p.minimum ?? ''}…${p.maximum ?? ''}` : '';
    const fallback = p.default !== undefined ? `, default ${JSON.stringify(p.default)}` : '';
    return `  ${name} (${type}${range}${fallback})${p.description ? `: ${p.description}` : ''}`;
  });
}
