import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate.js';

describe('interpolate', () => {
  it('replaces ${VAR} and ${VAR:-default} from the given variables', () => {
    const result = interpolate({ a: '${HOST}', b: ['x-${PORT:-8080}'], c: 3 }, { HOST: 'api.example.com' });
    expect(result.value).toEqual({ a: 'api.example.com', b: ['x-8080'], c: 3 });
    expect(result.unresolved).toEqual([]);
  });

  it('uses the default when the variable is set but empty, like docker compose', () => {
    expect(interpolate('${X:-fallback}', { X: '' }).value).toBe('fallback');
  });

  it('records unset variables with their key path instead of guessing', () => {
    const result = interpolate({ env: { prod: { url: '${DATABASE_URL}' } } }, {});
    expect(result.unresolved).toEqual([{ path: ['env', 'prod', 'url'], variable: 'DATABASE_URL' }]);
  });

  it('keeps $${ as a literal ${', () => {
    expect(interpolate('$${NOT_A_VAR}', {}).value).toBe('${NOT_A_VAR}');
  });

  it('reports malformed references', () => {
    expect(interpolate({ a: '${1BAD}' }, {}).malformed).toHaveLength(1);
    expect(interpolate({ a: 'open ${ never closed' }, {}).malformed).toHaveLength(1);
  });

  it('lists every substitution so secret-looking values can be redacted', () => {
    const result = interpolate({ secret: '${WEBHOOK_SECRET}' }, { WEBHOOK_SECRET: 'abc123xyz' });
    expect(result.substitutions).toEqual([{ variable: 'WEBHOOK_SECRET', path: ['secret'], value: 'abc123xyz' }]);
  });
});
