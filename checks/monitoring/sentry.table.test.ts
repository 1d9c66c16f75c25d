import { inputTable } from '../../test/helpers/input-table.js';
import check from './sentry.js';

const KEY = '0123456789abcdef0123456789abcdef';
const perService = '  prod:\n    env: [{ dotenv: api.env, service: api }, { dotenv: worker.env, service: worker }]\n';
const serviceFiles = { 'api.env': `SENTRY_DSN=https://${KEY}@o1.ingest.sentry.io/2\n`, 'worker.env': 'QUEUE=jobs\n' };

inputTable(check, [
  {
    name: 'a well-formed sentry.io DSN',
    dotenv: `SENTRY_DSN=https://${KEY}@o4505.ingest.us.sentry.io/4506\n`,
    status: 'manual',
    message: 'prod: DSN well formed (SENTRY_DSN → o4505.ingest.us.sentry.io, project 4506); confirm a test event from production reached Sentry',
  },
  {
    name: 'a self-hosted DSN under a path',
    dotenv: `VITE_SENTRY_DSN=https://${KEY}@errors.shop.com/sentry/7\n`,
    status: 'manual',
    message: 'prod: DSN well formed (VITE_SENTRY_DSN → errors.shop.com, project 7); confirm a test event from production reached Sentry',
  },
  { name: 'no DSN', dotenv: 'NODE_ENV=production\n', status: 'fail', message: 'prod: no SENTRY_DSN among its variables' },
  { name: 'an empty DSN', dotenv: 'SENTRY_DSN=\n', status: 'fail', message: 'prod: SENTRY_DSN is empty' },
  { name: 'a DSN without a public key', dotenv: 'VITE_SENTRY_DSN=https://abc@o1.ingest.sentry.io/2\n', status: 'fail', message: 'prod: VITE_SENTRY_DSN has no 32-hex-digit public key before the @' },
  { name: 'a DSN without a project id', dotenv: `SENTRY_DSN=https://${KEY}@o1.ingest.sentry.io/\n`, status: 'fail', message: 'prod: SENTRY_DSN does not end in a numeric project id' },
  { name: 'a DSN that is not a URL', dotenv: 'SENTRY_DSN=not a dsn\n', status: 'fail', message: 'prod: SENTRY_DSN is not a URL' },
  {
    name: 'a look-alike sentry.io host',
    dotenv: `SENTRY_DSN=https://${KEY}@ingest.evil-sentry.io/2\n`,
    status: 'fail',
    message: 'prod: SENTRY_DSN names ingest.evil-sentry.io, which is not a Sentry ingest host',
  },
  { name: 'a DSN over plain http', dotenv: `SENTRY_DSN=http://${KEY}@sentry.shop.com/3\n`, status: 'warn', message: 'prod: SENTRY_DSN sends events over plain http' },
  {
    name: 'a DSN with the deprecated secret key',
    dotenv: `SENTRY_DSN=https://${KEY}:${KEY}@o1.ingest.sentry.io/2\n`,
    status: 'warn',
    message: 'prod: SENTRY_DSN carries the deprecated secret key (a DSN needs only the public key)',
  },
  { name: 'a service without a DSN', files: serviceFiles, environments: perService, status: 'fail', message: 'worker: no SENTRY_DSN among its variables (also api: manual)' },
  {
    name: 'the same, with options.services naming only the api',
    files: serviceFiles,
    environments: perService,
    options: { services: ['api'] },
    status: 'manual',
    message: 'api: DSN well formed (SENTRY_DSN → o1.ingest.sentry.io, project 2); confirm a test event from production reached Sentry',
  },
  {
    name: 'an env command that times out',
    environments: '  prod:\n    env: [{ command: "sleep 5", timeout: 200ms }]\n',
    status: 'error',
    message: 'prod: environments.prod.env[0] (command sleep) did not finish within 200 ms',
  },
]);
