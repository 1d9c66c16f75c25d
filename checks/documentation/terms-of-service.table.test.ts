import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './terms-of-service.js';

// Recorded from loopback servers on ports of their own: messages name the port, so rows match it with \d+.
judgementTable(check, [
  { scenario: 'https page', status: 'pass', message: /^https:\/\/127\.0\.0\.1:\d+\/terms answers 200 with the terms of service$/, evidence: { status: 200 } },
  {
    scenario: 'app shell',
    status: 'warn',
    message:
      /^terms of service: http:\/\/127\.0\.0\.1:\d+\/terms answers 200 but its text has none of: terms, conditions, agreement, AGB, conditions générales \(an app shell or a soft 404\?\); https: served over plain HTTP \(http:\/\/127\.0\.0\.1:\d+\/terms\)$/,
  },
  { scenario: 'not found', status: 'fail', message: /^terms of service: http:\/\/127\.0\.0\.1:\d+\/terms answers 404 \(not found\)$/ },
  {
    // Passed before: the home page's footer says "Terms of Service".
    scenario: 'the home page served in its place',
    status: 'fail',
    message: /^terms of service: (http:\/\/127\.0\.0\.1:\d+)\/terms answers with the same page as the home page \(\1\/\): the terms of service is not published there$/,
  },
  { scenario: 'redirect loop', status: 'error', message: /^redirect loop: http:\/\/127\.0\.0\.1:\d+\/loop was already visited$/ },
]);
