import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Check } from '../../src/kit/check.js';
import { repoWorkspace, type RepoRow } from './repo-table.js';
import { runCheck } from './run-check.js';

const FIXTURES = path.resolve('fixtures/repos');

export interface DocumentFixtureCase {
  /** The document of fixtures/repos/well-kept that passes. */
  passes: string;
  /** What the neglected repository's verdict names: its stub, or the places looked at. */
  fails: RegExp;
  /** Options for every case (a wide maxAgeDays keeps the fixtures' fixed dates in the window). */
  options?: Record<string, unknown>;
}

/** A document check on the sample repositories: well-kept passes, neglected fails, a missing repository is error. */
export function documentFixtureTests(check: Check<never> | Check, cases: DocumentFixtureCase): void {
  describe(`${check.id} on the sample repositories`, () => {
    const ws = repoWorkspace();
    afterAll(() => ws.remove());
    const options = cases.options ? { options: cases.options } : {};

    it(`passes on the well-kept repository: ${cases.passes}`, async () => {
      const result = await ws.run(check, path.join(FIXTURES, 'well-kept'), {}, options);
      expect(result.status, result.message).toBe('pass');
      expect(result.evidence).toMatchObject({ file: cases.passes });
    });

    it('fails on the neglected one, naming what is missing', async () => {
      const result = await ws.run(check, path.join(FIXTURES, 'neglected'), {}, options);
      expect(result.status, result.message).toBe('fail');
      expect(result.message).toMatch(cases.fails);
    });

    it('is an error when the repository is not there', async () => {
      const result = await ws.run(check, path.join(FIXTURES, 'no-such-repository'), {}, options);
      expect(result.status, result.message).toBe('error');
      expect(result.message).toMatch(/no-such-repository cannot be read/);
    });

    // Unread is not verified: the line stays in front of the sign-off until `repo:` is set or a person attests it;
    // only a line conditional by its own text ("… (if serving EU customers)") is left out.
    it('without `repo:` is manual naming it, with the attestation, unless the line is conditional', async () => {
      const result = await runCheck(check, ws.target({ services: { api: { url: 'https://api.example.com' } } }), options);
      const conditional = /\(if\b/.test(check.item);
      expect(result.status).toBe(conditional ? 'skip' : 'manual');
      expect(result.message).toMatch(/\brepo\b/);
      if (!conditional) expect(result.message).toContain(check.attestation!);
    });
  });
}

export interface DocumentRowsSpec {
  /** A complete document of the kind, and the conventional path it is found at by its file name. */
  complete: string;
  at: string;
  /** A file name the topic's names do not match, for finding it by its headings instead. */
  unnamed: string;
  /** The complete document with one required heading renamed, and the need then missing. */
  withoutOne: { text: string; missing: RegExp };
  /** What the pass message says (the file is prefixed). */
  passes: RegExp;
  /** Options of every row (a record check's maxAgeDays, say). */
  options?: Record<string, unknown>;
}

/**
 * The rows every document check shares, on real trees: found by name, by headings (inside a larger file), at the
 * configured path; and failing, erroring or stub cases the kit must judge alike whatever the topic.
 */
export function documentRows(spec: DocumentRowsSpec): RepoRow[] {
  const opts = (extra: Record<string, unknown> = {}) => ({ options: { ...spec.options, ...extra } });
  const inReadme = `# Shop\n\nThe shop's API and dashboard. Install with npm ci.\n\n${spec.complete.replace(/^#/gm, '##')}\n# Licence\n\nMIT.\n`;
  const stub = `${spec.complete.split('\n')[0]}\n\nTODO: write this before launch.\n`;
  return [
    { name: 'complete, found by its file name', files: { [spec.at]: spec.complete }, ...opts(), status: 'pass', message: new RegExp(`^${spec.at.replace(/[.]/g, '\\.')}: ${spec.passes.source}`), evidence: { file: spec.at, foundBy: 'its file name' } },
    { name: 'complete, found by its headings in another file', files: { [spec.unnamed]: spec.complete }, ...opts(), status: 'pass', message: new RegExp(spec.passes.source), evidence: { file: spec.unnamed, foundBy: 'its headings' } },
    { name: 'a section of the README', files: { 'README.md': inReadme }, ...opts(), status: 'pass', message: /^README\.md \(section ".*", line 5\): a complete/ },
    { name: 'at the configured path', files: { 'handbook/ours.md': spec.complete }, ...opts({ path: 'handbook/ours.md' }), status: 'pass', message: /^handbook\/ours\.md: a complete/, evidence: { foundBy: 'the configured path' } },
    { name: 'the configured path does not exist', files: { [spec.at]: spec.complete }, ...opts({ path: 'handbook/ours.md' }), status: 'fail', message: /^handbook\/ours\.md, the configured .*, does not exist in the repository$/ },
    { name: 'a TODO stub', files: { [spec.at]: stub }, ...opts(), status: 'fail', message: /content: a stub: \d+ words .*placeholders: unfinished: TODO on line 3.*headings: missing/ },
    { name: 'a required heading missing', files: { [spec.at]: spec.withoutOne.text }, ...opts(), status: 'fail', message: spec.withoutOne.missing },
    { name: 'a higher minWords', files: { [spec.at]: spec.complete }, ...opts({ minWords: 5000 }), status: 'fail', message: /a stub: \d+ words of prose \(at least 5000 expected\)/ },
    { name: 'a stub by name beside a complete one found by headings', files: { [spec.at]: stub, [spec.unnamed]: spec.complete }, ...opts(), status: 'pass', message: new RegExp(`^${spec.unnamed.replace(/[.]/g, '\\.')}: a complete`) },
    { name: 'none in the repository', files: { 'README.md': '# Shop\n\nAn app.\n', 'docs/architecture.md': '# Architecture\n\nThree services.\n' }, ...opts(), status: 'fail', message: /^no .* in the repository \(looked for Markdown files named .* in the root, docs\/, doc\/, docs\/runbooks\/, runbooks\/, docs\/ops\/, docs\/operations\/, ops\/, ops\/runbooks\/, \.github\/, then a heading naming/ },
    { name: 'the document is a symlink out of the repository', files: {}, symlinks: { [spec.at]: '/etc/hostname' }, ...opts(), status: 'error', message: /symlink to a place outside the repository/ },
    { name: 'a stub beside an unreadable candidate', files: { [spec.at]: stub }, symlinks: { 'docs/other.md': '/etc/hostname' }, ...opts(), status: 'error', message: /could not read every candidate.*docs\/other\.md is a symlink.*best of the rest/ },
    { name: 'the configured path is a symlink out', files: {}, symlinks: { 'ours.md': '/etc/hostname' }, ...opts({ path: 'ours.md' }), status: 'error', message: /ours\.md is a symlink to a place outside the repository/ },
    { name: 'more Markdown files than are read, none of them it', files: Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`docs/page-${i}.md`, `# Page ${i}\n\nNothing here.\n`])), ...opts(), status: 'error', message: /could not read every candidate for the .*: 1 more Markdown file\(s\) past the first 60 were not read$/ },
    { name: 'more Markdown files than are read, but found by name first', files: { ...Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`docs/page-${i}.md`, '# Page\n'])), [spec.at]: spec.complete }, ...opts(), status: 'pass', message: /a complete/ },
    { name: 'past the read limit and incomplete at the cut', files: { [spec.at]: `${stub}\n${'More words here. '.repeat(20_000)}` }, ...opts(), status: 'error', message: /larger than the 256 KiB read limit/ },
  ];
}
