import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Transform } from 'node:stream';
import type { LogSourceConfig } from '../config/schema/logs.js';
import { scrubForeignText } from '../core/secrets/scrub.js';
import { CommandError, runBoundedCommand } from './command.js';
import { ProbeError } from '../core/errors.js';
import type { SelectedEnvironment } from '../config/load.js';
import { defineProbe } from './registry.js';

export interface LogScanLimits {
  maxBytes: number;
  commandTimeoutMs: number;
}

export const DEFAULT_LOG_LIMITS: LogScanLimits = { maxBytes: 64 * 1024 * 1024, commandTimeoutMs: 15_000 };

export interface LogScan {
  source: string;
  /** Bytes of log text scanned (after decompression). */
  bytesRead: number;
  lines: number;
  /** Lines with something on them besides white space. */
  nonBlankLines: number;
  /** True when the cap stopped the read: older file content, or later command output, was not seen. */
  truncated: boolean;
  /** Set for a compressed file: how it was compressed (the cap then applies to the decompressed text, from its start). */
  compression?: Compression;
}

export type Compression = 'gzip' | 'zlib' | 'brotli';

/** Called once per line, with its 1-based number in what was read (for a capped file: counted from the cap). */
export type LineVisitor = (line: string, lineNumber: number) => void;

/**
 * Streams a log source line by line without keeping it: a file's newest `maxBytes` (logs grow at the end),
 * or a command's first `maxBytes` of output, after which the command is ended.
 */
async function scanLogSource(
  config: LogSourceConfig,
  options: { index: number; resolvePath: (p: string) => string; cwd: string; signal: AbortSignal; limits?: Partial<LogScanLimits> },
  visit: LineVisitor,
): Promise<LogScan> {
  const maxBytes = config.maxBytes ?? options.limits?.maxBytes ?? DEFAULT_LOG_LIMITS.maxBytes;
  const splitter = new LineSplitter(visit);
  const source = describeLogSource(config, options.index);
  if ('file' in config) {
    const file = options.resolvePath(config.file);
    let size: number;
    try {
      const info = await stat(file);
      // A FIFO would hang the read and a device such as /dev/zero never end: only regular files are logs.
      if (!info.isFile()) throw new ProbeError('unavailable', `cannot be read (${info.isDirectory() ? 'a directory' : 'a FIFO, socket or device'}, not a regular file)`);
      size = info.size;
    } catch (error) {
      if (error instanceof ProbeError) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new ProbeError('unavailable', `cannot be read (${code === 'ENOENT' ? 'no such file' : code})`);
    }
    const compression = await compressionOf(file);
    if (compression) return scanCompressed(file, compression, { source, maxBytes, signal: options.signal, splitter });
    const start = Math.max(0, size - maxBytes);
    // Reading from the middle of a file starts mid-line: that partial first line is skipped.
    if (start > 0) splitter.skipFirstLine();
    const stream = createReadStream(file, { start, signal: options.signal });
    try {
      for await (const chunk of stream) splitter.push(chunk as Buffer);
    } catch (error) {
      if (options.signal.aborted) throw new ProbeError('aborted', 'stopped before the end');
      throw new ProbeError('unavailable', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
    }
    splitter.end();
    return { source, bytesRead: size - start, lines: splitter.count, nonBlankLines: splitter.nonBlank, truncated: start > 0 };
  }
  try {
    const result = await runBoundedCommand(config.command, {
      cwd: options.cwd,
      signal: options.signal,
      timeoutMs: config.timeout ?? options.limits?.commandTimeoutMs ?? DEFAULT_LOG_LIMITS.commandTimeoutMs,
      maxStdoutBytes: maxBytes,
      onStdout: (chunk) => splitter.push(chunk),
    });
    splitter.end();
    if (!result.truncated && result.exitCode !== 0) {
      const how = result.exitCode === null ? `was ended by ${result.signal ?? 'a signal'}` : `exited with code ${result.exitCode}`;
      const stderr = scrubForeignText(result.stderrTail);
      throw new ProbeError('unavailable', `${how}${stderr ? `; stderr: ${stderr}` : ''}`);
    }
    return { source, bytesRead: result.stdoutBytes, lines: splitter.count, nonBlankLines: splitter.nonBlank, truncated: result.truncated };
  } catch (error) {
    if (error instanceof CommandError) {
      const stderr = scrubForeignText(error.stderrTail);
      throw new ProbeError(error.code, `${error.message}${stderr ? `; stderr: ${stderr}` : ''}`);
    }
    throw error;
  }
}

/**
 * How a log file is compressed, by its first bytes (gzip 1f 8b; zlib 78 01/5e/9c/da) or, for brotli, which has no
 * magic number, by a `.br` name. Rotated logs (`app.log.1.gz`) are gzip.
 */
async function compressionOf(file: string): Promise<Compression | undefined> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    if (bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (bytesRead === 2 && head[0] === 0x78 && [0x01, 0x5e, 0x9c, 0xda].includes(head[1]!) && /\.(z|zz|zlib|deflate)$/i.test(file)) return 'zlib';
    return /\.br$/i.test(file) ? 'brotli' : undefined;
  } finally {
    await handle.close();
  }
}

