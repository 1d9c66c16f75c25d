import { expect } from 'vitest';
import { judgementTable } from '../../test/helpers/judgement-table.js';
import widgetCors from './widget-cors.js';

const PASS = "the widget's CORS policy lets storefronts in and never with credentials";

judgementTable(widgetCors, [
  { name: 'a widget API that lists its storefront passes', scenario: 'storefront listed', status: 'pass', message: PASS },
  {
    name: 'a widget public to all without credentials passes, judged on its API and its script',
    scenario: 'public to all without credentials',
    status: 'pass',
    message: PASS,
    evidence: { widget: { paths: ['/v1/widget/config', expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/widget\.js$/)] } },
  },
  {
    scenario: 'leaky widget',
    status: 'fail',
    message:
      'widget: hostile origins: 58 reflected with Access-Control-Allow-Credentials: true (https://evil.example, null, https://demo-store.myshopify.com.evil.example, https://evildemo-store.myshopify.com and 54 more; ' +
      'on GET /v1/widget/config, OPTIONS /v1/widget/config, GET /widget.js, OPTIONS /widget.js): any site can make authenticated requests and read the answers',
  },
  {
    scenario: 'storefront refused',
    status: 'fail',
    message:
      'widget: Origin https://demo-store.myshopify.com: storefront origin not allowed on GET /v1/widget/config, OPTIONS /v1/widget/config: the widget cannot call its API from there',
  },
  { scenario: 'no widget configured', status: 'skip', message: 'no service of kind widget is configured (services.<name>.kind: widget, or a service named widget)' },
  { scenario: 'widget hangs', status: 'error', message: /^widget: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
]);
