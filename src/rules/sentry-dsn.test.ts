import { describe, expect, it } from 'vitest';
import { judgeSentryDsn } from './sentry-dsn.js';

const KEY = '0123456789abcdef0123456789abcdef';

describe('judgeSentryDsn', () => {
  it.each([
    [`https://${KEY}@o4505.ingest.sentry.io/4506`, 'sentry.io'],
    [`https://${KEY}@o4505.ingest.us.sentry.io/4506`, 'sentry.io'],
    [`https://${KEY}@o4505.ingest.de.sentry.io/4506`, 'sentry.io'],
    [`https://${KEY}@sentry.shop.com/12`, 'self-hosted'],
    [`https://${KEY}@errors.shop.com/sentry/12`, 'self-hosted'],
  ])('accepts %s', (dsn, hosting) => {
    const result = judgeSentryDsn(dsn);
    expect(result.ok && result.facts.hosting).toBe(hosting);
  });

  it.each([
    ['not-a-dsn', /not a URL/],
    [`ftp://${KEY}@o1.ingest.sentry.io/2`, /not https/],
    ['https://abc@o1.ingest.sentry.io/2', /32-hex-digit public key/],
    [`https://${KEY}@o1.ingest.sentry.io/project`, /numeric project id/],
    [`https://${KEY}@o1.ingest.eu.sentry.io/2`, /not a Sentry ingest host/],
  ])('rejects %s', (dsn, problem) => {
    const result = judgeSentryDsn(dsn);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(problem);
  });

  it('accepts with a caveat: plain http, or the deprecated secret key', () => {
    expect(judgeSentryDsn(`http://${KEY}@sentry.shop.com/3`)).toMatchObject({ ok: true, caveat: expect.stringMatching(/plain http/) });
    expect(judgeSentryDsn(`https://${KEY}:fedcba9876543210fedcba9876543210@sentry.io/3`)).toMatchObject({ ok: true, caveat: expect.stringMatching(/deprecated secret/) });
  });
});
