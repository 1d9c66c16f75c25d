import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './privacy-policy.js';

// Recorded from loopback servers on ports of their own: messages name the port, so rows match it with \d+.
judgementTable(check, [
  { scenario: 'https page', status: 'pass', message: /^https:\/\/127\.0\.0\.1:\d+\/privacy answers 200 with the privacy policy$/, evidence: { status: 200 } },
  { scenario: 'plain http', status: 'warn', message: /^https: served over plain HTTP \(http:\/\/127\.0\.0\.1:\d+\/privacy\)$/ },
  { scenario: 'not found', status: 'fail', message: /^privacy policy: http:\/\/127\.0\.0\.1:\d+\/privacy answers 404 \(not found\)$/ },
  // Passed before: the keyword anywhere in the text (footer included), redirects anywhere.
  {
    scenario: 'soft 404 with the policy in its footer',
    status: 'fail',
    message: /^privacy policy: http:\/\/127\.0\.0\.1:\d+\/privacy answers 200 with a not-found or error page \("Page not found"\), a soft 404: the privacy policy is not published there$/,
  },
  {
    scenario: 'redirect to the home page',
    status: 'fail',
    message: /^privacy policy: (http:\/\/127\.0\.0\.1:\d+)\/legal\/privacy redirects to the home page \(\1\/\): the privacy policy is not published there$/,
  },
  {
    scenario: 'stub page',
    status: 'warn',
    message: /^privacy policy: http:\/\/127\.0\.0\.1:\d+\/privacy is titled as the privacy policy but its own text has 2 word\(s\): a stub, not the privacy policy\?; https: served over plain HTTP/,
  },
  { scenario: 'redirect loop', status: 'error', message: /^redirect loop: http:\/\/127\.0\.0\.1:\d+\/loop was already visited$/ },
  { scenario: 'not configured', status: 'skip', message: "not configured: environments.test.urls.privacy (the privacy policy's public URL)" },
]);
