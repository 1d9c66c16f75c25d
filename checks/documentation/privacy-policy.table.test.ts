import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './privacy-policy.js';

// Recorded from loopback servers on ports of their own: messages name the port, so rows match it with \d+.
judgementTable(check, [
  { scenario: 'https page', status: 'pass', message: /^https:\/\/127\.0\.0\.1:\d+\/privacy answers 200 with the privacy policy$/, evidence: { status: 200 } },
  { scenario: 'plain http', status: 'warn', message: /^https: served over plain HTTP \(http:\/\/127\.0\.0\.1:\d+\/privacy\)$/ },
  { scenario: 'not found', status: 'fail', message: /^privacy policy: http:\/\/127\.0\.0\.1:\d+\/privacy answers 404 \(not found\)$/ },
  { scenario: 'redirect loop', status: 'error', message: /^redirect loop: http:\/\/127\.0\.0\.1:\d+\/loop was already visited$/ },
  { scenario: 'not configured', status: 'skip', message: "not configured: environments.test.urls.privacy (the privacy policy's public URL)" },
]);
