import { describe, expect, it } from 'vitest';
import { response } from '../../test/helpers/http-response.js';
import { healthWord, readHealthJson } from './health-body.js';
import { judgeHealth } from './health.js';

const json = (body: unknown, contentType = 'application/json; charset=utf-8') => response({ url: 'https://api.example.com/health', body: JSON.stringify(body), headers: { 'content-type': contentType } });
const verdict = (r: ReturnType<typeof response>) => {
  const o = judgeHealth(r, 5_000);
  return `${o.status}: ${o.message}`;
};

describe('judgeHealth reads the shapes health endpoints write', () => {
  it.each<[string, unknown, string]>([
    ['a top-level status word', { status: 'ok' }, 'pass: 200 in 5 ms'],
    ['Spring Boot UP', { status: 'UP', components: { db: { status: 'UP', details: { database: 'PostgreSQL' } }, diskSpace: { status: 'UP', details: { free: 1, threshold: 2 } } } }, 'pass: 200 in 5 ms'],
    ['Spring Boot DOWN', { status: 'DOWN', components: { db: { status: 'DOWN' } } }, 'fail: answered 200 but its body reports status "DOWN"'],
    ['Spring Boot OUT_OF_SERVICE', { status: 'OUT_OF_SERVICE' }, 'fail: answered 200 but its body reports status "OUT_OF_SERVICE"'],
    ['Spring Boot 2.0 details with a component down under UP', { status: 'UP', details: { db: { status: 'DOWN', details: { error: 'timeout' } } } }, 'warn: answered 200 in 5 ms but reports details.db.status "DOWN"'],
    ['nested Spring components', { status: 'UP', components: { broker: { status: 'UP', components: { us1: { status: 'DOWN' } } } } }, 'warn: answered 200 in 5 ms but reports components.broker.components.us1.status "DOWN"'],
    ['Terminus ok', { status: 'ok', info: { database: { status: 'up' } }, error: {}, details: { database: { status: 'up' } } }, 'pass: 200 in 5 ms'],
    ['Terminus error', { status: 'error', info: {}, error: { database: { status: 'down', message: 'refused' } }, details: { database: { status: 'down' } } }, 'fail: answered 200 but its body reports status "error"'],
    ['Terminus shutting down', { status: 'shutting_down' }, 'fail: answered 200 but its body reports status "shutting_down"'],
    ['the IETF draft pass', { status: 'pass', checks: { 'postgres:responseTime': [{ componentId: 'db1', status: 'pass' }] } }, 'pass: 200 in 5 ms'],
    ['the IETF draft warn', { status: 'warn', checks: { 'postgres:responseTime': [{ status: 'warn' }] } }, 'warn: answered 200 in 5 ms but reports status "warn"'],
    ['the IETF draft with only checks failing', { checks: { 'postgres:connections': [{ status: 'fail' }, { status: 'pass' }] } }, 'fail: answered 200 but its body reports checks.postgres:connections[0].status "fail"'],
    ['an envelope around a down status', { success: true, data: { status: 'down' } }, 'fail: answered 200 but its body reports data.status "down"'],
    ['ok: false', { ok: false }, 'fail: answered 200 but its body reports ok: false'],
    ['status: false', { status: false }, 'fail: answered 200 but its body reports status: false'],
    ['healthy: true', { healthy: true, uptime: 12 }, 'pass: 200 in 5 ms'],
    ['success: false', { success: false, message: 'db unreachable' }, 'fail: answered 200 but its body reports success: false'],
    ['an error text', { error: 'database unreachable' }, 'fail: answered 200 but its body reports error "database unreachable"'],
    ['a list of checks', [{ name: 'db', status: 'down' }, { name: 'cache', status: 'up' }], 'fail: answered 200 but its body reports db.status "down"'],
    ['a body that says nothing recognisable', { uptime: 12, version: '1.2.3' }, 'pass: 200 in 5 ms'],
    ['a status word no format uses', { status: 'purple' }, 'pass: 200 in 5 ms'],
  ])('%s', (_name, body, expected) => {
    expect(verdict(json(body))).toBe(expected);
  });

  it('reads application/health+json, the IETF draft media type', () => {
    expect(verdict(json({ status: 'fail' }, 'application/health+json'))).toBe('fail: answered 200 but its body reports status "fail"');
  });

  it('cannot read a JSON answer that does not parse: error, never pass', () => {
    expect(verdict(response({ body: '{"status":"ok"', headers: { 'content-type': 'application/json' } }))).toBe(
      'error: answered 200 with application/json but the body does not parse as JSON: its health cannot be read',
    );
    expect(verdict(response({ body: '{"status":', truncated: true, headers: { 'content-type': 'application/json' } }))).toMatch(/cut at the 10-byte read cap/);
  });

  it.each([
    ['<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>', 'fail: answered 200 with an error page (title "500 Internal Server Error"), not a healthy answer'],
    ['<!doctype html><title>Shop</title><h1>Something went wrong</h1>', 'fail: answered 200 with an error page (heading "Something went wrong"), not a healthy answer'],
    ['<!doctype html><title>Application Error</title>', 'fail: answered 200 with an error page (title "Application Error"), not a healthy answer'],
    ['<!doctype html><title>Status</title><h1>All systems operational</h1>', 'pass: 200 in 5 ms'],
  ])('judges an HTML answer by its title and heading: %s', (body, expected) => {
    expect(verdict(response({ body, headers: { 'content-type': 'text/html; charset=utf-8' } }))).toBe(expected);
  });

  it.each([
    ['OK', 'pass: 200 in 5 ms'],
    ['healthy', 'pass: 200 in 5 ms'],
    ['DOWN', 'fail: answered 200 with an error page (text "DOWN"), not a healthy answer'],
    ['Service Unavailable', 'fail: answered 200 with an error page (text "Service Unavailable"), not a healthy answer'],
    ['error: database connection refused', 'fail: answered 200 with an error page (text "error: database connection refused"), not a healthy answer'],
  ])('judges a text answer by its first line: %s', (body, expected) => {
    expect(verdict(response({ body, headers: { 'content-type': 'text/plain' } }))).toBe(expected);
  });
});

describe('health words', () => {
  it('knows the words of Spring, Terminus, the IETF draft and hand-written endpoints, case and separators ignored', () => {
    expect(['UP', 'ok', 'pass', 'Healthy', 'SERVING'].map(healthWord)).toEqual(['healthy', 'healthy', 'healthy', 'healthy', 'healthy']);
    expect(['DOWN', 'out of service', 'OUT_OF_SERVICE', 'shutting-down', 'fail', 'error'].map(healthWord)).toEqual(Array(6).fill('unhealthy'));
    expect(['degraded', 'WARN', 'UNKNOWN'].map(healthWord)).toEqual(['degraded', 'degraded', 'degraded']);
    expect(healthWord('purple')).toBeUndefined();
  });

  it('keeps every reading as evidence', () => {
    expect(readHealthJson({ status: 'UP', components: { db: { status: 'UP' } } }).readings.map((r) => r.path)).toEqual(['status', 'components.db.status']);
  });
});
