import { repoTable } from '../../test/helpers/repo-table.js';
import changelog from './changelog.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const pkg = (version?: string) => JSON.stringify({ name: 'app', ...(version ? { version } : {}) });
const ENTRY = '### Added\n- Merchants can export conversions as CSV.\n';

repoTable(changelog, [
  { name: 'a dated, written entry for the version', files: { 'package.json': pkg('2.1.0'), 'CHANGELOG.md': `# Changelog\n\n## [2.1.0] - ${day(-3)}\n\n${ENTRY}\n## [2.0.0] - ${day(-40)}\n- Older.\n` }, status: 'pass', message: 'CHANGELOG.md has a dated, written entry for 2.1.0' },
  { name: 'a v-prefixed heading in HISTORY.md', files: { 'package.json': pkg('2.1.0'), 'HISTORY.md': `# History\n\n## v2.1.0 (${day(-1)})\n\n${ENTRY}` }, status: 'pass', message: /HISTORY\.md has a dated, written entry/ },
  { name: 'the configured path', files: { 'package.json': pkg('1.0.0'), 'docs/releases.md': `## 1.0.0 - ${day(0)}\n\n${ENTRY}` }, options: { path: 'docs/releases.md' }, status: 'pass', message: /docs\/releases\.md/ },
  { name: 'no entry for the version', files: { 'package.json': pkg('2.1.0'), 'CHANGELOG.md': `## [2.0.0] - ${day(-3)}\n\n${ENTRY}` }, status: 'fail', message: /has no entry for 2\.1\.0/ },
  { name: 'only a longer version with the same prefix', files: { 'package.json': pkg('2.1.1'), 'CHANGELOG.md': `## [2.1.10] - ${day(-3)}\n\n${ENTRY}` }, status: 'fail', message: /has no entry for 2\.1\.1/ },
  { name: 'a stale entry', files: { 'package.json': pkg('2.1.0'), 'CHANGELOG.md': `## [2.1.0] - ${day(-400)}\n\n${ENTRY}` }, status: 'fail', message: /dated .*, 400 days ago \(limit 180\)/ },
  { name: 'a stale entry within a wider window', files: { 'package.json': pkg('2.1.0'), 'CHANGELOG.md': `## [2.1.0] - ${day(-400)}\n\n${ENTRY}` }, options: { maxAgeDays: 500 }, status: 'pass', message: /written entry/ },
  { name: 'an undated entry', files: { 'package.json': pkg('2.1.0'), 'CHANGELOG.md': `## 2.1.0\n\n${ENTRY}` }, status: 'warn', message: /carries no YYYY-MM-DD date/ },
  { name: 'a TODO entry', files: { 'package.json': pkg('2.1.0'), 'CHANGELOG.md': `## [2.1.0] - ${day(-1)}\n\n- TODO: write this up before launch\n` }, status: 'fail', message: /holds a placeholder/ },
  { name: 'an empty entry', files: { 'package.json': pkg('2.1.0'), 'CHANGELOG.md': `## [2.1.0] - ${day(-1)}\n\n## [2.0.0] - ${day(-9)}\n${ENTRY}` }, status: 'fail', message: /empty or a stub \(0 words\)/ },
  { name: 'no changelog', files: { 'package.json': pkg('2.1.0') }, status: 'fail', message: /no changelog in the repository \(looked for CHANGELOG\.md, CHANGELOG,/ },
  { name: 'no version in package.json', files: { 'package.json': pkg(), 'CHANGELOG.md': ENTRY }, status: 'manual', message: /names no version/ },
  { name: 'a changelog symlinked out of the repository', files: { 'package.json': pkg('1.0.0') }, symlinks: { 'CHANGELOG.md': '/etc/hostname' }, status: 'error', message: /symlink to a place outside the repository/ },
]);
