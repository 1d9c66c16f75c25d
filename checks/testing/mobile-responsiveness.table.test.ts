import { judgementTable } from '../../test/helpers/judgement-table.js';
import mobileResponsiveness from './mobile-responsiveness.js';

judgementTable(mobileResponsiveness, [
  {
    name: "a right viewport still needs a person, a JSON \"web\" page is skipped and the API is not judged",
    scenario: 'dashboard viewport right',
    status: 'manual',
    message: "dashboard: viewport meta fits the device width (width=device-width, initial-scale=1); the layout at 360-430 px needs a person's check",
    evidence: { dashboard: { verdict: 'manual' }, web: { verdict: 'skip' } },
  },
  {
    scenario: 'no viewport and a fixed width',
    status: 'fail',
    message:
      'widget: viewport: no <meta name="viewport">: phones render a 980 px desktop page zoomed out; ' +
      'dashboard: viewport: "width=1024" does not set width=device-width: the page is not fitted to the phone\'s width',
  },
  {
    scenario: 'zoom blocked',
    status: 'warn',
    message: 'dashboard: viewport: "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no" disables pinch-zoom (user-scalable=no)',
  },
  { scenario: 'page answers 404', status: 'error', message: 'dashboard: the page answered 404; no 2xx page to read' },
  { scenario: 'connection reset', status: 'error', message: /^dashboard: connection to 127\.0\.0\.1:\d+ was reset or closed mid-answer$/ },
]);
