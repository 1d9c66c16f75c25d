import { defineManualCheck } from '../../src/kit/check.js';

export default defineManualCheck({
  id: 'documentation.changelog',
  section: 'documentation',
  item: 'Changelog maintained',
  severity: 'medium',
  verifies: 'A changelog records user-visible changes per release and is current up to the release being deployed.',
  attestation: 'Link to CHANGELOG.md (or the public changelog page) showing an entry for the release being deployed with its version and date, and the process that keeps it current (e.g. Changesets or release-please in CI).',
  remediation: 'Add a CHANGELOG.md following Keep a Changelog, automate entries with Changesets or release-please, and write the entry for the launch release.',
});
