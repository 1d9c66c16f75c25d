import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretParts } from './structured.js';

const pem = generateKeyPairSync('ec', { namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } }).privateKey;

describe('secretParts: the secrets inside structured values, in canonical form', () => {
  it('gives a PEM key the same canonical form with real line breaks, written \\n, inside JSON and under base64', () => {
    const canonical = secretParts(pem).map((p) => p.secret);
    expect(canonical).toHaveLength(1);
    const json = JSON.stringify({ type: 'service_account', private_key_id: 'abc123', private_key: pem });
    for (const wrapped of [pem.replace(/\n/g, '\\n'), json, Buffer.from(json).toString('base64')]) {
      expect(secretParts(wrapped).map((p) => p.secret)).toContain(canonical[0]);
    }
    expect(secretParts(json).map((p) => p.where)).toEqual(['private_key inside its JSON']);
  });

  it('finds URL passwords, connection-string keys and secret-named JSON fields, not identifiers', () => {
    expect(secretParts('postgres://app:Zk29-pw@db/x').map((p) => p.where)).toEqual(['inside the value']);
    expect(secretParts('DefaultEndpointsProtocol=https;AccountName=a;AccountKey=Zk29fj20aQ==;EndpointSuffix=core.windows.net')).toEqual([
      { secret: 'Zk29fj20aQ==', where: 'AccountKey inside its connection string', raw: 'Zk29fj20aQ==' },
    ]);
    const parts = secretParts(JSON.stringify({ client_id: 'shop', client_secret: 'Cs-42-xyz', nested: { db: { password: 'Pw-9' } } }));
    expect(parts.map((p) => p.where)).toEqual(['client_secret inside its JSON', 'nested.db.password inside its JSON']);
    expect(secretParts('just a value')).toEqual([]);
  });
});
