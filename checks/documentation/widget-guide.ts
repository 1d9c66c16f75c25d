import { z } from 'zod';
import { defineCheck } from '../../src/kit/check.js';
import { documentOptionFields, judgeRepoDocument, type RepoDocumentTopic } from '../../src/kit/repo-document.js';

const WIDGET_GUIDE: RepoDocumentTopic = {
  fileNames: ['widget', 'embed'],
  headingNames: ['widget', 'embed'],
  spec: {
    topic: 'widget integration guide',
    minWords: 100,
    headings: [
      { need: 'installation', any: ['install', 'embed', 'snippet', 'setup', 'set up', 'getting started', 'quick start', 'quickstart', 'add the widget'] },
      { need: 'configuration', any: ['config', 'option', 'setting', 'customi', 'attribute'] },
      { need: 'troubleshooting', any: ['troubleshoot', 'faq', 'common issue', 'common problem', 'known issue', 'debug'] },
    ],
    codeBlock: 'the embed snippet',
  },
};

const options = z.strictObject(documentOptionFields(WIDGET_GUIDE));

export default defineCheck<z.infer<typeof options>>({
  id: 'documentation.widget-guide',
  section: 'documentation',
  item: 'Widget integration guide available',
  severity: 'medium',
  automation: 'automated',
  needs: ['repo'],
  options,
  verifies: 'The repository holds a guide that shows how to install the widget (with the embed snippet to copy), how to configure it and how to troubleshoot it.',
  how:
    'Reads `options.path`, else Markdown files in the root, docs/, doc/, docs/runbooks/, runbooks/, docs/ops/, docs/operations/, ops/, ops/runbooks/ and .github/ named widget* or embed* first, then any whose heading names "widget" or "embed" (judged from that heading down), through the repository probe, and lexes them with `marked`. ' +
    'The guide must hold at least `minWords` (100) words of prose, no TODO/TBD/FIXME/lorem placeholder, a fenced or indented code block (the embed snippet), and a heading with content for each of: installation (install, embed, snippet, setup, getting started), configuration (configuration, options, settings, customise) and troubleshooting (troubleshooting, FAQ, common issues). ' +
    'A stub or a missing section fails naming it; no guide in the repository fails with the places looked at; an unreadable file or a symlink out of the repository is error. Whether the published help-site copy matches is not compared.',
  attestation: 'Link to the public widget integration guide showing the embed snippet with the production script URL, Shopify theme-editor steps, configuration options and troubleshooting, plus a note that someone followed it successfully on a fresh store.',
  remediation: 'Write the guide with a copy-paste snippet, theme-editor steps with screenshots and common issues (CSP, caching), publish it on the help site and link it from the dashboard.',
  run: (ctx) => judgeRepoDocument(ctx, WIDGET_GUIDE),
});
