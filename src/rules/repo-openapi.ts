import { parse } from 'yaml';
import { judged, type Judgement } from '../core/outcome.js';

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * An OpenAPI (3.x) or Swagger (2.0) document judged against the release: it parses (YAML or JSON), says which
 * specification it follows, documents at least one path, and its `info.version` is package.json's version.
 */
export function judgeOpenApi(file: string, text: string, packageVersion: string | undefined): Judgement[] {
  let document: unknown;
  try {
    document = parse(text, { uniqueKeys: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unparsable';
    return [judged('document', 'fail', `does not parse (${reason})`, `Fix ${file}: no documentation tool can render it.`)];
  }
  const top = record(document);
  const spec = top?.openapi ?? top?.swagger;
  if (!top || (typeof spec !== 'string' && typeof spec !== 'number')) {
    return [judged('document', 'fail', 'is not an OpenAPI document (no `openapi:` or `swagger:` version)', `Start ${file} with \`openapi: 3.1.0\`.`)];
  }
  const judgements: Judgement[] = [judged('specification', 'pass', `${top.openapi !== undefined ? 'OpenAPI' : 'Swagger'} ${String(spec)}`)];
  const paths = record(top.paths);
  const count = paths ? Object.keys(paths).length : 0;
  judgements.push(count > 0 ? judged('paths', 'pass', `${count} path(s) documented`) : judged('paths', 'fail', 'documents no path', 'Document the public endpoints under `paths:`.'));
  const version = record(top.info)?.version;
  if (packageVersion === undefined) judgements.push(judged('info.version', 'manual', 'package.json names no version to compare it with'));
  else if (version === undefined) judgements.push(judged('info.version', 'fail', 'not set', `Set info.version to ${packageVersion}.`));
  else if (String(version) !== packageVersion) {
    judgements.push(judged('info.version', 'fail', `is ${JSON.stringify(String(version)).slice(0, 40)}, but package.json is at ${packageVersion}: the docs describe another release`, `Regenerate ${file} for ${packageVersion} (and fail CI when it is stale).`));
  } else judgements.push(judged('info.version', 'pass', `${packageVersion}, as package.json`));
  return judgements;
}
