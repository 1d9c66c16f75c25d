import { resolveUnder } from '../core/urls.js';
import type { ServiceConfig } from './schema/services.js';

/** A path of a configured service, resolved under its URL. */
export function serviceUrl(service: Pick<ServiceConfig, 'url'>, pathname: string): string {
  return resolveUnder(service.url, pathname);
}
