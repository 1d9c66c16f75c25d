import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Jenkins xUnit plugin's JUnit schema (Ant/Surefire format), committed verbatim: the strictest consumer's contract. */
const XSD = fileURLToPath(new URL('../fixtures/junit-10.xsd', import.meta.url));

export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
// CI installs Debian's libxml2-utils (.ci/run); elsewhere a machine without it skips those tests rather than fails.
if (!hasXmllint && process.env.CI) throw new Error('xmllint is missing: apt-get install -y libxml2-utils');

/** xmllint's complaints about `xml` against the XSD; empty when it is valid. */
export function junitXsdProblems(xml: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'readiness-junit-')), 'report.junit.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr || `xmllint exited ${run.status}`;
}
