import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSchema, type Report } from '../src/report/schema.js';
import { runCli, type CliRun } from './helpers/cli.js';
import { hasXmllint, junitXsdProblems } from './helpers/junit-xsd.js';
import { githubProblems, validateSarif, type SarifLog } from './helpers/sarif.js';

/** GitHub's comment limit is 65,536 characters; the budget for the demo's Markdown is 20 KB. */
const MARKDOWN_BUDGET_BYTES = 20 * 1024;

describe("the demo's reports in every file format", () => {
  const out = mkdtempSync(path.join(tmpdir(), 'readiness-formats-'));
  let run: CliRun;
  const read = (file: string) => readFileSync(path.join(out, file), 'utf8');

  beforeAll(async () => {
    run = await runCli(['demo', '--format', 'json,markdown,html,sarif,junit', '--out', out]);
  }, 180_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('the demo ran to its verdict', () => {
    expect(run.code, run.stderr).toBe(1);
  });

  it('SARIF: valid against the OASIS schema, accepted by GitHub, every result at a line of the demo config', () => {
    const log = JSON.parse(read('report.sarif')) as SarifLog;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 5))).toBe(true);
    expect(githubProblems(log)).toEqual([]);
    const results = log.runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('fixtures/demo/readiness.demo.yaml');
    const report = reportSchema.parse(JSON.parse(read('report.json'))) as Report;
    const cors = report.results.find((r) => r.id === 'infrastructure.widget-cors');
    expect(cors?.location).toMatchObject({ key: 'environments.demo.services.widget' });
    process.stdout.write(`demo SARIF: ${results.length} results, ${log.runs[0]!.tool.driver.rules.length} rules\n`);
  });

  it.skipIf(!hasXmllint)('JUnit: valid against the Jenkins/Ant XSD', () => {
    expect(junitXsdProblems(read('report.junit.xml'))).toBe('');
  });

  it(`Markdown: fits a PR comment (≤ ${MARKDOWN_BUDGET_BYTES} bytes), a table per section, manual lines folded`, () => {
    const md = read('report.md');
    process.stdout.write(`demo Markdown: ${Buffer.byteLength(md)} bytes\n`);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MARKDOWN_BUDGET_BYTES);
    expect(md).toContain('| Section | fail | error | warn | pass | manual | skip |');
    expect(md).toMatch(/<details><summary>Awaiting a person's attestation \(\d+\)<\/summary>/);
    // No HTML entity inside a code span: GitHub would show it literally.
    for (const span of md.match(/`[^`\n]+`/g) ?? []) expect(span).not.toMatch(/&(lt|gt|amp|quot);/);
  });

  it('HTML: one self-contained file that can fetch nothing', () => {
    const html = read('report.html');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    // Only real tags count: what a target sent is escaped text (`&lt;img src=…`) and fetches nothing.
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed|video|audio|source)\b|@import|url\(|<[a-z][^>]*\s(src|href)=(?!"#)/i);
  });
});
