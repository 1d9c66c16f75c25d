import { SERVICE_KINDS, serviceKind } from '../../src/config/schema/services.js';
import { defineCheck } from '../../src/kit/check.js';
import { perService } from '../../src/kit/per-service.js';
import { DEV_PORTS, judgeApiCors } from '../../src/rules/cors.js';
import { verdictOf } from '../../src/core/outcome.js';
import { observeCors } from '../../src/kit/cors.js';

export default defineCheck({
  id: 'security.cors-origins',
  section: 'security',
  item: 'CORS origins restricted to production domains only',
  severity: 'high',
  automation: 'automated',
  needs: ['services'],
  verifies:
    'The API (and every other non-widget service) allows no hostile origin: no reflection of arbitrary origins, never with credentials, `*` only where the config declares the API public, ' +
    'and Vary: Origin wherever Access-Control-Allow-Origin depends on the request. Configured origins are allowed.',
  how:
    `For the service route (if set) and /: a GET with Origin and a preflight (OPTIONS, Access-Control-Request-Method: POST, -Headers: authorization, content-type) per origin, redirects not followed. ` +
    'Hostile origins, with no cap that drops any: https://evil.example, null; look-alikes of the service\'s and each configured origin\'s host and registrable domain that defeat unanchored or unescaped regular expressions ' +
    '(https://<host>.evil.example, https://evil<host>, the host with its first dot replaced by a letter); the http:// twin of each https origin; ' +
    `and every development origin family, with a GET on the first path (an allow-list is app-wide, and the GET's Access-Control-Allow-Origin decides whether a page reads the answer): http://localhost and http://127.0.0.1 on the dev servers' default ports (${DEV_PORTS.join(', ')}) and without a port, https://localhost on 3000, 5173, 4200, 8443. ` +
    'Plus each origin in services.<name>.origins. Configured origins and the service\'s own origin are never hostile. ' +
    'Fail: a hostile origin echoed in Access-Control-Allow-Origin (with Access-Control-Allow-Credentials: true it is critical); `*` with credentials; `*` on a kind: api service unless origins contains "*". ' +
    'Warn: a configured origin not allowed; a configured origin that is one of those development origins; a per-request Access-Control-Allow-Origin without Vary: Origin. Widget services are judged by infrastructure.widget-cors. ' +
    'Anchors: the Fetch standard\'s CORS protocol (an allowed origin is echoed exactly, credentials never with *), PortSwigger\'s CORS misconfiguration classes.',
  remediation:
    'Configure the cors middleware with an exact allow-list read from configuration (the production dashboard origin only), e.g. cors({ origin: ["https://app.example.com"], credentials: true }); ' +
    'never origin: true or an unanchored regex, never "*" on credentialed routes, and keep the widget on its own credential-free policy.',
  async run(ctx) {
    return perService(
      ctx,
      async (name, service) => {
        const paths = [...(service.route ? [service.route] : []), '/'];
        const seen = await observeCors(ctx, service, paths);
        return verdictOf(judgeApiCors(seen.answers, { allowed: seen.allowed, kind: serviceKind(name, service) }), 'no hostile origin is allowed', seen.evidence);
      },
      {
        kinds: SERVICE_KINDS.filter((kind) => kind !== 'widget'),
        none: 'no non-widget service configured (the widget is judged by infrastructure.widget-cors)',
        pass: 'no service allows a hostile origin',
      },
    );
  },
});
