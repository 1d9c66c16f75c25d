import { describe, expect, it } from 'vitest';
import { minifiedScript, unminifiedScript } from '../../fixtures/apps/static-site.js';
import { response } from '../../test/helpers/http-response.js';
import { frontendMarkers } from './dev-markers.js';
import { isSourceMap, minification, sourceMapReference } from './production-build.js';

describe('minification', () => {
  it('tells bundler output from readable code, and does not judge tiny files', () => {
    expect(minification(minifiedScript(8_000))).toMatchObject({ judged: true, minified: true });
    expect(minification(unminifiedScript(8_000))).toMatchObject({ judged: true, minified: false });
    expect(minification('console.log(1)\n').judged).toBe(false);
  });
});

describe('frontendMarkers', () => {
  it.each([
    ['<script type="module" src="/@vite/client"></script>', 'dev-server'],
    ['<script type="module">import RefreshRuntime from "/@react-refresh"</script>', 'dev-server'],
    ['if (import.meta.hot) { import.meta.hot.accept() }', 'dev-server'],
    ['new SockJS("/sockjs-node")', 'dev-server'],
    ['<script id="__NEXT_DATA__">{"buildId":"development"}</script>', 'dev-server'],
    ['/** @license React\n * react-dom.development.js */', 'development-build'],
    ['console.info("You are running a development build of Vue.")', 'development-build'],
  ])('finds %s', (body, kind) => {
    expect(frontendMarkers(body, '/x').map((m) => m.kind)).toContain(kind);
  });

  it('finds nothing in a production bundle', () => {
    expect(frontendMarkers(`/** @license React react-dom.production.min.js */${minifiedScript()}`, '/x')).toEqual([]);
  });
});

describe('source maps', () => {
  it('reads the sourceMappingURL comment or header, resolved against the script', () => {
    expect(sourceMapReference(response({ url: 'https://a.example/assets/app.js', body: 'x()\n//# sourceMappingURL=app.js.map\n' }))).toBe('https://a.example/assets/app.js.map');
    expect(sourceMapReference(response({ url: 'https://a.example/app.js', headers: { sourcemap: '/maps/app.map' } }))).toBe('https://a.example/maps/app.map');
    expect(sourceMapReference(response({ body: '//# sourceMappingURL=data:application/json;base64,e30=' }))).toBe('inline');
    expect(sourceMapReference(response({ body: 'x()' }))).toBeUndefined();
  });

  it('counts only real source-map JSON answering 200 (not an SPA fallback page)', () => {
    expect(isSourceMap(response({ body: '{"version":3,"sources":[],"mappings":"AAAA"}' }))).toBe(true);
    expect(isSourceMap(response({ body: '<!doctype html><div id=root>' }))).toBe(false);
    expect(isSourceMap(response({ status: 404, body: '{"mappings":""}' }))).toBe(false);
  });
});
