import { inputTable } from '../../test/helpers/input-table.js';
import check from './custom-domain.js';

/** The check reads only the configured service URLs (it sends no request): each row is a `services:` block. */
const services = (urls: Record<string, string>) =>
  `  prod:\n    services:\n${Object.entries(urls)
    .map(([name, url]) => `      ${name}: { url: "${url}" }\n`)
    .join('')}`;

inputTable(check, [
  {
    name: 'services on their own domain',
    environments: services({ api: 'https://api.shop.example', dashboard: 'https://app.shop.example' }),
    status: 'pass',
    message: 'every service is on its own domain',
  },
  {
    name: "Railway's default domain",
    environments: services({ api: 'https://api.shop.example', widget: 'https://widget-production-4f2a.up.railway.app' }),
    status: 'fail',
    message: "widget: on Railway's default domain (*.up.railway.app): widget-production-4f2a.up.railway.app",
  },
  {
    name: "Render's default domain",
    environments: services({ api: 'https://shop-api.onrender.com' }),
    status: 'fail',
    message: "api: on Render's default domain (*.onrender.com): shop-api.onrender.com",
  },
  {
    name: "Vercel's default domain",
    environments: services({ dashboard: 'https://shop-dashboard.vercel.app' }),
    status: 'fail',
    message: "dashboard: on Vercel's default domain (*.vercel.app): shop-dashboard.vercel.app",
  },
  {
    name: "Heroku's default domain",
    environments: services({ api: 'https://shop-api-1a2b3c.herokuapp.com' }),
    status: 'fail',
    message: "api: on Heroku's default domain (*.herokuapp.com): shop-api-1a2b3c.herokuapp.com",
  },
  { name: "Fly.io's default domain", environments: services({ api: 'https://shop-api.fly.dev' }), status: 'fail', message: "api: on Fly.io's default domain (*.fly.dev): shop-api.fly.dev" },
  {
    name: "CloudFront's default domain",
    environments: services({ widget: 'https://d111111abcdef8.cloudfront.net' }),
    status: 'fail',
    message: "widget: on Amazon CloudFront's default domain (*.cloudfront.net): d111111abcdef8.cloudfront.net",
  },
  {
    name: 'two platform domains',
    environments: services({ api: 'https://shop-api.onrender.com', web: 'https://shop.pages.dev' }),
    status: 'fail',
    message: "api: on Render's default domain (*.onrender.com): shop-api.onrender.com; web: on Cloudflare Pages's default domain (*.pages.dev): shop.pages.dev",
  },
  // Passed before: the fixed list knew none of them.
  {
    name: 'a Cloudflare quick tunnel',
    environments: services({ api: 'https://quiet-fox-lake.trycloudflare.com' }),
    status: 'fail',
    message: "api: on a development tunnel (Cloudflare Quick Tunnels, *.trycloudflare.com), not a domain of the product's: quiet-fox-lake.trycloudflare.com",
  },
  {
    name: 'an ngrok tunnel',
    environments: services({ api: 'https://3f2a-81-2-69-160.ngrok.app' }),
    status: 'fail',
    message: "api: on a development tunnel (ngrok, *.ngrok.app), not a domain of the product's: 3f2a-81-2-69-160.ngrok.app",
  },
  {
    name: 'a Replit workspace preview',
    environments: services({ dashboard: 'https://4c1d-shop.riker.replit.dev' }),
    status: 'fail',
    message: "dashboard: on a development preview URL (Replit (development URL of a workspace), *.replit.dev), not a domain of the product's: 4c1d-shop.riker.replit.dev",
  },
  {
    name: 'a Codespaces forwarded port',
    environments: services({ api: 'https://fuzzy-space-8080.app.github.dev' }),
    status: 'fail',
    message: "api: on a development preview URL (GitHub Codespaces (forwarded port), *.app.github.dev), not a domain of the product's: fuzzy-space-8080.app.github.dev",
  },
  {
    name: 'another suffix of the private section of the public suffix list',
    environments: services({ web: 'https://shop.duckdns.org' }),
    status: 'fail',
    message: "web: on a shared platform domain (*.duckdns.org, in the private section of the public suffix list), not a domain of the product's: shop.duckdns.org",
  },
  {
    name: 'an AWS load balancer name',
    environments: services({ api: 'https://api-7d1e.elb.amazonaws.com' }),
    status: 'fail',
    message: "api: on AWS's default domain (*.amazonaws.com): api-7d1e.elb.amazonaws.com",
  },
  // A false fail avoided: registries in the private section sell names their owners hold.
  { name: 'a name bought under a CentralNic registry suffix', environments: services({ web: 'https://shop.us.com' }), status: 'pass', message: 'every service is on its own domain' },
  { name: 'a name under a country second-level domain', environments: services({ web: 'https://shop.co.uk' }), status: 'pass', message: 'every service is on its own domain' },
  { name: 'a look-alike of a platform suffix', environments: services({ api: 'https://api.notvercel.app' }), status: 'pass', message: 'every service is on its own domain' },
  { name: 'an IPv4 address', environments: services({ api: 'http://203.0.113.7:8080' }), status: 'warn', message: 'api: reached by an IP address (203.0.113.7), not a domain' },
  { name: 'an IPv6 address', environments: services({ api: 'https://[2001:db8::1]/' }), status: 'warn', message: 'api: reached by an IP address ([2001:db8::1]), not a domain' },
  { name: 'localhost', environments: services({ api: 'http://localhost:3000' }), status: 'warn', message: 'api: reached by localhost (localhost), not a domain' },
  { name: 'a local name', environments: services({ api: 'http://host.docker.internal:3000' }), status: 'warn', message: 'api: reached by a local name (host.docker.internal), not a domain' },
  {
    name: 'a platform domain outranks a local name',
    environments: services({ api: 'http://localhost:3000', widget: 'https://shop-widget.netlify.app' }),
    status: 'fail',
    message: "widget: on Netlify's default domain (*.netlify.app): shop-widget.netlify.app (also api: warn)",
  },
  {
    name: 'no services',
    environments: '  prod:\n    urls: { privacy: "https://shop.example/privacy" }\n',
    status: 'skip',
    message: /^not configured: environments\.prod\.services \(this line needs it in .+readiness\.yaml\)$/,
  },
]);
