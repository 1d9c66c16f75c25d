import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './gdpr.js';

const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/gdpr.md', 'utf8');

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/gdpr.md',
    unnamed: 'docs/legal.md',
    withoutOne: { text: COMPLETE.replace('## Retention', '## Misc'), missing: /^docs\/gdpr\.md: headings: missing retention \(a heading naming "retention", "retain", "storage period"\)$/ },
    passes: /a complete GDPR compliance document, \d+ words with a section for each of personal data processed, subprocessors, data subject requests, retention$/,
  }),
  { name: 'not serving the EU', files: {}, options: { servesEU: false }, status: 'skip', message: 'checks.documentation.gdpr.options.servesEU is false: no EU customers are served, so the GDPR does not apply' },
  { name: 'a privacy policy without the GDPR sections', files: { 'PRIVACY.md': '# Privacy policy\n\nWe collect your email address to send receipts, and we never sell it to anyone. Ask support to delete your account at any time.\n' }, status: 'fail', message: /^PRIVACY\.md: content: a stub: 24 words .*missing personal data processed/ },
]);
