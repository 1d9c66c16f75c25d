import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { envWorkspace } from '../../test/helpers/env-target.js';
import { ProbeError } from '../core/errors.js';
import { LogsProbe } from './logs.js';

const ws = envWorkspace('readiness-logs-probe-');
afterAll(() => ws.remove());

/** Scans one file source and returns the scan and the lines seen. */
async function scan(file: string, content: string | Uint8Array, maxBytes?: number) {
  ws.write(file, content);
  const probe = new LogsProbe(ws.target(`  prod:\n    logs: [{ file: ${file}${maxBytes ? `, maxBytes: ${maxBytes}` : ''} }]\n`));
  const lines: string[] = [];
  const result = await probe.scan(0, new AbortController().signal, (line) => lines.push(line));
  return { result, lines };
}

describe('LogsProbe: compressed files', () => {
  it('decompresses gzip by its magic bytes, whatever the name, and zlib and brotli by theirs', async () => {
    const text = 'one\ntwo\nthree\n';
    for (const [file, content, compression] of [
      ['rotated.log.1.gz', gzipSync(text), 'gzip'],
      ['rotated-without-extension', gzipSync(text), 'gzip'],
      ['app.log.zz', deflateSync(text), 'zlib'],
      ['app.log.br', brotliCompressSync(text), 'brotli'],
    ] as const) {
      const { result, lines } = await scan(file, content);
      expect({ file, lines, compression: result.compression, bytesRead: result.bytesRead }).toEqual({ file, lines: ['one', 'two', 'three'], compression, bytesRead: text.length });
    }
  });

  it('gzip members concatenated (logrotate appends) are read through', async () => {
    const { lines } = await scan('members.gz', Buffer.concat([gzipSync('a\n'), gzipSync('b\n')]));
    expect(lines).toEqual(['a', 'b']);
  });

  it('stops a decompression bomb at maxBytes of text and says the read was cut', async () => {
    const { result } = await scan('bomb.gz', gzipSync(Buffer.alloc(50 * 1024 * 1024, 'a\n')), 64 * 1024);
    expect(result).toMatchObject({ bytesRead: 64 * 1024, truncated: true, compression: 'gzip' });
  });

  it('is a protocol error, not a clean log, when the compressed data is corrupt', async () => {
    const broken = gzipSync('x\n'.repeat(1000)).subarray(0, 20);
    await expect(scan('broken.gz', broken)).rejects.toThrow(ProbeError);
    await expect(scan('broken.gz', broken)).rejects.toMatchObject({ code: 'protocol', message: expect.stringMatching(/^is not a valid gzip file/) });
  });

  it('counts blank lines apart, so an empty or blank source can be told from a clean one', async () => {
    expect((await scan('empty.log', '')).result).toMatchObject({ lines: 0, nonBlankLines: 0, bytesRead: 0 });
    expect((await scan('blank.log', '\n \n')).result).toMatchObject({ lines: 2, nonBlankLines: 0 });
    expect((await scan('plain.log', 'a\n\nb\n')).result).toMatchObject({ lines: 3, nonBlankLines: 2 });
  });
});
