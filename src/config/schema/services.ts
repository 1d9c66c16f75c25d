import { z } from 'zod';
import { httpUrl, urlPath } from './common.js';

/** One deployed service (api, dashboard, widget, …) reachable over HTTP(S). */
export const serviceSchema = z.strictObject({
  url: httpUrl.describe('Base URL of the deployed service'),
  health: urlPath.default('/health').describe('Health endpoint path, expected to answer 200'),
});

export const servicesSchema = z
  .record(z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: 'expected a lower-case service name' }), serviceSchema)
  .refine((services) => Object.keys(services).length > 0, { message: 'expected at least one service' });

export type ServiceConfig = z.infer<typeof serviceSchema>;
