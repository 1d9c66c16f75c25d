import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';

const COMMS_PLAN: RepoDocumentTopic = {
  fileNames: ['communicat', 'comms', 'degradation', 'status page', 'statuspage', 'outage'],
  headingNames: ['communication plan', 'comms plan', 'degradation', 'outage communication', 'customer communication', 'status updates'],
  spec: {
    topic: 'degradation communication plan',
    minWords: 100,
    headings: [
      { need: 'channels', any: ['channel', 'status page', 'where', 'banner', 'email'] },
      { need: 'message templates', any: ['template', 'message', 'wording', 'sample', 'example'] },
      { need: 'owner and approval', any: ['owner', 'who', 'role', 'approv', 'responsib', 'spokes'] },
      { need: 'update cadence', any: ['cadence', 'frequen', 'update', 'schedule', 'interval', 'timing', 'how often'] },
    ],
  },
};

const options = z.strictObject(documentOptionFields(COMMS_PLAN));

export default defineCheck<z.infer<typeof options>>({
  id: 'operational.degradation-comms-plan',
  section: 'operational',
  item: 'Service degradation communication plan ready',
  severity: 'medium',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'A plan in the repository says how merchants are told the service is degraded: on which channels, with which prepared messages, who posts and approves them, and how often updates go out.',
  how:
    'Reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named communicat*, comms*, degradation*, status-page* or outage* first, then any whose heading names "communication plan", "degradation", "customer communication" or "status updates" (judged from that heading down), through the repository probe, and lexes them with `marked`. ' +
    'The plan must hold at least `minWords` (100) words of prose, no TODO/TBD/FIXME/lorem placeholder, and a heading with content for each of: channels (channels, status page, banner, email), message templates (templates, messages, examples), owner and approval (owner, who, roles, approval) and update cadence (cadence, frequency, updates). ' +
    'A stub or a missing section fails naming it; none in the repository fails with the places looked at; an unreadable file or a symlink out of the repository is error.',
  attestation: 'Link to the communication plan with pre-written templates (investigating, identified, monitoring, resolved), the channels (status page, in-dashboard banner, merchant email), who approves messages, and the update cadence (e.g. every 30 min).',
  remediation: 'Write the templates and name an owner per channel, add a flag-controlled incident banner to the dashboard, and let merchants subscribe to status-page email updates.',
  run: (ctx) => judgeRepoDocument(ctx, COMMS_PLAN),
});
