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
  { scenario: 'bad gateway', status: 'fail', message: 'api: answered 502: the deployment is down or crashing' },
  { scenario: 'host does not resolve', status: 'fail', message: 'api: nonexistent.invalid does not resolve (ENOTFOUND)', evidence: { api: { reason: 'dns' } } },
  { scenario: 'service hangs', status: 'error', message: /^api: no complete answer from 127\.0\.0\.1:\d+ within 300 ms$/ },
]);
