import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';

const MIGRATION_ROLLBACK: RepoDocumentTopic = {
  fileNames: ['migrat', 'schema change'],
  headingNames: ['migration rollback', 'migrations', 'migration plan', 'schema migration', 'database migration'],
  spec: {
    topic: 'migration rollback plan',
    minWords: 100,
    headings: [
      { need: 'backup before migrating', any: ['backup', 'snapshot', 'before', 'pre migration', 'prerequisite', 'preparation'] },
      { need: 'rollback steps', any: ['rollback', 'roll back', 'revert', 'down', 'undo', 'restore', 'way back'] },
      { need: 'compatibility or forward fix', any: ['compatib', 'expand', 'contract', 'forward fix', 'fix forward', 'roll forward', 'version'] },
    ],
  },
};

const options = z.strictObject(documentOptionFields(MIGRATION_ROLLBACK));

export default defineCheck<z.infer<typeof options>>({
  id: 'operational.migration-rollback-plan',
  section: 'operational',
  item: 'Database migration rollback plan prepared',
  severity: 'high',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'A plan in the repository says how a database migration is undone: the backup taken before migrating, the steps back (down SQL or a forward fix), and which app versions work with which schema.',
  how:
    'Reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named migration* first, then any whose heading names "migrations" or "migration rollback" (judged from that heading down), through the repository probe, and lexes them with `marked`. ' +
    'The plan must hold at least `minWords` (100) words of prose, no TODO/TBD/FIXME/lorem placeholder, and a heading with content for each of: backup before migrating (backup, snapshot, before), rollback steps (rollback, revert, down, restore) and compatibility or forward fix (compatibility, expand/contract, forward fix, version). ' +
    'A stub or a missing section fails naming it; none in the repository fails with the places looked at; an unreadable file or a symlink out of the repository is error. Whether the down SQL works is not run.',
  attestation: 'Link to the rollback plan for the pending migrations: the down SQL (from `prisma migrate diff ... --script`), which app versions work with which schema, the pre-migration backup step, and the date it was tried on staging.',
  remediation: 'Generate down scripts with `npx prisma migrate diff`, use expand/contract migrations so the previous release runs on the new schema, take a backup before `migrate deploy`, and document `prisma migrate resolve --rolled-back`.',
  run: (ctx) => judgeRepoDocument(ctx, MIGRATION_ROLLBACK),
});
