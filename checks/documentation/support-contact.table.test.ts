import { expect } from 'vitest';
import { judgementTable } from '../../test/helpers/judgement-table.js';
import check from './support-contact.js';

// Recorded from loopback servers on ports of their own: messages name the port, so rows match it with \d+.
judgementTable(check, [
  {
    scenario: 'email link and support page',
    status: 'warn',
    message: /^urls\.support: https: served over plain HTTP \(http:\/\/127\.0\.0\.1:\d+\/support\)$/,
    evidence: { dashboard: { verdict: 'pass', message: 'support contact on /: email link support@example.com' } },
  },
  // Passed before: any link saying "Help" counted, wherever it led.
  { scenario: 'help link answers 404', status: 'fail', message: 'dashboard: no working support contact on /: link "Help" → /help answers 404' },
  {
    scenario: 'help link leads to a page',
    status: 'pass',
    message: 'support contact visible',
    evidence: { dashboard: { contact: 'link "Help" → /help', landedOn: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/help$/) as unknown } },
  },
  { scenario: 'no contact', status: 'fail', message: 'dashboard: no support contact on /: no mailto:/tel: link, support/help/contact link, support address or chat widget' },
  {
    scenario: 'app shell',
    status: 'manual',
    message: 'dashboard: the page is an app shell drawn by scripts: its HTML cannot show whether the app displays a support contact',
  },
  { scenario: 'dashboard hangs', status: 'error', message: /^dashboard: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
  { scenario: 'no dashboard', status: 'skip', message: 'not configured: no dashboard or web service in environments.test.services and no environments.test.urls.support' },
]);
