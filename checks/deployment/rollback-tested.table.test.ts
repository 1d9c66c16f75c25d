import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './rollback-tested.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/runbooks/deploy-rollback.md', 'utf8');
/** The runbook without its own record, with another in its place. */
const withRecord = (record: string) => `${COMPLETE.slice(0, COMPLETE.indexOf('## Rehearsals'))}${record}`;

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/runbooks/deploy-rollback.md',
    unnamed: 'docs/runbooks/releases.md',
    withoutOne: { text: COMPLETE.replace('## Verification', '## Afterwards'), missing: /^docs\/runbooks\/deploy-rollback\.md: headings: missing verification \(a heading naming "verif", "check", "health"\)$/ },
    passes: /a complete deployment rollback runbook, \d+ words with a section for each of when to roll back, rollback steps, verification; rollback rehearsal recorded on 2026-10-14/,
    options: { maxAgeDays: 100_000 },
  }),
  { name: 'only a migration rollback plan: not a deployment rollback runbook', files: { 'docs/runbooks/migration-rollback.md': readFileSync('fixtures/repos/well-kept/docs/runbooks/migration-rollback.md', 'utf8') }, status: 'fail', message: /^no deployment rollback runbook in the repository/ },
  { name: 'a "Rolling back" section of the deploy runbook', files: { 'docs/deploying.md': `# Deploying\n\nRailway builds every push to main.\n\n${COMPLETE.replace('# Deployment rollback runbook', '## Rolling back').replace(/^## (?!Rolling)/gm, '### ')}` }, status: 'pass', message: /^docs\/deploying\.md \(section "Rolling back", line 5\): a complete deployment rollback runbook/ },
  { name: 'a recent rehearsal record', files: { 'docs/runbooks/deploy-rollback.md': withRecord(`## Rollback log\n\n- ${day(-10)}: rolled staging back in 4 minutes.\n`) }, status: 'pass', message: new RegExp(`rollback rehearsal recorded on ${day(-10)} \\(line \\d+, 10 days ago\\)$`) },
  { name: 'a "Last tested" line', files: { 'runbooks/rollback.md': withRecord(`Last tested: ${day(-30)} by the platform team.\n`) }, status: 'pass', message: /rollback rehearsal recorded on .*30 days ago/ },
  { name: 'a stale rehearsal record', files: { 'docs/runbooks/deploy-rollback.md': withRecord(`## Rollback log\n\n- ${day(-300)}: restored.\n`) }, status: 'fail', message: /record: the last rollback rehearsal recorded is dated .*, 300 days ago \(limit 180\)$/ },
  { name: 'a stale record in a wider window', files: { 'docs/runbooks/deploy-rollback.md': withRecord(`## Rollback log\n\n- ${day(-300)}: restored.\n`) }, options: { maxAgeDays: 400 }, status: 'pass', message: /300 days ago/ },
  { name: 'no rehearsal record', files: { 'docs/runbooks/deploy-rollback.md': withRecord('') }, status: 'manual', message: /^docs\/runbooks\/deploy-rollback\.md: record: no dated rollback rehearsal record \(a "rollback log" section listing YYYY-MM-DD entries, or a "Last tested: YYYY-MM-DD" line\): attest the last drill/ },
  { name: 'a record only in the future', files: { 'docs/runbooks/deploy-rollback.md': withRecord(`## Rollback log\n\n- ${day(40)}: planned.\n`) }, status: 'warn', message: /in the future/ },
  { name: 'no record and a missing heading', files: { 'docs/runbooks/deploy-rollback.md': withRecord('').replace('## Verification', '## Afterwards') }, status: 'fail', message: /headings: missing verification/ },
]);
