import { LineCounter, isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit as visitYaml, type Alias, type Document, type Node } from 'yaml';
import { ConfigError, quoteKey, type ConfigProblem } from './errors.js';
import type { KeyPath } from './interpolate.js';

/**
 * Values that aliases may add to a document. Reusing an anchor is ordinary (a service block repeated for five
 * environments adds tens of values; hundreds of uses of one scalar add hundreds), while a billion-laughs bomb
 * nests aliases of aliases to billions: the bound is on what the aliases expand to, not on how often they occur.
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/** The tags a readiness file may spell out; the rest (!!binary, !!set, !!timestamp, custom tags) make values no key takes. */
const PLAIN_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `tag:yaml.org,2002:${name}`));

/** Names that would turn into an object's prototype rather than a key once parsed. */
const RESERVED_KEYS = new Set(['__proto__']);

export interface ParsedYaml {
  value: unknown;
  /** Locates a key path in the source, for error messages. */
  locate(path: KeyPath): { line: number; column: number } | undefined;
}

/**
 * Parses one YAML document of a readiness file (the config, the attestations) into plain values, or throws a
 * ConfigError naming the file, the key path and the line. Syntax errors keep only the library's error code, since
 * its message quotes the source line, which may hold a secret.
 */
export function parseYaml(source: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: true });
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    const end = source.trimEnd().length;
    const problems = doc.errors.map((e) => ({
      path: pathAt(doc.contents, e.pos[0], [], e.pos[0] >= end),
      message: `YAML syntax error (${describeYamlCode(e.code)})`,
      ...position(e.pos[0]),
    }));
    throw new ConfigError(file, distinct(problems), 'cannot parse YAML');
  }
  const problems = inspect(doc, position);
  if (problems.length > 0) throw new ConfigError(file, problems);
  let value: unknown;
  try {
    // Aliases are bounded above by what they expand to, so the library's own count (100 uses) need not stop ordinary reuse.
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    throw new ConfigError(file, [{ path: [], message: `cannot resolve the YAML (${error instanceof Error ? error.message : String(error)})` }], 'cannot parse YAML');
  }
  return { value, locate: (keyPath) => locateIn(doc, lineCounter, keyPath) };
}

/** Keys that are not names, reserved names, tags no key takes, and aliases expanding past the bound: all reported with their paths. */
function inspect(doc: Document, position: (offset: number) => { line: number; column: number }): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const at = (node: unknown) => (isNode(node) && node.range ? position(node.range[0]) : {});
  const sizes = new Map<Node, number>();
  const targets = aliasTargets(doc);
  let expanded = 0;
  let bombReported = false;

  const visit = (node: unknown, path: KeyPath): void => {
    if (!isNode(node)) return;
    if (node.tag !== undefined && !PLAIN_TAGS.has(node.tag)) {
      problems.push({ path, message: `YAML tag ${shortTag(node.tag)} is not supported here; write a plain value`, ...at(node) });
      return;
    }
    if (isAlias(node)) {
      if (!targets.has(node)) {
        problems.push({ path, message: `alias *${quoteKey(node.source)} has no anchor &${quoteKey(node.source)} before it`, ...at(node) });
        return;
      }
      const size = aliasSize(targets, node, sizes, new Set());
      if (size === CYCLE) {
        problems.push({ path, message: `alias *${quoteKey(node.source)} refers to its own anchor (a value cannot contain itself)`, ...at(node) });
        return;
      }
      expanded += size;
      if (expanded > MAX_ALIAS_EXPANSION && !bombReported) {
        bombReported = true;
        problems.push({
          path,
          message: `YAML aliases expand to more than ${MAX_ALIAS_EXPANSION} values (nested aliases of aliases, as in a billion-laughs bomb); write the values out or reuse less`,
          ...at(node),
        });
      }
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyName(pair.key);
        if (key === undefined) {
          problems.push({ path, message: 'a mapping key must be a plain name, not a list or mapping', ...at(pair.key) });
          continue;
        }
        if (key === MERGE) {
          if (!mergesMappings(pair.value, targets)) {
            problems.push({ path, message: '`<<` merges mappings only: give it an alias of a mapping (<<: *name) or a list of them', ...at(pair.value) });
            continue;
          }
          visit(pair.value, path);
          continue;
        }
        if (RESERVED_KEYS.has(key)) {
          problems.push({ path: [...path, key], message: `"${key}" cannot be used as a name (it is reserved in JavaScript objects)`, ...at(pair.key) });
          continue;
        }
        visit(pair.value, [...path, key]);
      }
      return;
    }
    if (isSeq(node)) node.items.forEach((item, index) => visit(item, [...path, index]));
  };
  visit(doc.contents, []);
  for (const warning of doc.warnings) {
    problems.push({ path: pathAt(doc.contents, warning.pos[0], []), message: `YAML problem (${describeYamlCode(warning.code)})`, ...position(warning.pos[0]) });
  }
  return problems;
}