/**
 * A compressed file, decompressed as a stream from its start (its end cannot be found without reading it all) up to
 * `maxBytes` of text: a decompression bomb stops at the cap. A corrupt stream is a protocol error, not a clean log.
 */
async function scanCompressed(
  file: string,
  compression: Compression,
  o: { source: string; maxBytes: number; signal: AbortSignal; splitter: LineSplitter },
): Promise<LogScan> {
  const decompressor: Transform = compression === 'gzip' ? createGunzip() : compression === 'zlib' ? createInflate() : createBrotliDecompress();
  const stream = createReadStream(file, { signal: o.signal }).pipe(decompressor);
  let bytesRead = 0;
  let truncated = false;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      const room = o.maxBytes - bytesRead;
      if (buffer.length > room) {
        o.splitter.push(buffer.subarray(0, room));
        bytesRead += room;
        truncated = true;
        break;
      }
      o.splitter.push(buffer);
      bytesRead += buffer.length;
    }
  } catch (error) {
    if (o.signal.aborted) throw new ProbeError('aborted', 'stopped before the end');
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProbeError('protocol', `is not a valid ${compression} file (${code ?? (error instanceof Error ? error.message : 'corrupt')})`);
  } finally {
    stream.destroy();
  }
  o.splitter.end();
  return { source: o.source, bytesRead, lines: o.splitter.count, nonBlankLines: o.splitter.nonBlank, truncated, compression };
}

/** Names a log source without quoting a command line, which may carry a token. */
export function describeLogSource(config: LogSourceConfig, index: number): string {
  if ('file' in config) return `logs[${index}] (file ${config.file})`;
  const program = /^[\w./-]+/.exec(config.command.trim())?.[0]?.split('/').pop();
  return `logs[${index}] (command${program ? ` ${program}` : ''})`;
}

/** Splits a byte stream into lines without holding more than one line (decoded at line ends, so UTF-8 stays whole). */
class LineSplitter {
  count = 0;
  nonBlank = 0;
  private pending: Buffer[] = [];
  private skipping = false;

  constructor(private readonly visit: LineVisitor) {}

  skipFirstLine(): void {
    this.skipping = true;
  }

  push(chunk: Buffer): void {
    let from = 0;
    for (let at = chunk.indexOf(10, from); at !== -1; at = chunk.indexOf(10, from)) {
      this.pending.push(chunk.subarray(from, at));
      this.flush();
      from = at + 1;
    }
    if (from < chunk.length) this.pending.push(Buffer.from(chunk.subarray(from)));
  }

  end(): void {
    if (this.pending.length > 0) this.flush();
  }

  private flush(): void {
    const line = Buffer.concat(this.pending).toString('utf8').replace(/\r$/, '');
    this.pending = [];
    if (this.skipping) {
      this.skipping = false;
      return;
    }
    this.count++;
    if (line.trim() !== '') this.nonBlank++;
    this.visit(line, this.count);
  }
}

/**
 * The environment's `logs:` sources, streamed to a visitor line by line and never kept, so a scan is bounded in
 * memory as well as in bytes. Not memoised: what the visitor looks for is the caller's.
 */
export class LogsProbe {
  constructor(private readonly target: SelectedEnvironment) {}

  describe(index: number): string {
    return describeLogSource(this.source(index), index);
  }

  scan(index: number, signal: AbortSignal, visit: LineVisitor): Promise<LogScan> {
    const config = this.source(index);
    return scanLogSource(config, { index, resolvePath: this.target.resolvePath, cwd: this.target.loaded.dir, signal }, visit);
  }

  private source(index: number): LogSourceConfig {
    const config = this.target.environment.logs?.[index];
    if (!config) throw new ProbeError('unavailable', `environments.${this.target.name}.logs[${index}] is not configured`);
    return config;
  }
}

export const logsProbe = defineProbe<LogsProbe>({
  name: 'logs',
  describes: 'Streams a log file\'s newest bytes (gzip, zlib and brotli files decompressed from their start) or a bounded command\'s output (64 MiB cap by default, 15 s for commands) line by line; stderr is scrubbed.',
  create: (run) => new LogsProbe(run.target),
});
