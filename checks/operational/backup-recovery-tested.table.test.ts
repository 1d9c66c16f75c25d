import { readFileSync } from 'node:fs';
import { documentRows } from '../../test/helpers/document-fixtures.js';
import { repoTable } from '../../test/helpers/repo-table.js';
import check from './backup-recovery-tested.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const COMPLETE = readFileSync('fixtures/repos/well-kept/docs/runbooks/backup-restore.md', 'utf8');
/** The runbook without its own record, with another in its place. */
const withRecord = (record: string) => `${COMPLETE.slice(0, COMPLETE.indexOf('## Restore log'))}${record}`;

repoTable(check, [
  ...documentRows({
    complete: COMPLETE,
    at: 'docs/runbooks/backup-restore.md',
    unnamed: 'docs/runbooks/data.md',
    withoutOne: { text: COMPLETE.replace('## Recovery targets', '## Goals'), missing: /^docs\/runbooks\/backup-restore\.md: headings: missing recovery targets \(a heading naming "rto", "rpo", "objective"\)$/ },
    passes: /a complete backup and recovery runbook, \d+ words with a section for each of what is backed up, restore procedure, recovery targets; restore test recorded on 2026-11-02/,
    options: { maxAgeDays: 100_000 },
  }),
  { name: 'a recent restore record', files: { 'docs/runbooks/backup-restore.md': withRecord(`## Restore log\n\n- ${day(-10)}: restored the database into scratch in 40 minutes.\n`) }, status: 'pass', message: new RegExp(`restore test recorded on ${day(-10)} \\(line \\d+, 10 days ago\\)$`) },
  { name: 'a "Last tested" line', files: { 'runbooks/recovery.md': withRecord(`Last tested: ${day(-30)} by the platform team.\n`) }, status: 'pass', message: /restore test recorded on .*30 days ago/ },
  { name: 'a stale restore record', files: { 'docs/runbooks/backup-restore.md': withRecord(`## Restore log\n\n- ${day(-200)}: restored.\n`) }, status: 'fail', message: /record: the last restore test recorded is dated .*, 200 days ago \(limit 90\)$/ },
  { name: 'a stale record in a wider window', files: { 'docs/runbooks/backup-restore.md': withRecord(`## Restore log\n\n- ${day(-200)}: restored.\n`) }, options: { maxAgeDays: 365 }, status: 'pass', message: /200 days ago/ },
  { name: 'no restore record', files: { 'docs/runbooks/backup-restore.md': withRecord('') }, status: 'manual', message: /^docs\/runbooks\/backup-restore\.md: record: no dated restore test record \(a "restore log" section listing YYYY-MM-DD entries, or a "Last tested: YYYY-MM-DD" line\): attest the last drill/ },
  { name: 'a record only in the future', files: { 'docs/runbooks/backup-restore.md': withRecord(`## Restore log\n\n- ${day(40)}: planned.\n`) }, status: 'warn', message: /in the future/ },
  { name: 'no record and a missing heading', files: { 'docs/runbooks/backup-restore.md': withRecord('').replace('## Recovery targets', '## Goals') }, status: 'fail', message: /headings: missing recovery targets/ },
]);
