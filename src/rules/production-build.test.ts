import { describe, expect, it } from 'vitest';
import { runtimeConfigScript, vueDevelopmentBuild, webpackDevelopmentBundle } from '../../fixtures/apps/frontend-builds.js';
import { minifiedScript, unminifiedScript } from '../../fixtures/apps/static-site.js';
import { response } from '../../test/helpers/http-response.js';
import { frontendMarkers } from './dev-markers.js';
import { besideScript, isConfigScript, isSourceMap, minification, sourceMapReference } from './production-build.js';

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
    ['warn(`[Vue warn]: ${msg}`)', 'development-build'],
    ['/** @license React\n * react-dom-client.development.js */', 'development-build'],
    [' * ATTENTION: The "eval" devtool has been used (maybe by default in mode: "development").', 'development-build'],
    ['eval("__webpack_require__.r(__webpack_exports__);\\n\\n//# sourceURL=webpack://shop/./src/App.jsx?");', 'development-build'],
    ['class App extends SvelteComponentDev {', 'development-build'],
    ['App[FILENAME] = "src/App.svelte";', 'development-build'],
    ['Angular is running in development mode.', 'development-build'],
  ])('finds %s', (body, kind) => {
    expect(frontendMarkers(body, '/x').map((m) => m.kind)).toContain(kind);
  });

  it('finds nothing in a production bundle', () => {
    expect(frontendMarkers(`/** @license React react-dom.production.min.js */${minifiedScript()}`, '/x')).toEqual([]);
    expect(frontendMarkers('/*! vue v3.4.21 | (c) 2018-present Yuxi (Evan) You | @license MIT */var Vue=function(e){"use strict";', '/x')).toEqual([]);
  });

  it('recognises the fixtures of the real builds', () => {
    expect(frontendMarkers(webpackDevelopmentBundle(20_000), '/main.js').map((m) => m.detail)).toEqual(['a webpack development build (eval devtool)']);
    expect(frontendMarkers(vueDevelopmentBuild(), '/vue.js').map((m) => m.detail)).toEqual(['the Vue development build']);
    // Its eval lines make a webpack development bundle look minified by shape: the marker, not the shape, tells.
    expect(minification(webpackDevelopmentBundle(20_000)).minified).toBe(true);
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

describe('configuration scripts and maps beside scripts', () => {
  it('tells a script that only assigns data from application code', () => {
    expect(isConfigScript(runtimeConfigScript())).toBe(true);
    expect(isConfigScript('window.__ENV__ = Object.freeze({ "API_URL": "https://api.shop.example" });')).toBe(true);
    expect(isConfigScript(unminifiedScript(4_000))).toBe(false);
    expect(isConfigScript('window.config = { onLoad: () => boot() };')).toBe(false);
    expect(isConfigScript('console.log("hello")')).toBe(false);
  });

  it('looks for the map where bundlers put it, without the query string', () => {
    expect(besideScript('https://a.example/assets/app-1f.js?v=3')).toBe('https://a.example/assets/app-1f.js.map');
  });
});