const CYCLE = -1;
const MERGE = Symbol.for('yaml merge key');

/**
 * What each alias refers to: the last anchor of its name before it, in document order (YAML's rule). One pass,
 * where asking the library per alias would walk the whole document each time.
 */
function aliasTargets(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visitYaml(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
    },
  });
  return targets;
}

/** What a merge key may take: a mapping, an alias of one, or a list of those. */
function mergesMappings(value: unknown, targets: Map<Alias, Node>): boolean {
  const isMapping = (node: unknown) => isMap(node) || (isAlias(node) && isMap(targets.get(node)));
  return isMapping(value) || (isSeq(value) && value.items.every(isMapping));
}

/** How many values an alias stands for once expanded, saturating past the bound; CYCLE when it contains itself. */
function aliasSize(targets: Map<Alias, Node>, alias: Alias, sizes: Map<Node, number>, open: Set<Node>): number {
  const target = targets.get(alias);
  return target ? sizeOf(targets, target, sizes, open) : 1;
}

function sizeOf(targets: Map<Alias, Node>, node: unknown, sizes: Map<Node, number>, open: Set<Node>): number {
  if (!isNode(node)) return 0;
  if (isAlias(node)) return aliasSize(targets, node, sizes, open);
  const known = sizes.get(node);
  if (known !== undefined) return known;
  if (open.has(node)) return CYCLE;
  if (!isMap(node) && !isSeq(node)) return 1;
  open.add(node);
  let total = 1;
  const children: unknown[] = isMap(node) ? node.items.map((pair) => pair.value) : node.items;
  for (const child of children) {
    const size = sizeOf(targets, child, sizes, open);
    if (size === CYCLE) {
      open.delete(node);
      return CYCLE;
    }
    total = Math.min(total + size, MAX_ALIAS_EXPANSION + 1);
  }
  open.delete(node);
  sizes.set(node, total);
  return total;
}

function keyName(key: unknown): string | typeof MERGE | undefined {
  if (isScalar(key)) {
    if (typeof key.value === 'symbol') return MERGE;
    return key.value === null ? '' : String(key.value);
  }
  if (key === null || key === undefined) return '';
  if (typeof key === 'string' || typeof key === 'number' || typeof key === 'boolean') return String(key);
  return undefined;
}

/** The key path of the innermost node whose source range holds `offset`, so a syntax error names where it is. */
function pathAt(node: unknown, offset: number, path: KeyPath, atEnd = false): KeyPath {
  // [start, end of the value): a node's full range runs on over the line break and comments after it. A mistake at
  // the very end of the file (an unclosed list) belongs to the nodes still open there.
  const within = (start: number, end: number) => start <= offset && (offset < end || (atEnd && offset === end));
  const holds = (n: unknown) => isNode(n) && n.range !== undefined && n.range !== null && within(n.range[0], n.range[1]);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyName(pair.key);
      const keyRange = isNode(pair.key) ? pair.key.range : undefined;
      const start = keyRange?.[0];
      const end = isNode(pair.value) && pair.value.range ? pair.value.range[1] : keyRange?.[1];
      if (start === undefined || end === undefined || !within(start, end)) continue;
      if (typeof key !== 'string') return path;
      return holds(pair.value) ? pathAt(pair.value, offset, [...path, key], atEnd) : [...path, key];
    }
  }
  if (isSeq(node)) {
    const index = node.items.findIndex(holds);
    if (index !== -1) return pathAt(node.items[index], offset, [...path, index], atEnd);
  }
  return path;
}

function locateIn(doc: Document, counter: LineCounter, keyPath: KeyPath): { line: number; column: number } | undefined {
  for (let depth = keyPath.length; depth >= 0; depth--) {
    let node: unknown;
    try {
      node = depth === 0 ? doc.contents : doc.getIn(keyPath.slice(0, depth), true);
    } catch {
      node = undefined;
    }
    if (isNode(node) && node.range) {
      const pos = counter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

/** The parser reports some mistakes once per token: the same place and message once is enough. */
function distinct(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = JSON.stringify([p.path, p.message, p.line, p.column]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A tag as messages show it: `!!binary`, `!include`; anything longer or odder is not echoed, as it could be a swallowed value. */
function shortTag(tag: string): string {
  const short = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
  return /^!!?[A-Za-z][\w.-]{0,30}$/.test(short) ? short : `(a ${short.length}-character tag)`;
}

function describeYamlCode(code: string): string {
  return code.toLowerCase().replace(/_/g, ' ');
}
