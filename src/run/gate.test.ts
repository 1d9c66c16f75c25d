import { describe, expect, it } from 'vitest';
import { result } from '../../test/helpers/report.js';
import { evaluateGate, evaluateGoLive, SIGNOFF_IDS } from './gate.js';

const gate = { failOn: 'high' as const, strict: false, requireAttestations: false };

describe('evaluateGate', () => {
  it('fails on a fail or an error at or above the threshold, not below it', () => {
    expect(evaluateGate([result({ id: 'security.a', status: 'fail', severity: 'high' })], gate).passed).toBe(false);
    expect(evaluateGate([result({ id: 'security.a', status: 'error', severity: 'critical' })], gate).passed).toBe(false);
    expect(evaluateGate([result({ id: 'security.a', status: 'fail', severity: 'medium' })], gate).passed).toBe(true);
  });

  it('treats warn as gating only when strict, and manual only when attestations are required', () => {
    const warn = [result({ id: 'security.a', status: 'warn' })];
    const manual = [result({ id: 'security.a', status: 'manual' })];
    expect(evaluateGate(warn, gate).passed).toBe(true);
    expect(evaluateGate(warn, { ...gate, strict: true }).passed).toBe(false);
    expect(evaluateGate(manual, gate).passed).toBe(true);
    expect(evaluateGate(manual, { ...gate, requireAttestations: true }).passed).toBe(false);
  });

  it('does not gate on a waived failure, and fails an interrupted run', () => {
    const waived = result({
      id: 'security.a',
      status: 'fail',
      override: { kind: 'waiver', originalStatus: 'fail', by: 'x', reason: 'y', expires: '2099-01-01' },
    });
    expect(evaluateGate([waived], gate).passed).toBe(true);
    expect(evaluateGate([], gate, true).passed).toBe(false);
  });

  it('names each gating line in its reasons', () => {
    const verdict = evaluateGate([result({ id: 'security.a', status: 'fail', message: 'bad header' })], gate);
    expect(verdict.reasons).toEqual(['security.a [high] fail: bad header']);
  });
});

describe('evaluateGoLive', () => {
  const signed = SIGNOFF_IDS.map((id) => result({ id, status: 'pass', severity: 'critical' }));

  it('approves only a complete run with nothing failing, every manual line attested and all three sign-offs', () => {
    expect(evaluateGoLive([...signed, result({ id: 'security.a', status: 'pass' })], gate, true)).toEqual({ approved: true, blockers: [] });
  });

  it('lists what blocks the go-live', () => {
    const verdict = evaluateGoLive([result({ id: 'security.a', status: 'manual' })], gate, false);
    expect(verdict.approved).toBe(false);
    expect(verdict.blockers.join('\n')).toMatch(/only part of the checklist/);
    expect(verdict.blockers.join('\n')).toMatch(/1 manual line/);
    expect(verdict.blockers.join('\n')).toMatch(/sign-off missing: signoff.technical-lead, signoff.product-owner, signoff.devops-lead/);
  });
});
