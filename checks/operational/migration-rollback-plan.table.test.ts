import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './migration-rollback-plan.js';

const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/runbooks/migration-rollback.md', 'utf8');

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/runbooks/migration-rollback.md',
    unnamed: 'docs/runbooks/releases.md',
    withoutOne: { text: COMPLETE.replace('## Compatibility', '## Notes'), missing: /^docs\/runbooks\/migration-rollback\.md: headings: missing compatibility or forward fix \(a heading naming "compatib", "expand", "contract"\)$/ },
    passes: /a complete migration rollback plan, \d+ words with a section for each of backup before migrating, rollback steps, compatibility or forward fix$/,
  }),
]);
