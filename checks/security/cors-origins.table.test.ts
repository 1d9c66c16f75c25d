import { judgementTable } from '../../test/helpers/judgement-table.js';
import corsOrigins from './cors-origins.js';

const ALL_PATHS = 'GET /v1/products, OPTIONS /v1/products, GET /, OPTIONS /';

judgementTable(corsOrigins, [
  { scenario: 'exact allow-list with credentials', status: 'pass', message: 'no service allows a hostile origin', evidence: { api: { verdict: 'pass', requests: 36 } } },
  {
    scenario: 'any origin reflected with credentials',
    status: 'fail',
    message:
      'api: hostile origins: 8 reflected with Access-Control-Allow-Credentials: true (https://evil.example, null, https://app.example.com.evil.example, https://evilapp.example.com and 4 more; ' +
      `on ${ALL_PATHS}): any site can make authenticated requests and read the answers`,
  },
  {
    name: 'an unanchored regular expression lets the look-alikes and the http:// twin in',
    scenario: 'unanchored regular expression',
    status: 'fail',
    message:
      'api: hostile origins: 3 reflected with Access-Control-Allow-Credentials: true (https://app.example.com.evil.example, https://evilapp.example.com, http://app.example.com; ' +
      `on ${ALL_PATHS}): any site can make authenticated requests and read the answers`,
  },
  {
    scenario: 'any origin reflected without credentials',
    status: 'fail',
    message: `api: hostile origins: 3 reflected in Access-Control-Allow-Origin (https://evil.example, null, http://localhost:3000; on ${ALL_PATHS})`,
  },
  {
    scenario: 'star on an API',
    status: 'fail',
    message: `api: Access-Control-Allow-Origin: *: every origin is allowed on an API that serves signed-in users (${ALL_PATHS}); if it is deliberately public, declare origins: ["*"]`,
  },
  { name: '"*" passes once the config declares the API public', scenario: 'star on an API declared public', status: 'pass', message: 'no service allows a hostile origin' },
  {
    scenario: 'allow-list without Vary',
    status: 'warn',
    message: "api: Vary: Access-Control-Allow-Origin varies by Origin but Vary: Origin is missing (GET /, OPTIONS /): a shared cache may serve one origin's answer to another",
  },
  {
    name: 'a refused configured origin warns, and the widget is left to infrastructure.widget-cors',
    scenario: 'configured origin refused',
    status: 'warn',
    message: 'api: Origin https://admin.example.com: configured as allowed but not allowed (GET /, OPTIONS /): its requests will fail in browsers',
    evidence: { api: { verdict: 'warn' } },
  },
  { scenario: 'connection reset', status: 'error', message: /^api: connection to 127\.0\.0\.1:\d+ was reset or closed mid-answer$/ },
]);
