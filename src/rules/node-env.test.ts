import { describe, expect, it } from 'vitest';
import { judgeNodeEnv } from './node-env.js';

const env = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('judgeNodeEnv', () => {
  it('passes exactly "production"', () => {
    expect(judgeNodeEnv(env({ NODE_ENV: 'production' }), 'api')).toMatchObject({ status: 'pass', message: 'NODE_ENV=production for api' });
  });

  it.each([
    [{}, /not set/],
    [{ NODE_ENV: 'development' }, /is "development", not exactly "production"/],
    [{ NODE_ENV: 'Production' }, /is "Production"/],
    [{ NODE_ENV: 'prod' }, /is "prod"/],
    [{ NODE_ENV: ' production ' }, /whitespace/],
  ])('fails %j', (entries, message) => {
    const result = judgeNodeEnv(env(entries));
    expect(result.status).toBe('fail');
    expect(result.message).toMatch(message);
    expect(result.remediation).toMatch(/NODE_ENV=production/);
  });

  it('does not repeat a value that looks like a pasted secret', () => {
    const pasted = 'sk_live_51HcQ2e8Zk29fj20aQxYw';
    const result = judgeNodeEnv(env({ NODE_ENV: pasted }));
    expect(result.status).toBe('fail');
    expect(JSON.stringify(result)).not.toContain(pasted);
  });
});
