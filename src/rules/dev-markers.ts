import { header, type HttpResponse } from '../probes/http-response.js';

export interface DevMarker {
  kind: 'stack-trace' | 'x-powered-by' | 'dev-server' | 'development-build';
  where: string;
  detail: string;
}

/**
 * Stack-frame shapes of Node (`at fn (/app/x.js:1:2)`, `at node:internal/…`) and a few other runtimes, searched in
 * bodies after undoing the HTML escaping that Express's development error page applies.
 */
const STACK_PATTERNS: readonly RegExp[] = [
  /\bat\s+(?:[\w$.<>[\]\s]+\s+)?\(?(?:\/|[A-Za-z]:\\|node:|file:\/\/)[^()\s]*:\d+:\d+\)?/,
  /Traceback \(most recent call last\)/,
  /\bat\s+[\w$.]+\([\w$]+\.java:\d+\)/,
];

export function findStackTrace(body: string): string | undefined {
  const text = body.replace(/&nbsp;/g, ' ').replace(/<br\s*\/?>/gi, '\n').replace(/&#x2F;|&#47;/g, '/');
  for (const pattern of STACK_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0].replace(/\s+/g, ' ').slice(0, 160);
  }
  return undefined;
}

/** What an HTTP response shows about the service running outside production mode. */
export function devMarkers(response: HttpResponse, where: string): DevMarker[] {
  const markers: DevMarker[] = [];
  const stack = findStackTrace(response.body);
  if (stack) markers.push({ kind: 'stack-trace', where, detail: stack });
  const poweredBy = header(response, 'x-powered-by');
  if (poweredBy) markers.push({ kind: 'x-powered-by', where, detail: poweredBy });
  return markers;
}

/** What only a development server puts in a page or script: its client, hot reloading, refresh preambles. */
const DEV_SERVER_MARKERS: readonly (readonly [RegExp, string])[] = [
  [/\/@vite\/client\b/, 'the Vite dev-server client (/@vite/client)'],
  [/\/@react-refresh\b|__vite_plugin_react_preamble_installed__/, 'the React Fast Refresh preamble of the Vite dev server'],
  [/webpack-dev-server\/client|\/sockjs-node\b|__webpack_dev_server_client__/, 'the webpack-dev-server client'],
  [/webpack\/hot\/dev-server|__webpack_hmr\b|\bimport\.meta\.hot\b/, 'hot module replacement code'],
  [/\/_next\/static\/development\/|"buildId"\s*:\s*"development"/, 'the Next.js development server'],
];

/**
 * What only a development build ships: the bundler's development output or a framework's development bundle. Each is
 * text the production build strips (dead-code elimination of `process.env.NODE_ENV !== "production"` branches,
 * minifiers dropping comments), so its presence is the build mode, not a guess from the code's shape.
 */
const DEVELOPMENT_BUILD_MARKERS: readonly (readonly [RegExp, string])[] = [
  // webpack 5 prints this banner over every bundle built with an eval devtool (its default in mode: "development").
  [/The "eval" devtool has been used|\beval\(\s*["'][^\n]{0,2000}?\/\/# sourceURL=webpack:\/\//, 'a webpack development build (eval devtool)'],
  [/\breact(?:-dom)?(?:-[\w-]+)?\.development\.js\b/, 'the React development build'],
  [/You are running (?:Vue in development mode|a development build of Vue)|\[Vue warn\]|__VUE_HMR_RUNTIME__/, 'the Vue development build'],
  [/Angular is running in development mode/, 'Angular in development mode'],
  // Svelte 3/4 development components, and Svelte 5's development build that tags each component with its file.
  [/\bSvelteComponentDev\b|\bdispatch_dev\s*\(|\bvalidate_slots\s*\(|\[\s*(?:\$\.)?FILENAME\s*\]\s*=\s*["'][^"']+\.svelte["']/, 'the Svelte development build'],
];

/** Development-server and development-build markers in an HTML page or a script. */
export function frontendMarkers(body: string, where: string): DevMarker[] {
  const markers: DevMarker[] = [];
  for (const [pattern, detail] of DEV_SERVER_MARKERS) if (pattern.test(body)) markers.push({ kind: 'dev-server', where, detail });
  for (const [pattern, detail] of DEVELOPMENT_BUILD_MARKERS) if (pattern.test(body)) markers.push({ kind: 'development-build', where, detail });
  return markers;
}
