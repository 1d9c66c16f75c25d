import { Document, isCollection, isScalar, isSeq, visit } from 'yaml';
import type { z } from 'zod';
import { PROD_EXAMPLE, PROD_MORE, TOP_LEVEL_EXAMPLE, TOP_LEVEL_MORE } from './init-examples.js';
import { descriptionOf, keyDocs, type KeyDoc } from './schema-docs.js';
import { configSchema, environmentSchema } from './schema/index.js';

/**
 * Where editors find the JSON Schema, relative to the config file: the copy in the installed package, so
 * completion matches the version that will read the file.
 */
export const SCHEMA_LOCATION = './node_modules/go-live-readiness/schema/config.schema.json';

const WIDTH = 118;
/** A collection whose values are all scalars is written on one line when it fits in this many characters. */
const FLOW_LIMIT = 90;

/**
 * What `readiness init` writes: every key of the schema, commented with its description, with typical
 * values (init-examples.ts) for the keys most projects set. A test parses it with the real loader.
 */
export function renderInitTemplate(): string {
  const top = configSchema.shape;
  const lines = [
    `# yaml-language-server: $schema=${SCHEMA_LOCATION}`,
    '# readiness.config.yaml — what `readiness check <environment>` verifies.',
    '# Reference: README.md ("Configuration"). ${VAR} and ${VAR:-default} read the process environment;',
    '# write $${ for a literal "${". Relative paths are relative to this file.',
    '',
  ];
  for (const [key, schema] of Object.entries(top) as [keyof typeof top, z.core.$ZodType][]) {
    if (key === 'environments') lines.push(...environments(schema));
    else lines.push(...section(key, schema, TOP_LEVEL_EXAMPLE[key], TOP_LEVEL_MORE[key], ''));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export const INIT_TEMPLATE = renderInitTemplate();

function environments(schema: z.core.$ZodType): string[] {
  const keys = Object.entries(environmentSchema.shape) as [keyof typeof environmentSchema.shape, z.core.$ZodType][];
  return [
    ...comment('', heading('environments', descriptionOf(schema), WIDTH)),
    'environments:',
    '  prod:',
    ...keys.flatMap(([key, field]) => section(key, field, PROD_EXAMPLE[key], PROD_MORE[key], '    ')),
    '  # staging:            # more environments: the same keys; compare them with prod for reused secrets',
    '  #   services: …',
    '',
  ];
}

/** One key: its description and its keys' descriptions, its value, and commented-out alternatives. */
function section(key: string, schema: z.core.$ZodType, value: unknown, more: unknown, indent: string): string[] {
  const docs = keyDocs(schema).map((doc) => ({ ...doc, path: doc.path.replace(/^<name>\./, '') }));
  const width = WIDTH - indent.length;
  const lines = [...comment(indent, heading(key, descriptionOf(schema), width)), ...comment(indent, docs.flatMap((doc) => docLines(doc, docs, width)))];
  if (value !== undefined) lines.push(...yamlLines({ [key]: value }, indent));
  if (more !== undefined && value === undefined) {
    lines.push(...comment(indent, yamlLines({ [key]: more }, '')));
  } else if (more !== undefined) {
    // Below a value only the entries are written, commented out where entries sit: they read as more of the same.
    const entries = yamlLines({ [key]: more }, '', { blockDepth: 1 }).slice(1);
    lines.push(...comment(`${indent}  `, entries.map((line) => line.slice(2))));
  }
  lines.push('');
  return lines;
}

function heading(key: string, description: string | undefined, width: number): string[] {
  return wrap(description ? `${key} — ${description}` : key, width, '');
}

/** One key's line: its path, then its description, choices, default and whether it is required. */
function docLines(doc: KeyDoc, all: KeyDoc[], width: number): string[] {
  const alternatives = all.some((d) => d.alternative);
  const marker = !alternatives ? '' : doc.alternative ? '- ' : '  ';
  const column = Math.min(26, Math.max(...all.map((d) => d.path.length)));
  const head = `  ${marker}${doc.path.padEnd(column)}  `;
  const lines = wrap(describe(doc), width - head.length, ' '.repeat(head.length)).map((line, i) => (i === 0 ? head + line : line));
  const firstShared = doc.shared && all.find((d) => d.shared) === doc;
  return firstShared ? ['  and with any of them:', ...lines] : lines;
}

function describe(doc: KeyDoc): string {
  const parts = [doc.description ?? ''];
  if (doc.choices) parts.push(`(${doc.choices.join(' | ')})`);
  if (doc.defaultValue !== undefined && !/\bdefault\b/i.test(doc.description ?? '')) parts.push(`(default: ${doc.defaultValue})`);
  // An alternative's first key is what picks it: required goes without saying.
  if (doc.required && !doc.alternative) parts.push('(required)');
  return parts.filter(Boolean).join(' ');
}

function comment(indent: string, lines: string[]): string[] {
  return lines.map((line) => `${indent}#${line === '' ? '' : ` ${line}`}`);
}

function wrap(text: string, width: number, continuation: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : continuation + l));
}

/** The value as YAML, small collections of scalars on one line, every line indented. */
function yamlLines(value: Record<string, unknown>, indent: string, { blockDepth = 0 } = {}): string[] {
  const doc = new Document(value);
  // Depth counts the collections above a node: the {key: value} wrapper is 0, the key's value 1.
  const depthOf = (path: readonly unknown[]) => path.filter(isCollection).length;
  visit(doc, {
    Map: (_key, node, path) => {
      const scalarsOnly = node.items.every((pair) => isScalar(pair.value) || (isSeq(pair.value) && pair.value.items.every(isScalar)));
      if (depthOf(path) > blockDepth && scalarsOnly) node.flow = JSON.stringify(node.toJSON()).length <= FLOW_LIMIT;
    },
    Seq: (_key, node, path) => {
      if (depthOf(path) > blockDepth && node.items.every(isScalar)) node.flow = true;
    },
  });
  return doc
    .toString({ lineWidth: 0, flowCollectionPadding: true })
    .trimEnd()
    .split('\n')
    .map((line) => indent + line);
}
