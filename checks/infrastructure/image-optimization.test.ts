import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageServer } from '../../fixtures/apps/images.js';
import { serve, type RunningServer } from '../../fixtures/apps/serve.js';
import { closedPort } from '../../test/helpers/aws.js';
import { runCheck, targetOf } from '../../test/helpers/run-check.js';
import check from './image-optimization.js';

describe('infrastructure.image-optimization against a real image server', () => {
  let images: RunningServer;
  beforeAll(async () => {
    images = await serve(imageServer());
  });
  afterAll(() => images?.close());
  const run = (paths: string[], record: string, options?: Record<string, unknown>) =>
    runCheck(check, targetOf({ aws: { region: 'us-east-1', images: paths.map((p) => (p.startsWith('http') ? p : `${images.url}${p}`)) } }), { record, ...(options ? { options } : {}) });

  it('passes WebP negotiated from Accept (with Vary: Accept), WebP and AVIF by URL, all cached for a year', async () => {
    const result = await run(['/products/negotiated.jpg', '/products/variant.webp', '/products/variant.avif'], 'modern formats, long-lived caching');
    expect(result).toMatchObject({ status: 'pass', message: '3 image(s) served as AVIF/WebP with long-lived caching' });
  });

  it('fails JPEG to a client that accepts WebP, a missing Cache-Control, a WebP label on JPEG bytes, and a 404', async () => {
    const jpeg = await run(['/products/original.jpg'], 'jpeg only');
    expect(jpeg).toMatchObject({ status: 'fail', message: `${images.url}/products/original.jpg: format: served as image/jpeg to a client that accepts AVIF and WebP` });
    expect(await run(['/products/no-cache.webp'], 'no cache-control')).toMatchObject({ status: 'fail', message: expect.stringMatching(/caching: no Cache-Control/) });
    expect(await run(['/products/mislabelled.webp'], 'mislabelled bytes')).toMatchObject({ status: 'fail', message: expect.stringMatching(/format: Content-Type says image\/webp but the bytes are jpeg/) });
    expect(await run(['/products/gone.webp'], 'missing image')).toMatchObject({ status: 'fail', message: expect.stringMatching(/image: answered 404$/) });
  });

  it('warns on a short max-age and on negotiation without Vary: Accept', async () => {
    expect(await run(['/products/short-cache.webp'], 'short max-age')).toMatchObject({ status: 'warn', message: expect.stringMatching(/max-age 3600 s is under 30 day\(s\)/) });
    expect(await run(['/products/no-vary.jpg'], 'negotiated without vary')).toMatchObject({ status: 'warn', message: expect.stringMatching(/without Vary: Accept/) });
  });

  it('reports error when the image host cannot be reached, and manual without images', async () => {
    const port = await closedPort();
    expect(await run([`http://127.0.0.1:${port}/x.webp`], 'image host down')).toMatchObject({ status: 'error', message: expect.stringMatching(/connection refused/) });
    expect(await runCheck(check, targetOf({ aws: { region: 'us-east-1' } }))).toMatchObject({ status: 'manual' });
  });
});
