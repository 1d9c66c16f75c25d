import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import formats from 'ajv-formats';

/** The OASIS SARIF 2.1.0 errata 01 schema, committed verbatim (its `id` is the errata's URI). */
export const sarifSchema = JSON.parse(readFileSync(new URL('../fixtures/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as { id: string };
// Both are CommonJS with `exports.default`; under NodeNext the class and the plugin sit on `.default`.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
formats.default(ajv);
export const validateSarif = ajv.compile(sarifSchema);

export interface SarifRule {
  id: string;
  shortDescription?: { text?: string };
  fullDescription?: { text?: string };
  help?: { text?: string; markdown?: string };
  properties?: { tags?: string[]; 'security-severity'?: string };
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  kind: string;
  level: string;
  message: { text: string };
  locations?: { physicalLocation?: { artifactLocation?: { uri?: string; uriBaseId?: string }; region?: { startLine?: number } } }[];
  partialFingerprints?: Record<string, string>;
  suppressions?: { justification: string }[];
}
export interface SarifLog {
  $schema: string;
  version: string;
  runs: { tool: { driver: { name: string; rules: SarifRule[] } }; results: SarifResult[] }[];
}

/**
 * GitHub's documented upload requirements for third-party SARIF ("SARIF support for code scanning"): a run names its
 * tool; every result has a ruleId, a message text, at least one location whose physical location has a relative
 * artifact URI and a start line, and partialFingerprints; rules carry the descriptions and help GitHub shows; limits
 * on results, rules and tags per run; security-severity a number from 0.0 to 10.0.
 */
export function githubProblems(log: SarifLog): string[] {
  const problems: string[] = [];
  if (log.version !== '2.1.0') problems.push('version must be 2.1.0');
  if (log.runs.length > 20) problems.push('more than 20 runs');
  for (const run of log.runs) {
    const rules = run.tool.driver.rules;
    if (!run.tool.driver.name) problems.push('tool.driver.name missing');
    if (new Set(rules.map((r) => r.id)).size !== rules.length) problems.push('duplicate rule ids');
    if (rules.length > 25_000 || run.results.length > 25_000) problems.push('over 25,000 rules or results');
    for (const rule of rules) {
      if (!rule.shortDescription?.text || !rule.fullDescription?.text || !rule.help?.text) problems.push(`${rule.id}: descriptions/help missing`);
      if ((rule.properties?.tags?.length ?? 0) > 20) problems.push(`${rule.id}: more than 20 tags`);
      const sev = Number(rule.properties?.['security-severity']);
      if (!(sev >= 0 && sev <= 10)) problems.push(`${rule.id}: security-severity not in 0.0–10.0`);
    }
    for (const r of run.results) {
      if (!r.ruleId || !r.message?.text) problems.push('result without ruleId or message.text');
      if (rules[r.ruleIndex]?.id !== r.ruleId) problems.push(`${r.ruleId}: ruleIndex does not point at its rule`);
      const physical = r.locations?.[0]?.physicalLocation;
      const uri = physical?.artifactLocation?.uri;
      if (!uri) problems.push(`${r.ruleId}: no physicalLocation.artifactLocation.uri (GitHub rejects: expected at least one location)`);
      else if (uri.startsWith('..') || /^[a-z]+:/.test(uri)) problems.push(`${r.ruleId}: uri ${uri} is not relative to the checkout`);
      if (!(physical?.region?.startLine && physical.region.startLine >= 1)) problems.push(`${r.ruleId}: no region.startLine`);
      if ((r.locations?.length ?? 0) > 10) problems.push(`${r.ruleId}: more than 10 locations`);
      if (!r.partialFingerprints || Object.keys(r.partialFingerprints).length === 0) problems.push(`${r.ruleId}: no partialFingerprints`);
    }
  }
  return problems;
}

