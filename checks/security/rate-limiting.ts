import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'security.rate-limiting',
  section: 'security',
  item: 'Rate limiting enabled and configured appropriately',
  severity: 'high',
  verifies: 'The API throttles requests per client (IP or API key) on auth, public and widget endpoints, with limits sized to real traffic, and answers 429 when exceeded.',
  attestation: 'The express-rate-limit settings per route group (window and max, e.g. 10 login attempts per 15 min, 100 req/min per API key) and output of a burst test such as `npx autocannon -c 20 -d 10 <login URL>` showing 429 responses with RateLimit headers.',
  remediation: "Add express-rate-limit before the routers (with a Redis store if more than one replica), stricter on login, OAuth callback and API-key routes, and set `app.set('trust proxy', 1)` so Railway's proxy address is not used as the client key.",
});
