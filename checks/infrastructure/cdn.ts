import { defineManualCheck } from '../../src/core/check.js';

export default defineManualCheck({
  id: 'infrastructure.cdn',
  section: 'infrastructure',
  item: 'CDN configured for static assets (optional)',
  severity: 'low',
  verifies: 'If a CDN is used, static assets (widget script, dashboard bundle, S3 images) are served through it with proper caching headers.',
  attestation: "`curl -sI https://<cdn-host>/widget.js` output showing a CDN cache header (e.g. `x-cache: Hit from cloudfront` or `cf-cache-status: HIT`) and Cache-Control, plus the distribution's settings; or a note that no CDN is used and why.",
  remediation: 'Put CloudFront (with origin access control to S3) or Cloudflare in front of static assets, use content-hashed filenames with long max-age, and give widget.js a short TTL or versioned URL.',
});
