import { header, type HttpResponse } from '../probes/http-response.js';

/**
 * Hosting platforms answer for a domain even when no deployment is behind it. These are their own tell-tale
 * signs, so "the domain answers" is not mistaken for "the service is deployed".
 */
export function platformNotDeployed(response: HttpResponse): string | undefined {
  if (header(response, 'x-railway-fallback') === 'true') return 'Railway answered with its fallback page: no deployment serves this domain';
  if (header(response, 'x-render-routing') === 'no-server') return 'Render answered "no-server": the service is not running';
  const vercelError = header(response, 'x-vercel-error');
  if (vercelError && /NOT_FOUND|DEPLOYMENT/i.test(vercelError)) return `Vercel answered ${vercelError}`;
  if (response.status === 404 && /herokucdn\.com\/error-pages\/no-such-app/i.test(response.body)) return 'Heroku answered "no such app"';
  if (/Application not found/i.test(response.body) && /railway/i.test(response.body)) return 'Railway answered "Application not found"';
  return undefined;
}
