import { expect } from 'vitest';
import { ProbeError } from '../../src/core/errors.js';

/** Awaits a probe call that must fail, and returns its ProbeError (failing the test if it resolved or threw something else). */
export async function probeFailure(promise: Promise<unknown>): Promise<ProbeError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProbeError);
    return error as ProbeError;
  }
  throw new Error('expected the probe to fail');
}
