import { judgementTable } from '../../test/helpers/judgement-table.js';
import servicesDeployed from './services-deployed.js';

judgementTable(servicesDeployed, [
  {
    name: 'a 404 at a path is still an answer from a running deployment',
    scenario: 'api and a 404 path answer',
    status: 'pass',
    message: 'every service answered from a running deployment',
    evidence: { api: { verdict: 'pass', status: 200 }, api2: { verdict: 'pass', status: 404 } },
  },
  { scenario: 'railway fallback page', status: 'fail', message: 'widget: Railway answered with its fallback page: no deployment serves this domain' },
  // Each answered below 500 and passed when only four platform pages were known (src/rules/default-pages.ts has the list and sources).
  ...(
    [
      ['nginx', 'nginx answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
      ['apache', 'Apache httpd answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
      ['apache-debian', 'Apache httpd (Debian/Ubuntu) answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
      ['caddy', 'Caddy answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
      ['iis', 'IIS answered with its welcome page: the web server runs, but nothing of the service is deployed behind it'],
      ['railway-train', 'Railway answered with its fallback page: no deployment serves this domain'],
      ['netlify', 'Netlify answered "Not Found": no site or file is deployed at this address'],
    ] as const
  ).map(([kind, message]) => ({ scenario: `default page: ${kind}`, status: 'fail' as const, message: `api: ${message}` })),
  {
    scenario: '404 on every path',
    status: 'fail',
    message: 'api: answered 404 at / and 404 at its health path /health: no deployed service answers here',
    evidence: { api: { status: 404, healthStatus: 404 } },
  },
  { scenario: 'no health path', status: 'warn', message: "web: answers at / (200) but its health path /health answers 404: is the service's own code deployed there?" },
  { scenario: 'bad gateway', status: 'fail', message: 'api: answered 502: the deployment is down or crashing' },
  { scenario: 'host does not resolve', status: 'fail', message: 'api: nonexistent.invalid does not resolve (ENOTFOUND)', evidence: { api: { reason: 'dns' } } },
  { scenario: 'service hangs', status: 'error', message: /^api: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
]);
