import type { FetchedAsset } from '../probes/pages.js';
import type { HttpResponse } from '../probes/http.js';
import { frontendMarkers } from './dev-markers.js';
import { judged, type Judgement } from '../core/outcome.js';

/** Below this many bytes a script says too little about how it was built. */
export const MIN_JUDGED_SCRIPT_BYTES = 2_048;

export interface Minification {
  judged: boolean;
  minified: boolean;
  averageLineLength: number;
  whitespaceRatio: number;
}

/**
 * Minified code has long lines and little whitespace; hand-written or development-bundled code has short, indented
 * lines. Thresholds: average line ≥ 150 characters, or under 5 % spaces and tabs.
 */
export function minification(code: string): Minification {
  const lines = code.split('\n');
  const averageLineLength = Math.round(code.length / Math.max(1, lines.length));
  const whitespace = (code.match(/[ \t]/g) ?? []).length;
  const whitespaceRatio = Math.round((whitespace / Math.max(1, code.length)) * 1000) / 1000;
  return {
    judged: code.length >= MIN_JUDGED_SCRIPT_BYTES,
    minified: averageLineLength >= 150 || whitespaceRatio < 0.05,
    averageLineLength,
    whitespaceRatio,
  };
}

/** The source map a script points at (a `//# sourceMappingURL=` comment or a SourceMap header), resolved; `inline` for data: URLs. */
export function sourceMapReference(script: HttpResponse): string | 'inline' | undefined {
  const header = script.headers.sourcemap?.[0] ?? script.headers['x-sourcemap']?.[0];
  const comment = /\/\/[#@]\s*sourceMappingURL=(\S+)\s*$/m.exec(script.body.slice(-4_096))?.[1];
  const reference = header ?? comment;
  if (!reference) return undefined;
  if (reference.startsWith('data:')) return 'inline';
  try {
    return new URL(reference, script.url).href;
  } catch {
    return undefined;
  }
}

/** A script's source map as looked up: inline in the script, or fetched where the script points or beside it (`<script>.map`). */
export type SourceMapLookup = 'inline' | { asset: FetchedAsset; referenced: boolean };

/** Where to look for a source map the script does not name: the script's own URL with `.map` appended (what bundlers emit). */
export function besideScript(scriptUrl: string): string {
  const url = new URL(scriptUrl);
  url.search = '';
  url.hash = '';
  url.pathname = `${url.pathname}.map`;
  return url.href;
}

/**
 * A script that only carries data — `window.__ENV__ = { … }` as runtime-config scripts write it — rather than
 * application code: no functions, classes, modules, loops or branches, and hardly a call. Its shape says nothing
 * about how the application was built.
 */
export function isConfigScript(code: string): boolean {
  if (code.length > 64 * 1024) return false;
  const bare = code
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
  if (/\bfunction\b|=>|\bclass\b|\bimport\b|\bexport\b|\brequire\s*\(|\bnew\s|\b(for|while|if|switch)\s*\(|\bdo\s*\{/.test(bare)) return false;
  return (bare.match(/\(/g) ?? []).length <= 3 && /=\s*(?:Object\.freeze\s*\(\s*)?[{[]/.test(bare);
}

/** True when a fetched source map is really one (not an HTML fallback page answering 200 for every path). */
export function isSourceMap(response: HttpResponse | undefined): boolean {
  if (!response || response.status !== 200) return false;
  return /^\s*\{/.test(response.body) && /"mappings"\s*:/.test(response.body);
}

const BUILD_FIX = 'Deploy the output of the production build (vite build / npm run build with NODE_ENV=production) and serve it statically; never run the dev server in production.';

/** A production build: no development server or build markers, minified application scripts, no public source maps. */
export function judgeProductionBuild(page: HttpResponse, scripts: readonly FetchedAsset[], maps: ReadonlyMap<string, SourceMapLookup>): Judgement[] {
  const findings: Judgement[] = [];
  const where = (url: string) => (sameOrigin(url, page.url) ? new URL(url).pathname : url.replace(/[?#].*$/, ''));
  const markers = [...frontendMarkers(page.body, where(page.url)), ...scripts.flatMap((s) => (s.response ? frontendMarkers(s.response.body, where(s.url)) : []))];
  for (const marker of markers) findings.push(judged(marker.where, 'fail', `${marker.detail} is served`, BUILD_FIX));
  let configScripts = 0;
  for (const script of scripts) {
    if (script.failure) {
      findings.push(judged(where(script.url), 'error', `could not be fetched: ${script.failure.message}`));
      continue;
    }
    const response = script.response!;
    if (response.status !== 200) {
      findings.push(judged(where(script.url), 'fail', `the page loads it but it answers ${response.status}: the deployed build is broken`, BUILD_FIX));
      continue;
    }
    const shape = minification(response.body);
    if (shape.judged && !shape.minified) {
      if (isConfigScript(response.body)) configScripts++;
      else {
        findings.push(
          judged(where(script.url), 'fail', `not minified (average line ${shape.averageLineLength} characters, ${Math.round(shape.whitespaceRatio * 100)} % whitespace)`, BUILD_FIX),
        );
      }
    }
    const map = maps.get(script.url);
    if (map === 'inline') {
      findings.push(judged(where(script.url), 'warn', 'carries an inline source map: the original source ships to every visitor', 'Build without inline source maps (build.sourcemap: false or "hidden").'));
    } else if (map?.asset.response && isSourceMap(map.asset.response)) {
      findings.push(
        judged(
          where(map.asset.url),
          'warn',
          map.referenced ? 'public source map: anyone can read the original source' : 'public source map, served beside the script though the script does not point to it: anyone can read the original source',
          'Build with hidden source maps (build.sourcemap: "hidden") and upload them to the error tracker instead of serving them.',
        ),
      );
    }
  }
  if (findings.length === 0) {
    const judgedScripts = scripts.length - configScripts;
    findings.push(
      judged('build', 'pass', `${judgedScripts} script(s) minified${configScripts > 0 ? ` (and ${configScripts} configuration script(s) not judged)` : ''}, no development markers, no public source maps`),
    );
  }
  return findings;
}

function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}
