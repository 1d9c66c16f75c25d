import { header, type HttpResponse } from '../probes/http-response.js';

/**
 * Pages that web servers and hosting platforms serve when nothing of the application is deployed behind them:
 * a fresh server's welcome page, a platform's "no deployment here" answer. Each entry names its source, so the
 * list can be checked against it and kept current.
 */
export interface DefaultPage {
  /** Who serves it: "nginx", "Railway". */
  server: string;
  /** What the page means, after the server's name in the message: "answered with its welcome page: …". */
  meaning: string;
  /** Where the page or header is defined. */
  source: string;
  matches(response: HttpResponse, text: { title: string; heading: string }): boolean;
}

const titled = (pattern: RegExp) => (_r: HttpResponse, t: { title: string; heading: string }) => pattern.test(t.title) || pattern.test(t.heading);
const bodyHas = (pattern: RegExp) => (r: HttpResponse) => pattern.test(r.body);

const WELCOME = 'answered with its welcome page: the web server runs, but nothing of the service is deployed behind it';

export const DEFAULT_PAGES: readonly DefaultPage[] = [
  { server: 'nginx', meaning: WELCOME, source: 'https://github.com/nginx/nginx/blob/master/docs/html/index.html ("Welcome to nginx!"; Debian ships it as index.nginx-debian.html)', matches: titled(/^Welcome to nginx!?$/i) },
  { server: 'OpenResty', meaning: WELCOME, source: 'html/index.html of the OpenResty distribution ("Welcome to OpenResty!"), nginx\'s page rebranded', matches: titled(/^Welcome to OpenResty!?$/i) },
  { server: 'Apache httpd', meaning: WELCOME, source: 'https://github.com/apache/httpd/blob/trunk/docs/docroot/index.html ("It works!")', matches: titled(/^It works!?$/i) },
  {
    server: 'Apache httpd (Debian/Ubuntu)',
    meaning: WELCOME,
    source: 'https://salsa.debian.org/apache-team/apache2/-/blob/master/debian/index.html ("Apache2 Debian Default Page"; Ubuntu: "Apache2 Ubuntu Default Page")',
    matches: titled(/^Apache2 (Debian|Ubuntu) Default Page\b/i),
  },
  {
    server: 'Apache httpd (Fedora/RHEL)',
    meaning: WELCOME,
    source: 'the httpd package of Fedora/RHEL/Rocky, /usr/share/httpd/noindex/index.html ("HTTP Server Test Page", formerly "Test Page for the Apache HTTP Server")',
    matches: titled(/^(Test Page for the (Apache )?HTTP Server|HTTP Server Test Page)\b/i),
  },
  { server: 'Caddy', meaning: WELCOME, source: 'https://github.com/caddyserver/dist/blob/master/welcome/index.html ("Caddy works!")', matches: titled(/^Caddy works!?$/i) },
  { server: 'IIS', meaning: WELCOME, source: 'C:\\inetpub\\wwwroot\\iisstart.htm of IIS 7–10 (title "IIS Windows Server", "IIS7", "IIS Windows")', matches: titled(/^(IIS Windows( Server)?|IIS[78](\.5)?|Microsoft Internet Information Services \d+)$/i) },
  {
    server: 'Apache Tomcat',
    meaning: WELCOME,
    source: 'https://github.com/apache/tomcat/blob/main/webapps/ROOT/index.jsp ("If you\'re seeing this, you\'ve successfully installed Tomcat.")',
    matches: bodyHas(/you've successfully installed Tomcat/i),
  },
  {
    server: 'Railway',
    meaning: 'answered with its fallback page: no deployment serves this domain',
    source:
      'the X-Railway-Fallback: true header and the pages of Railway\'s edge: "Application not found", and "Not Found — The train has not arrived at the station" (quoted in https://github.com/AnswerDotAI/fasthtml-example/issues/63)',
    matches: (r) =>
      header(r, 'x-railway-fallback') === 'true' || (/Application not found/i.test(r.body) && /railway/i.test(r.body)) || /The train has not arrived at the station/i.test(r.body),
  },
  {
    server: 'Render',
    meaning: 'answered "no-server": the service is not running',
    source: "the X-Render-Routing: no-server header Render's edge sends when no instance of the service runs",
    matches: (r) => header(r, 'x-render-routing') === 'no-server',
  },
  {
    server: 'Vercel',
    meaning: 'answered that no deployment serves this URL (X-Vercel-Error)',
    source: 'the X-Vercel-Error header and its codes (https://vercel.com/docs/errors): DEPLOYMENT_NOT_FOUND, NOT_FOUND, DEPLOYMENT_DELETED, DEPLOYMENT_DISABLED, DEPLOYMENT_PAUSED',
    matches: (r) => /NOT_FOUND|DEPLOYMENT_/i.test(header(r, 'x-vercel-error') ?? ''),
  },
  {
    server: 'Heroku',
    meaning: 'answered "no such app": nothing is deployed under this name',
    source: "Heroku's router error page https://www.herokucdn.com/error-pages/no-such-app.html",
    matches: bodyHas(/herokucdn\.com\/error-pages\/no-such-app/i),
  },
  {
    server: 'Heroku',
    meaning: 'answered "Application Error": the app crashed or is not running',
    source: "Heroku's router error page https://www.herokucdn.com/error-pages/application-error.html (H10 and similar errors)",
    matches: bodyHas(/herokucdn\.com\/error-pages\/application-error/i),
  },
  {
    server: 'Netlify',
    meaning: 'answered "Not Found": no site or file is deployed at this address',
    source: "Netlify's edge 404 (\"Page not found … Looks like you've followed a broken link or entered a URL that doesn't exist on this site\", or \"Not Found - Request ID: …\")",
    matches: (r) => r.status === 404 && (/Looks like you('|&#39;|&rsquo;)ve followed a broken link or entered a URL that doesn('|&#39;|&rsquo;)t exist on this site/i.test(r.body) || /^Not Found - Request ID:/.test(r.body.trim())),
  },
  {
    server: 'Cloudflare',
    meaning: 'answered with its own error page instead of the origin (DNS, origin or configuration error)',
    source: 'Cloudflare error pages 1xxx and 52x (https://developers.cloudflare.com/support/troubleshooting/http-status-codes/cloudflare-1xxx-errors/), marked by the cf-error-details element',
    matches: (r) => /id="cf-error-details"|class="cf-error-(code|type)/i.test(r.body) && /cloudflare/i.test(r.body),
  },
  {
    server: 'GitHub Pages',
    meaning: 'answered that no Pages site is published at this address',
    source: 'the GitHub Pages 404 for a domain without a site ("There isn\'t a GitHub Pages site here.")',
    matches: bodyHas(/There isn('|&#39;|&rsquo;)t a GitHub Pages site here/i),
  },
  {
    server: 'Firebase Hosting',
    meaning: 'answered "Site Not Found": no site is deployed to this domain',
    source: 'the Firebase Hosting page for a domain without a release ("Site Not Found … Why am I seeing this?")',
    matches: (r) => /Site Not Found/i.test(r.body) && /firebase/i.test(r.body),
  },
  {
    server: 'Azure App Service',
    meaning: 'answered with its placeholder: the app service exists but no content is deployed',
    source: 'the default page of a new Azure App Service ("Your web app is running and waiting for your content")',
    matches: bodyHas(/Your web app is running and waiting for your content/i),
  },
];

/** The default page a response is, if any. */
export function defaultPageOf(response: HttpResponse, text: { title: string; heading: string }): DefaultPage | undefined {
  return DEFAULT_PAGES.find((page) => page.matches(response, text));
}

/** Edge headers that say which platform answered, so a bare 404 can be attributed. */
export const EDGE_HEADERS: readonly (readonly [string, string])[] = [
  ['x-railway-request-id', 'Railway'],
  ['x-render-origin-server', 'Render'],
  ['x-vercel-id', 'Vercel'],
  ['x-nf-request-id', 'Netlify'],
  ['fly-request-id', 'Fly.io'],
  ['cf-ray', 'Cloudflare'],
];
