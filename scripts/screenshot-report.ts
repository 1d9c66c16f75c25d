import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { packageRoot } from '../src/cli/package-info.js';

/**
 * `npm run build && node dist/scripts/screenshot-report.js`: renders the demo's HTML report in headless Chromium
 * (Debian's `chromium`, or CHROMIUM=<path>), proves it fetches nothing beyond its own file, that the status filter
 * and the manual toggle work without a script, and writes docs/report.png (the README's screenshot).
 */
const root = packageRoot();
const out = mkdtempSync(path.join(tmpdir(), 'readiness-screenshot-'));
const executablePath = process.env.CHROMIUM ?? execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();

try {
  const demo = spawnSync(process.execPath, [path.join(root, 'bin', 'readiness.js'), 'demo', '--format', 'html', '--out', out], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', CI: '' },
    encoding: 'utf8',
  });
  // The demo's target fails on purpose: exit 1 is its verdict, anything else is a broken run.
  if (demo.status !== 1) throw new Error(`readiness demo exited ${demo.status}: ${demo.stderr}`);
  const file = path.join(out, 'report.html');

  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 });
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (request.url() !== pathToFileURL(file).href) fetched.push(request.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const visibleRows = () => page.locator('tr.line:visible').count();
    const all = await visibleRows();
    await page.click('label[for="f-attention"]');
    const attention = await visibleRows();
    const attentionStatuses = await page.locator('tr.line:visible').evaluateAll((rows) => [...new Set(rows.map((r) => r.className.replace(/.*s-/, '')))]);
    await page.click('label[for="f-manual"]');
    const manual = await visibleRows();
    await page.click('label[for="f-all"]');
    await page.click('label[for="show-manual"]');
    const everything = await visibleRows();
    await page.click('label[for="show-manual"]');
    if (fetched.length > 0) throw new Error(`the report fetched ${fetched.join(', ')}`);
    if (!(attention > 0 && attention < all && manual > 0 && everything === all + manual)) {
      throw new Error(`filters misbehave: all ${all}, attention ${attention}, manual ${manual}, all with manual ${everything}`);
    }
    if (attentionStatuses.some((s) => !['fail', 'error', 'warn'].includes(s))) throw new Error(`"Needs attention" shows ${attentionStatuses.join(', ')}`);
    await page.screenshot({ path: path.join(root, 'docs', 'report.png'), fullPage: false });
    process.stdout.write(
      `rows shown: ${all} by default (manual collapsed), ${attention} needing attention, ${manual} manual, ${everything} with manual shown; requests beyond the file: 0\nwrote ${path.join('docs', 'report.png')}\n`,
    );
  } finally {
    await browser.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
