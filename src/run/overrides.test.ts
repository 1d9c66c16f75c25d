import { describe, expect, it } from 'vitest';
import { result } from '../../test/helpers/report.js';
import { applyOverrides } from './overrides.js';

const attestation = {
  check: 'operational.status-page',
  environment: 'prod',
  by: 'Jane Doe',
  at: '2026-11-01',
  evidence: 'https://status.example.com',
  expires: '2027-02-01',
};
const waiver = { check: 'infrastructure.cdn', reason: 'CDN next sprint', owner: 'ops@example.com', expires: '2026-12-31' };
const base = { environment: 'prod', attestations: [attestation], waivers: [waiver], today: '2026-11-28' };

describe('applyOverrides', () => {
  it('turns a manual line into pass on a valid attestation and says who, when and until when', () => {
    const [r] = applyOverrides([result({ id: 'operational.status-page', status: 'manual' })], base);
    expect(r).toMatchObject({ status: 'pass', override: { kind: 'attestation', originalStatus: 'manual', by: 'Jane Doe', expires: '2027-02-01' } });
    expect(r?.message).toContain('attested by Jane Doe on 2026-11-01');
  });

  it('ignores an attestation for another environment, one dated in the future, and an expired one (and says it expired)', () => {
    const manual = result({ id: 'operational.status-page', status: 'manual' });
    expect(applyOverrides([manual], { ...base, environment: 'staging' })[0]?.status).toBe('manual');
    expect(applyOverrides([manual], { ...base, today: '2026-10-01' })[0]?.status).toBe('manual');
    const expired = applyOverrides([manual], { ...base, today: '2027-03-01' })[0];
    expect(expired?.status).toBe('manual');
    expect(expired?.message).toContain('expired on 2027-02-01');
  });

  it('never lets an attestation overrule a failing automated verdict', () => {
    const [r] = applyOverrides([result({ id: 'operational.status-page', status: 'fail' })], base);
    expect(r?.status).toBe('fail');
    expect(r?.override).toBeUndefined();
  });

  it('marks a failure as waived until the waiver expires, keeping the true status', () => {
    const fail = result({ id: 'infrastructure.cdn', status: 'fail' });
    expect(applyOverrides([fail], base)[0]).toMatchObject({ status: 'fail', override: { kind: 'waiver', by: 'ops@example.com' } });
    const expired = applyOverrides([fail], { ...base, today: '2027-01-01' })[0];
    expect(expired?.override).toBeUndefined();
    expect(expired?.message).toContain('waiver by ops@example.com expired on 2026-12-31');
  });
});
