import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';

const ONBOARDING: RepoDocumentTopic = {
  fileNames: ['onboard'],
  headingNames: ['onboard', 'merchant setup', 'getting started'],
  spec: {
    topic: 'merchant onboarding guide',
    minWords: 100,
    headings: [
      { need: 'install or sign-up', any: ['install', 'sign up', 'signup', 'account', 'connect', 'register'] },
      { need: 'permissions granted', any: ['scope', 'permission', 'authori', 'grant', 'oauth', 'access'] },
      { need: 'setup and configuration', any: ['sync', 'import', 'config', 'set up', 'setup', 'customi', 'setting'] },
      { need: 'going live', any: ['go live', 'going live', 'launch', 'publish', 'activat', 'enable', 'live'] },
    ],
  },
};

const options = z.strictObject(documentOptionFields(ONBOARDING));

export default defineCheck<z.infer<typeof options>>({
  id: 'documentation.merchant-onboarding',
  section: 'documentation',
  item: 'Merchant onboarding flow documented',
  severity: 'medium',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'The path from install to a live widget is written down in the repository step by step: installing, the permissions granted, setting up, and going live.',
  how:
    'Reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named onboard* first, then any whose heading names "onboarding", "merchant setup" or "getting started" (judged from that heading down), through the repository probe, and lexes them with `marked`. ' +
    'The document must hold at least `minWords` (100) words of prose, no TODO/TBD/FIXME/lorem placeholder, and a heading with content for each of: install or sign-up (install, sign up, connect), permissions granted (scopes, permissions, authorise), setup and configuration (sync, import, configure, set up) and going live (go live, launch, publish, enable). ' +
    'A stub or a missing section fails naming it; none in the repository fails with the places looked at; an unreadable file or a symlink out of the repository is error. Whether it matches the current dashboard is not compared.',
  attestation: 'Link to the onboarding document or help-centre article listing each step (install, grant scopes, product sync, configure widget, go live) with screenshots, and the date it was last checked against the current dashboard.',
  remediation: 'Walk through onboarding on a fresh dev store, capture each screen and step, publish it in the help centre and internal wiki, and link to it from the dashboard.',
  run: (ctx) => judgeRepoDocument(ctx, ONBOARDING),
});
