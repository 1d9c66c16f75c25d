import { z } from 'zod';
import { combine, outcome, type Part } from '../../src/core/outcome.js';
import { defineCheck } from '../../src/kit/check.js';
import { probeFailure } from '../../src/kit/probe-failure.js';
import { httpProbe } from '../../src/probes/http.js';
import { IMAGE_ACCEPT, judgeImage } from '../../src/rules/image-delivery.js';

const ATTESTATION =
  'Record of a test upload through the dashboard: the resulting S3 keys and sizes (`aws s3 ls s3://<bucket>/<prefix>/`) showing resized/WebP variants, and a served image URL with its Content-Type, Cache-Control and byte size.';

const options = z.strictObject({
  minMaxAgeDays: z.number().positive().default(30).describe('A Cache-Control max-age (or s-maxage) shorter than this many days is a warning'),
});

export default defineCheck<z.infer<typeof options>>({
  id: 'infrastructure.image-optimization',
  section: 'infrastructure',
  item: 'Image optimization pipeline tested',
  severity: 'medium',
  automation: 'partial',
  needs: ['aws'],
  options,
  verifies: 'Uploaded images are resized and compressed into the expected formats and sizes, stored in S3 and served correctly.',
  how:
    'GETs each URL of aws.images (images the pipeline published, as users get them) with a browser\'s Accept (image/avif, image/webp first; at most 64 KiB read). ' +
    'Pass: 200, Content-Type image/avif or image/webp (SVG passes as vector) and the bytes agree (RIFF…WEBP, ftypavif), with a cacheable Cache-Control whose max-age/s-maxage is at least minMaxAgeDays (30). ' +
    'Fail: any other status, JPEG/PNG/GIF to a client that accepts AVIF and WebP, a Content-Type the bytes contradict, or no cacheable Cache-Control (missing, no-store, private, no-cache). ' +
    'Warn: a shorter max-age, or a format negotiated from Accept for a .jpg/.png URL without Vary: Accept. Manual: no aws.images configured (the upload itself is a person\'s test).',
  remediation: 'Fix the pipeline (e.g. sharp on upload or in a worker) to produce resized WebP/AVIF variants, set Content-Type and Cache-Control on upload, and add a test that uploads a large JPEG.',
  attestation: ATTESTATION,
  async run(ctx) {
    const images = ctx.environment.aws?.images ?? [];
    if (images.length === 0) return outcome('manual', `no aws.images configured, so a person must check: ${ATTESTATION}`);
    const http = ctx.probe(httpProbe);
    const parts: Part[] = await Promise.all(
      images.map(async (url): Promise<Part> => {
        try {
          const image = await http.fetch({ url, headers: { accept: IMAGE_ACCEPT }, maxBodyBytes: 64 * 1024 });
          return { label: url, outcome: judgeImage(image, { minMaxAgeSeconds: ctx.options.minMaxAgeDays * 86_400 }) };
        } catch (error) {
          return { label: url, outcome: probeFailure(error) };
        }
      }),
    );
    return combine(parts, { pass: `${images.length} image(s) served as AVIF/WebP with long-lived caching` });
  },
});
