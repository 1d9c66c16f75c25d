import { z } from 'zod';
import { outcome, verdictOf } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { repoProbe } from '../../src/probes/repo.js';
import { judgeChangelog } from '../../src/rules/repo-changelog.js';

/** Where changelogs conventionally live, in the order they are looked for. */
const CHANGELOG_PATHS = ['CHANGELOG.md', 'CHANGELOG', 'CHANGELOG.txt', 'HISTORY.md', 'CHANGES.md', 'docs/CHANGELOG.md'] as const;

const options = z.strictObject({
  path: z.string().min(1).optional().describe('The changelog, relative to the repository (default: the first of CHANGELOG.md, CHANGELOG, CHANGELOG.txt, HISTORY.md, CHANGES.md, docs/CHANGELOG.md)'),
  maxAgeDays: z.number().int().positive().default(180).describe('Oldest date the entry for the current version may carry'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'documentation.changelog',
  section: 'documentation',
  item: 'Changelog maintained',
  severity: 'medium',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: "The repository's changelog has a written, dated entry for the version package.json says is being released.",
  how:
    'Reads package.json\'s `version` and the changelog (`options.path`, else the first of CHANGELOG.md, CHANGELOG, CHANGELOG.txt, HISTORY.md, CHANGES.md, docs/CHANGELOG.md) through the repository probe. ' +
    'Requires a heading naming that version (fail otherwise), a YYYY-MM-DD date in it no older than `maxAgeDays` (180; older fails, undated warns), and at least 5 words under it without TODO/TBD placeholders (fail otherwise). ' +
    'No changelog fails; no package.json version is manual.',
  attestation: 'Link to the public changelog page showing an entry for the release being deployed with its version and date.',
  remediation: 'Add a CHANGELOG.md following Keep a Changelog, automate entries with Changesets or release-please, and write the entry for the launch release.',
  async run(ctx) {
    const repo = ctx.probe(repoProbe);
    try {
      const manifest = await repo.file('package.json');
      let version: unknown;
      if (manifest.kind === 'file') {
        try {
          version = (JSON.parse(manifest.text) as { version?: unknown }).version;
        } catch {
          return outcome('fail', 'package.json does not parse as JSON', { remediation: 'Fix package.json.' });
        }
      }
      if (typeof version !== 'string' || version === '') return outcome('manual', 'package.json names no version to look for in the changelog: attest that the changelog is current');
      const candidates = ctx.options.path ? [ctx.options.path] : CHANGELOG_PATHS;
      for (const candidate of candidates) {
        const file = await repo.file(candidate);
        if (file.kind === 'missing') continue;
        return verdictOf(judgeChangelog(candidate, file.text, version, new Date(), ctx.options.maxAgeDays), `${candidate} has a dated, written entry for ${version}`, { file: candidate, version });
      }
      return outcome('fail', `no changelog in the repository (looked for ${candidates.join(', ')})`, {
        evidence: { looked: [...candidates] },
        remediation: 'Add a CHANGELOG.md (Keep a Changelog), or point checks.documentation.changelog.options.path at yours.',
      });
    } catch (error) {
      return probeFailure(error);
    }
  },
});
