import { judged, type Judgement } from '../core/outcome.js';
import type { RenderObservation } from '../probes/browser.js';

/*
 * What a real browser saw when a storefront page embedded the widget: the script loaded, ran without throwing or
 * logging errors, and added something to the page. One page of readiness's own is not the merchants' themes, so a
 * pass here still leaves the themes to attest; but a widget that throws on a plain page throws everywhere.
 */

const FIX_LOAD = 'Make the script load cross-site: 200, text/javascript, Cross-Origin-Resource-Policy: cross-origin (and CORS * when embedded with crossorigin).';
const FIX_THROWS = 'Guard what the widget reads from the host page (its container, its config, window globals) and catch its own errors: a throw on one theme blanks the widget there.';
const FIX_CONSOLE = "Find what the widget logs as errors on a plain product page (missing config, failed calls) and fix it or log it at a lower level: merchants read a storefront's console as breakage.";
const FIX_NOTHING =
  "Nothing was added to a plain product page: if the widget waits for a container or config the default embed lacks, attest rendering on real stores; if it should render anywhere, find why it does not.";

export function judgeRender(seen: RenderObservation): Judgement[] {
  const where = `in Chromium ${seen.browserVersion} on ${seen.pageUrl}`;
  if (seen.script.failure || seen.script.status === null) {
    return [judged('rendering', 'fail', `the browser could not load the script (${seen.script.failure ?? 'no answer'}) ${where}`, FIX_LOAD)];
  }
  if (seen.script.status < 200 || seen.script.status >= 300) {
    return [judged('rendering', 'fail', `the browser got ${seen.script.status} for the script ${where}`, FIX_LOAD)];
  }
  const out: Judgement[] = [];
  if (seen.pageErrorCount > 0) {
    out.push(judged('rendering', 'fail', `the widget threw ${seen.pageErrorCount === 1 ? 'an uncaught exception' : `${seen.pageErrorCount} uncaught exceptions`} ${where}: ${seen.pageErrors[0] ?? ''}`, FIX_THROWS));
  }
  if (seen.consoleErrorCount > 0) {
    out.push(judged('console', 'warn', `${seen.consoleErrorCount} console error(s) ${where}: ${seen.consoleErrors[0] ?? ''}`, FIX_CONSOLE));
  }
  if (seen.pageErrorCount === 0 && seen.addedElements === 0) {
    out.push(judged('rendering', 'manual', `the script ran without errors but added nothing to the page ${where}`, FIX_NOTHING));
  }
  if (out.length === 0) {
    const writes = seen.blockedWrites.length > 0 ? `; its writes were not sent (${seen.blockedWrites.join(', ')})` : '';
    out.push(judged('rendering', 'pass', `added ${seen.addedElements} element(s) without errors ${where}${writes}`));
  }
  return out;
}
