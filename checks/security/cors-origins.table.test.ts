import { judgementTable } from '../../test/helpers/judgement-table.js';
import corsOrigins from './cors-origins.js';

const ALL_PATHS = 'GET /v1/products, OPTIONS /v1/products, GET /, OPTIONS /';

judgementTable(corsOrigins, [
  { scenario: 'exact allow-list with credentials', status: 'pass', message: 'no service allows a hostile origin', evidence: { api: { verdict: 'pass', requests: 86, developmentOrigins: { count: 50, path: '/v1/products' } } } },
  {
    scenario: 'any origin reflected with credentials',
    status: 'fail',
    message:
      'api: hostile origins: 58 reflected with Access-Control-Allow-Credentials: true (https://evil.example, null, https://app.example.com.evil.example, https://evilapp.example.com and 54 more; ' +
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
    message: `api: hostile origins: 52 reflected in Access-Control-Allow-Origin (https://evil.example, null, http://localhost:3000, http://127.0.0.1:3000 and 48 more; on ${ALL_PATHS})`,
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
  // Issue 15: every development origin family, with no cap that drops them, and look-alikes of every configured origin.
  ...['http://localhost:5173', 'http://localhost:3000', 'http://127.0.0.1:8080'].map((leftover) => ({
    name: `a leftover ${leftover} beside four production origins fails`,
    scenario: `leftover ${leftover} beside four production origins`,
    status: 'fail' as const,
    message: `api: hostile origins: 1 reflected with Access-Control-Allow-Credentials: true (${leftover}; on GET /v1/products): any site can make authenticated requests and read the answers`,
  })),
  {
    name: 'look-alikes of the fourth configured origin are asked too',
    scenario: 'suffix-only regex on the fourth origin',
    status: 'fail',
    message: `api: hostile origins: 2 reflected with Access-Control-Allow-Credentials: true (https://evilstatus.example.org, http://status.example.org; on ${ALL_PATHS}): any site can make authenticated requests and read the answers`,
  },
  {
    scenario: 'unescaped dot in the origin regex',
    status: 'fail',
    message: `api: hostile origins: 1 reflected with Access-Control-Allow-Credentials: true (https://appxexample.com; on ${ALL_PATHS}): any site can make authenticated requests and read the answers`,
  },
  {
    scenario: 'development origin configured',
    status: 'warn',
    message: 'api: Origin http://localhost:5173: configured as allowed, but it is a development origin: a production allow-list names production domains only',
  },
  { scenario: 'connection reset', status: 'error', message: /^api: connection to 127\.0\.0\.1:\d+ was reset or closed mid-answer$/ },
]);
