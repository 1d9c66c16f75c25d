import { defineCheck } from '../../src/kit/check.js';
import { outcome } from '../../src/core/outcome.js';
import { perService } from '../../src/kit/per-service.js';
import { isIpHost } from '../../src/probes/sites.js';
import { isLocalHost } from '../../src/core/hosts.js';
import { sharedDomain, type SharedDomain } from '../../src/rules/domains.js';

export default defineCheck({
  id: 'infrastructure.custom-domain',
  section: 'infrastructure',
  item: 'Custom domain configured (optional)',
  severity: 'low',
  automation: 'automated',
  needs: ['services'],
  verifies: "No service is reached through a hosting platform's default domain (*.up.railway.app and the like): each is on the product's own domain.",
  how:
    'Reads the host of every service URL (no request). Fail: a host on a name someone else hands out — a development tunnel (ngrok, Cloudflare Quick Tunnels *.trycloudflare.com, localtunnel, ' +
    'localhost.run, Serveo, Microsoft dev tunnels, …) or a workspace preview (Replit *.replit.dev, GitHub Codespaces *.app.github.dev, Gitpod, CodeSandbox, StackBlitz, …), from the lists kept in src/core/dev-hosts.ts; ' +
    'a platform default domain — Railway (up.railway.app, railway.app), Render (onrender.com), Vercel (vercel.app), Heroku (herokuapp.com), ' +
    'Netlify (netlify.app), Fly.io (fly.dev), Cloud Run (run.app), App Engine (appspot.com), Firebase (web.app, firebaseapp.com), Azure (azurewebsites.net, azurestaticapps.net, cloudapp.azure.com), ' +
    'AWS (elasticbeanstalk.com, awsapprunner.com, amplifyapp.com, cloudfront.net, amazonaws.com), DigitalOcean (ondigitalocean.app), Cloudflare (pages.dev, workers.dev), GitHub/GitLab Pages, ' +
    'Deno Deploy, Glitch, Replit, Koyeb, ngrok; or any other suffix of the private section of the public suffix list (read with tldts), whose subdomains belong to the operator\'s customers — ' +
    'registries that sell names to their owners (CentralNic\'s us.com, uk.com, …, eu.org) excepted. ' +
    'Warn: an IP address or a local name (localhost, *.localhost, host.docker.internal). The line is optional: fail has low severity; waive it if platform domains are a deliberate choice.',
  remediation:
    "Add the custom domain in each service's Railway networking settings, create the CNAME record it shows, wait for verification, then update the config, env vars, OAuth redirect URLs and the widget snippet.",
  async run(ctx) {
    return perService(
      ctx,
      async (_name, service) => {
        const host = new URL(service.url).hostname;
        const shared = sharedDomain(host);
        if (shared) return outcome('fail', `${describeShared(shared)}: ${host}`, { evidence: { host, kind: shared.kind, suffix: shared.suffix, ...(shared.service ? { platform: shared.service } : {}) } });
        if (isIpHost(host) || isLocalHost(host)) {
          const what = isIpHost(host) ? 'an IP address' : host === 'localhost' ? 'localhost' : 'a local name';
          return outcome('warn', `reached by ${what} (${host}), not a domain`, {
            evidence: { host },
            remediation: 'Point the config at the public domain name of the service.',
          });
        }
        return outcome('pass', `on its own domain ${host}`, { evidence: { host } });
      },
      { pass: 'every service is on its own domain' },
    );
  },
});

function describeShared(shared: SharedDomain): string {
  switch (shared.kind) {
    case 'platform':
      return `on ${shared.service}'s default domain (*.${shared.suffix})`;
    case 'tunnel':
      return `on a development tunnel (${shared.service}, *.${shared.suffix}), not a domain of the product's`;
    case 'preview':
      return `on a development preview URL (${shared.service}, *.${shared.suffix}), not a domain of the product's`;
    case 'shared':
      return `on a shared platform domain (*.${shared.suffix}, in the private section of the public suffix list), not a domain of the product's`;
  }
}
