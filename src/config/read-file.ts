import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';

/** Why a file the user named could not be read: a phrase that completes "<file>: …". */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: string,
    /** The errno code when the system refused, e.g. ENOENT or EACCES. */
    readonly code?: string,
    /** The file is there and regular, but past the cap. */
    readonly tooLarge = false,
  ) {
    super(reason);
    this.name = 'UnreadableFileError';
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/**
 * Reads a regular file, at most `maxBytes`. Opened without blocking, so a FIFO cannot hang the run waiting for a
 * writer; the type is checked on the opened handle (no race with a rename), so a directory, a FIFO or a device
 * such as /dev/zero is refused before a byte is read; and the read stops past the cap even when the file grows
 * or its size says 0 (as /proc files do).
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw systemRefusal(error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UnreadableFileError(`${describeKind(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw tooLarge(maxBytes, stats.size);
    // The size is only a hint (a file still growing, /proc files saying 0): the cap is enforced on what is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(256 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(maxBytes);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    throw error instanceof UnreadableFileError ? error : systemRefusal(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function tooLarge(maxBytes: number, size?: number): UnreadableFileError {
  return new UnreadableFileError(`is larger than ${formatBytes(maxBytes)}${size !== undefined ? ` (${size} bytes)` : ''}; this is not a file readiness reads`, undefined, true);
}

function describeKind(stats: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (stats.isDirectory()) return 'is a directory';
  if (stats.isFIFO()) return 'is a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'is a character device';
  if (stats.isBlockDevice()) return 'is a block device';
  if (stats.isSocket()) return 'is a socket';
  return 'is not a file';
}

const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory, not a regular file',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links (a loop?)',
  ENAMETOOLONG: 'the path is too long',
  ENXIO: 'is a socket or a device without a reader, not a regular file',
  EMFILE: 'too many open files',
};

function systemRefusal(error: unknown): UnreadableFileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code !== undefined ? SYSTEM_REASONS[code] : undefined;
  return new UnreadableFileError(known ?? `cannot read it (${code ?? 'unknown error'})`, code);
}

/**
 * The text of a configuration file: UTF-8, with a UTF-8 byte-order mark (as some Windows editors write) dropped.
 * UTF-16/32 and bytes that are not UTF-8 are refused with the line they are on, rather than silently turned into
 * U+FFFD inside a value.
 */
export function decodeUtf8(bytes: Buffer): { ok: true; text: string } | { ok: false; problem: string; line?: number } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, problem: 'is UTF-16 encoded (it starts with a UTF-16 byte-order mark); save it as UTF-8' };
  }
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return { ok: false, problem: 'is UTF-32 encoded; save it as UTF-8' };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) {
    const lossy = body.toString('utf8');
    const at = lossy.indexOf('\uFFFD');
    const line = at === -1 ? undefined : lossy.slice(0, at).split('\n').length;
    return { ok: false, problem: 'is not valid UTF-8 text (a binary file, or another encoding such as Latin-1?); save it as UTF-8', ...(line ? { line } : {}) };
  }
  const text = body.toString('utf8');
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    return { ok: false, problem: 'holds NUL bytes: a binary file, not YAML', line };
  }
  return { ok: true, text };
}

function startsWith(bytes: Buffer, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
