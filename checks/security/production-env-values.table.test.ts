import { inputTable } from '../../test/helpers/input-table.js';
import check from './production-env-values.js';

inputTable(check, [
  {
    name: 'production values, a bind address included',
    dotenv:
      'NODE_ENV=production\nAPI_URL=https://api.shop.com\nDATABASE_URL=postgres://app:Zk29fj20aQx@db.prod.internal/shop\nHOST=0.0.0.0\nSTRIPE_SECRET_KEY=sk_live_51HcQ2e8Zk29fj20aQxYw\nCORS_ORIGINS=https://shop.com,https://admin.shop.com\n',
    status: 'pass',
    message: 'prod: 6 variables, none with a development or test value',
  },
  { name: 'a URL on localhost', dotenv: 'API_URL=http://localhost:3000\n', status: 'fail', message: 'prod: API_URL points at localhost, a local address' },
  { name: 'a host on 127.0.0.0/8', dotenv: 'REDIS_HOST=127.0.0.2\n', status: 'fail', message: 'prod: REDIS_HOST points at 127.0.0.2, a local address' },
  { name: 'an RFC 2606 domain', dotenv: 'APP_ORIGIN=https://shop.example.com\n', status: 'fail', message: 'prod: APP_ORIGIN points at shop.example.com, a reserved example domain (RFC 2606)' },
  {
    name: 'a development tunnel',
    dotenv: 'WEBHOOK_URL=https://quiet-fox.trycloudflare.com/hooks\n',
    status: 'fail',
    message: 'prod: WEBHOOK_URL points at quiet-fox.trycloudflare.com, a development tunnel (trycloudflare.com)',
  },
  { name: 'a Stripe test key', dotenv: 'STRIPE_SECRET_KEY=sk_test_51HcQ2e8Zk29fj20aQxYw\n', status: 'fail', message: 'prod: STRIPE_SECRET_KEY is a Stripe test-mode secret key (sk_test_…)' },
  { name: 'a development setting', dotenv: 'APP_ENV=development\n', status: 'fail', message: 'prod: APP_ENV is "development", a development/test setting' },
  { name: 'a placeholder value', dotenv: 'MAILER_PASSWORD=changeme\n', status: 'fail', message: 'prod: MAILER_PASSWORD is a placeholder value' },
  { name: 'a CORS allow-list of every origin', dotenv: 'CORS_ORIGINS=*\n', status: 'fail', message: 'prod: CORS_ORIGINS allows every origin (*)' },
  { name: 'a staging host', dotenv: 'API_URL=https://api-staging.shop.com\n', status: 'warn', message: 'prod: API_URL points at api-staging.shop.com, which looks like a staging host' },
  {
    name: 'a temporary AWS key',
    dotenv: 'AWS_ACCESS_KEY_ID=ASIAY34FZKBOKMUTVV7A\n',
    status: 'warn',
    message: 'prod: AWS_ACCESS_KEY_ID is a temporary AWS access key (ASIA…): it expires within hours and breaks a static deployment',
  },
  { name: 'debug on', dotenv: 'APP_DEBUG=true\n', status: 'warn', message: 'prod: APP_DEBUG turns debug mode on ("true")' },
  {
    name: 'a local host, ignored by options.ignore',
    dotenv: 'LOCAL_CACHE_URL=http://localhost:6379\n',
    options: { ignore: ['LOCAL_CACHE_URL'] },
    status: 'pass',
    message: 'prod: 1 variables, none with a development or test value',
  },
  {
    name: 'required keys, per service and in their format',
    files: { 'api.env': 'GEMINI_API_KEY=not-a-google-key\n', 'web.env': 'VITE_API=https://api.shop.com\n' },
    environments: '  prod:\n    env: [{ dotenv: api.env, service: api }, { dotenv: web.env, service: dashboard }]\n',
    options: { required: [{ variable: 'GEMINI_API_KEY', format: 'google-api-key', service: 'api' }, { variable: 'SENTRY_DSN', format: 'sentry-dsn' }] },
    status: 'fail',
    message: 'api: GEMINI_API_KEY is not a Google API key (AIza… or AQ.…); SENTRY_DSN is required but not set; dashboard: SENTRY_DSN is required but not set',
    evidence: { dashboard: { verdict: 'fail', findings: ['fail: SENTRY_DSN is required but not set'] } },
  },
  {
    name: 'a required key present in its format',
    dotenv: 'GEMINI_API_KEY=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q\n',
    options: { required: [{ variable: 'GEMINI_API_KEY', format: 'google-api-key' }] },
    status: 'pass',
    message: 'prod: 1 variables, none with a development or test value',
  },
  {
    name: 'an unreadable source',
    environments: '  prod:\n    env: [{ json: missing.json }]\n',
    status: 'error',
    message: 'prod: environments.prod.env[0] (json missing.json) cannot be read (no such file)',
  },
]);
