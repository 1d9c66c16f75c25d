/** Domains hosting platforms hand out before a custom domain is attached. */
const PLATFORM_DOMAINS: readonly (readonly [string, string])[] = [
  ['up.railway.app', 'Railway'],
  ['railway.app', 'Railway'],
  ['onrender.com', 'Render'],
  ['vercel.app', 'Vercel'],
  ['herokuapp.com', 'Heroku'],
  ['netlify.app', 'Netlify'],
  ['fly.dev', 'Fly.io'],
  ['run.app', 'Google Cloud Run'],
  ['appspot.com', 'Google App Engine'],
  ['web.app', 'Firebase Hosting'],
  ['firebaseapp.com', 'Firebase Hosting'],
  ['azurewebsites.net', 'Azure App Service'],
  ['azurestaticapps.net', 'Azure Static Web Apps'],
  ['cloudapp.azure.com', 'Azure'],
  ['elasticbeanstalk.com', 'AWS Elastic Beanstalk'],
  ['awsapprunner.com', 'AWS App Runner'],
  ['amplifyapp.com', 'AWS Amplify'],
  ['cloudfront.net', 'Amazon CloudFront'],
  ['amazonaws.com', 'AWS'],
  ['ondigitalocean.app', 'DigitalOcean App Platform'],
  ['pages.dev', 'Cloudflare Pages'],
  ['workers.dev', 'Cloudflare Workers'],
  ['github.io', 'GitHub Pages'],
  ['gitlab.io', 'GitLab Pages'],
  ['deno.dev', 'Deno Deploy'],
  ['glitch.me', 'Glitch'],
  ['repl.co', 'Replit'],
  ['replit.app', 'Replit'],
  ['koyeb.app', 'Koyeb'],
  ['ngrok.io', 'ngrok'],
  ['ngrok-free.app', 'ngrok'],
];

/** The platform whose default domain the host is on, e.g. "Railway" for api-production.up.railway.app. */
export function platformDefaultDomain(host: string): { platform: string; suffix: string } | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  const hit = PLATFORM_DOMAINS.find(([suffix]) => name === suffix || name.endsWith(`.${suffix}`));
  return hit ? { platform: hit[1], suffix: hit[0] } : undefined;
}
