import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { DEFAULT_PAGES } from './default-pages.js';
import { defaultPage, judgeDeployment } from './platform.js';

const html = (body: string, status = 200, headers: Record<string, string> = {}) => response({ status, body, headers: { 'content-type': 'text/html', ...headers } });

describe('default pages of web servers and platforms', () => {
  it.each<[string, ReturnType<typeof response>]>([
    ['nginx', html('<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>')],
    ['OpenResty', html('<title>Welcome to OpenResty!</title>')],
    ['Apache httpd', html('<html><body><h1>It works!</h1></body></html>')],
    ['Apache httpd (Debian/Ubuntu)', html('<title>Apache2 Ubuntu Default Page: It works</title>')],
    ['Apache httpd (Fedora/RHEL)', html('<title>HTTP Server Test Page powered by: Rocky Linux</title>')],
    ['Caddy', html('<title>Caddy works!</title>')],
    ['IIS', html('<title>IIS Windows Server</title>')],
    ['Apache Tomcat', html("<h2>If you're seeing this, you've successfully installed Tomcat. Congratulations!</h2>")],
    ['Railway', html('<h1>Application not found</h1><p>railway</p>', 404)],
    ['Railway', response({ status: 404, headers: { 'x-railway-fallback': 'true' } })],
    ['Render', response({ status: 404, headers: { 'x-render-routing': 'no-server' } })],
    ['Vercel', response({ status: 404, headers: { 'x-vercel-error': 'DEPLOYMENT_NOT_FOUND' } })],
    ['Heroku', html('<iframe src="//www.herokucdn.com/error-pages/no-such-app.html"></iframe>', 404)],
    ['Heroku', html('<iframe src="//www.herokucdn.com/error-pages/application-error.html"></iframe>', 503)],
    ['Netlify', html("<h1>Page not found</h1><p>Looks like you've followed a broken link or entered a URL that doesn't exist on this site.</p>", 404)],
    ['Cloudflare', html('<div id="cf-error-details"><h1>Error 1001</h1><span>DNS resolution error</span> Cloudflare Ray ID</div>', 530)],
    ['GitHub Pages', html("<p>There isn't a GitHub Pages site here.</p>", 404)],
    ['Firebase Hosting', html('<h1>Site Not Found</h1><p>Why am I seeing this? … Firebase Hosting</p>', 404)],
    ['Azure App Service', html('<h1>Your web app is running and waiting for your content</h1>')],
  ])('recognises %s', (server, page) => {
    expect(defaultPage(page)?.server).toBe(server);
  });

  it('names a source for every page it knows', () => {
    expect(DEFAULT_PAGES.every((p) => p.source.length > 20)).toBe(true);
  });

  it('does not take an application page for one', () => {
    expect(defaultPage(html('<title>Shop</title><h1>It works for merchants</h1>'))).toBeUndefined();
    expect(defaultPage(response({ status: 404, body: '{"error":"not_found"}', headers: { 'x-vercel-id': 'fra1' } }))).toBeUndefined();
  });
});

describe('judgeDeployment', () => {
  const at = (status: number, url: string, headers: Record<string, string> = {}) => ({ ...response({ status, url, headers }), requestedUrl: url });
  it.each([
    [200, 200, 'pass', 'answered 200 in 5 ms'],
    [404, 200, 'pass', 'answered 404 in 5 ms'],
    [200, 404, 'warn', "answers at / (200) but its health path /health answers 404: is the service's own code deployed there?"],
    [404, 404, 'fail', 'answered 404 at / and 404 at its health path /health: no deployed service answers here'],
    [200, 503, 'fail', 'its health path /health answered 503: the deployment is down or crashing'],
    [502, 200, 'fail', 'answered 502: the deployment is down or crashing'],
  ])('base %i, health %i → %s', (baseStatus, healthStatus, status, message) => {
    expect(judgeDeployment(at(baseStatus, 'https://api.example.com/'), at(healthStatus, 'https://api.example.com/health'))).toMatchObject({ status, message });
  });

  it('names the edge a bare 404 came through', () => {
    const headers = { 'fly-request-id': '01J' };
    expect(judgeDeployment(at(404, 'https://shop.fly.dev/', headers), at(404, 'https://shop.fly.dev/health', headers)).message).toBe(
      'answered 404 at / and 404 at its health path /health (through Fly.io): no deployed service answers here',
    );
  });
});
