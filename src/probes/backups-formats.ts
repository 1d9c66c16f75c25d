import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { createGunzip } from 'node:zlib';

/**
 * Structural validation of pg_dump's output formats, read to the end: plain SQL (header and "dump complete"
 * trailer), custom (-Fc: archive header, table of contents, then every data block the TOC promises), tar (-Ft:
 * every member whole, toc.dat parsed, every data member present), directory (-Fd: toc.dat parsed, every data file
 * present, gzip ones inflated), and gzip around any of them. Layout as pg_backup_archiver.c / pg_backup_custom.c /
 * pg_backup_tar.c / pg_backup_directory.c write it (archive versions 1.10 to 1.16, PostgreSQL 9.0 to 17).
 */

export type BackupFormat = 'plain' | 'custom' | 'tar' | 'directory' | 'gzip' | 'zstd' | 'xz' | 'bzip2' | 'lz4' | 'unknown';
/** What a gzip file holds. */
export type InnerFormat = 'plain' | 'custom' | 'tar' | 'unknown';

export interface Inspection {
  format: BackupFormat;
  /** For gzip: the format inside. */
  inner?: InnerFormat;
  /** true: read to the end and whole; false: cut off or broken (`problem` says where); null: could not be read to the end. */
  complete: boolean | null;
  problem?: string;
  /** For an unknown format: the first characters, when they are printable text (pg_dump's error message, an HTML page). */
  startsWith?: string;
}

/** Bounds: a gzip file is inflated only up to this size (compressed); other formats are walked up to READ_BUDGET bytes. */
export const MAX_GZIP_BYTES = 256 * 1024 * 1024;
export const READ_BUDGET = 1024 * 1024 * 1024;
/** A table of contents larger than this is not a pg_dump TOC. */
const MAX_TOC_BYTES = 64 * 1024 * 1024;
const TAIL_BYTES = 4_096;
const PLAIN_HEADERS = ['-- PostgreSQL database dump', '-- PostgreSQL database cluster dump'];
const PLAIN_TRAILERS = ['-- PostgreSQL database dump complete', '-- PostgreSQL database cluster dump complete'];

class FormatError extends Error {}
class TooLarge extends Error {}

/** Reads bytes in order from a file, a stream or a buffer; skip() on a file seeks instead of reading. */
interface ByteSource {
  /** Up to n bytes; fewer only at the end of the input. */
  read(n: number): Promise<Buffer>;
  /** Skips up to n bytes; returns how many were skipped. */
  skip(n: number): Promise<number>;
  readonly position: number;
  /** Bytes left, when known (files and buffers). */
  readonly remaining: number | undefined;
}

/** A source whose length is known up front: skipping is moving the position, no bytes are read. */
abstract class SizedSource implements ByteSource {
  position = 0;
  protected abstract readonly size: number;
  abstract read(n: number): Promise<Buffer>;
  get remaining(): number {
    return this.size - this.position;
  }
  async skip(n: number): Promise<number> {
    const skipped = Math.min(n, this.remaining);
    this.position += skipped;
    return skipped;
  }
}

class BufferSource extends SizedSource {
  constructor(private readonly buffer: Buffer) {
    super();
  }
  protected get size(): number {
    return this.buffer.length;
  }
  async read(n: number): Promise<Buffer> {
    const out = this.buffer.subarray(this.position, this.position + n);
    this.position += out.length;
    return out;
  }
}

class FileSource extends SizedSource {
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;
  constructor(
    private readonly handle: FileHandle,
    protected readonly size: number,
  ) {
    super();
  }
  async read(n: number): Promise<Buffer> {
    const want = Math.min(n, this.remaining);
    const offset = this.position - this.bufferStart;
    if (offset >= 0 && offset + want <= this.buffer.length) {
      this.position += want;
      return this.buffer.subarray(offset, offset + want);
    }
    const length = Math.max(want, 64 * 1024);
    const buffer = Buffer.alloc(Math.min(length, this.remaining));
    const { bytesRead } = await this.handle.read(buffer, 0, buffer.length, this.position);
    this.buffer = buffer.subarray(0, bytesRead);
    this.bufferStart = this.position;
    const out = this.buffer.subarray(0, Math.min(want, bytesRead));
    this.position += out.length;
    return out;
  }
}

class StreamSource implements ByteSource {
  position = 0;
  readonly remaining = undefined;
  private queue: Buffer[] = [];
  private queued = 0;
  private done = false;
  constructor(
    private readonly chunks: AsyncIterator<Buffer>,
    private readonly budget: number,
  ) {}
  private async fill(n: number): Promise<void> {
    while (this.queued < n && !this.done) {
      const next = await this.chunks.next();
      if (next.done) this.done = true;
      else {
        this.queue.push(next.value);
        this.queued += next.value.length;
      }
    }
  }
  private take(n: number): Buffer {
    const all = this.queue.length === 1 ? this.queue[0]! : Buffer.concat(this.queue);
    const out = all.subarray(0, Math.min(n, all.length));
    const rest = all.subarray(out.length);
    this.queue = rest.length > 0 ? [rest] : [];
    this.queued = rest.length;
    this.position += out.length;
    if (this.position > this.budget) throw new TooLarge(`more than ${this.budget} bytes once decompressed`);
    return out;
  }
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    return this.take(n);
  }
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      await this.fill(Math.min(left, 1024 * 1024));
      if (this.queued === 0) break;
      left -= this.take(Math.min(left, this.queued)).length;
    }
    return n - left;
  }
  /** Puts bytes just read back in front, so a format's validator can read them again after the sniffing. */
  unread(bytes: Buffer): void {
    this.queue.unshift(bytes);
    this.queued += bytes.length;
    this.position -= bytes.length;
  }
  /** True when nothing follows. */
  async atEnd(): Promise<boolean> {
    await this.fill(1);
    return this.queued === 0;
  }
}

async function atEnd(source: ByteSource): Promise<boolean> {
  if (source instanceof StreamSource) return source.atEnd();
  return source.remaining === 0;
}

async function exactly(source: ByteSource, n: number, what: string): Promise<Buffer> {
  const bytes = await source.read(n);
  if (bytes.length < n) throw new FormatError(`cut off in ${what} (at byte ${source.position})`);
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// The archive formats (custom, and the toc.dat of tar and directory)

interface ArchiveHeader {
  version: number;
  intSize: number;
  offSize: number;
  /** 1 custom, 3 tar (also in a directory dump's toc.dat), 5 directory (pg_backup.h ArchiveFormat). */
  format: number;
}

interface TocEntry {
  dumpId: number;
  hadDumper: boolean;
  desc: string | null;
  /** Custom format: K_OFFSET_POS_NOT_SET (1), POS_SET (2) or NO_DATA (3). */
  dataState?: number;
  /** Custom format, POS_SET: where the entry's data block starts. */
  dataOffset?: number;
  /** Tar and directory formats: the member or file holding the entry's data. */
  filename?: string | null;
}

const version = (major: number, minor: number) => (major * 256 + minor) * 256;

async function readInt(source: ByteSource, header: ArchiveHeader): Promise<number> {
  const bytes = await exactly(source, 1 + header.intSize, 'an integer');
  let value = 0;
  for (let i = header.intSize; i >= 1; i--) value = value * 256 + bytes[i]!;
  return bytes[0] === 0 ? value : -value;
}

async function readStr(source: ByteSource, header: ArchiveHeader): Promise<string | null> {
  const length = await readInt(source, header);
  if (length < 0) return null;
  if (length > MAX_TOC_BYTES) throw new FormatError(`a string of ${length} bytes in the table of contents`);
  return (await exactly(source, length, 'a string')).toString('utf8');
}

async function readArchiveHeader(source: ByteSource): Promise<ArchiveHeader> {
  const head = await exactly(source, 11, 'the archive header');
  if (head.subarray(0, 5).toString('latin1') !== 'PGDMP') throw new FormatError('no PGDMP archive header');
  const header: ArchiveHeader = { version: (head[5]! * 256 + head[6]!) * 256 + head[7]!, intSize: head[8]!, offSize: head[9]!, format: head[10]! };
  if (head[5] !== 1 || header.version < version(1, 10) || header.version >= version(1, 17)) {
    throw new TooLarge(`archive version ${head[5]}.${head[6]} is not one this build reads (1.10 to 1.16)`);
  }
  if (header.intSize < 1 || header.intSize > 8 || header.offSize < 1 || header.offSize > 8) throw new FormatError('impossible integer sizes in the archive header');
  if (header.version >= version(1, 15)) await exactly(source, 1, 'the compression algorithm');
  else await readInt(source, header);
  for (let i = 0; i < 7; i++) await readInt(source, header); // creation time
  await readStr(source, header); // database name
  await readStr(source, header); // server version
  await readStr(source, header); // pg_dump version
  return header;
}

async function readToc(source: ByteSource, header: ArchiveHeader): Promise<TocEntry[]> {
  const count = await readInt(source, header);
  if (count < 0 || count > 10_000_000) throw new FormatError(`an impossible table of contents size (${count})`);
  const entries: TocEntry[] = [];
  for (let i = 0; i < count; i++) {
    const dumpId = await readInt(source, header);
    const hadDumper = (await readInt(source, header)) !== 0;
    await readStr(source, header); // tableoid
    await readStr(source, header); // oid
    await readStr(source, header); // tag
    const desc = await readStr(source, header);
    if (header.version >= version(1, 11)) await readInt(source, header); // section
    await readStr(source, header); // defn
    await readStr(source, header); // dropStmt
    await readStr(source, header); // copyStmt
    await readStr(source, header); // namespace
    await readStr(source, header); // tablespace
    if (header.version >= version(1, 14)) await readStr(source, header); // tableam
    if (header.version >= version(1, 16)) await readInt(source, header); // relkind
    await readStr(source, header); // owner
    await readStr(source, header); // "false": with oids
    for (let d = 0; ; d++) {
      if ((await readStr(source, header)) === null) break;
      if (d > 1_000_000) throw new FormatError('an endless dependency list');
    }
    const entry: TocEntry = { dumpId, hadDumper, desc };
    if (header.format === 1) {
      entry.dataState = (await exactly(source, 1, 'a data offset'))[0]!;
      const bytes = await exactly(source, header.offSize, 'a data offset');
      let offset = 0;
      for (let b = header.offSize - 1; b >= 0; b--) offset = offset * 256 + bytes[b]!;
      entry.dataOffset = offset;
    } else {
      entry.filename = await readStr(source, header);
    }
    entries.push(entry);
  }
  return entries;
}

/** The data blocks of a custom archive, one per TOC entry with data, each a run of length-prefixed chunks ending in 0. */
async function walkCustomData(source: ByteSource, header: ArchiveHeader, entries: TocEntry[]): Promise<void> {
  const expected = new Set(entries.filter((e) => e.hadDumper && e.dataState !== 3).map((e) => e.dumpId));
  const seen = new Set<number>();
  const chunks = async (what: string) => {
    for (;;) {
      const length = await readInt(source, header);
      if (length === 0) return;
      if (length < 0) throw new FormatError(`a negative chunk length in ${what}`);
      if ((await source.skip(length)) < length) throw new FormatError(`cut off inside ${what} (at byte ${source.position})`);
    }
  };
  while (!(await atEnd(source))) {
    const type = (await exactly(source, 1, 'a data block header'))[0]!;
    const id = await readInt(source, header);
    const what = `the data of TOC entry ${id}`;
    if (type === 1) await chunks(what);
    else if (type === 3) {
      for (;;) {
        const oid = await readInt(source, header);
        if (oid === 0) break;
        await chunks(`large object ${oid}`);
      }
    } else throw new FormatError(`an unknown data block type ${type} at byte ${source.position - 1 - 1 - header.intSize}`);
    if (!expected.has(id)) throw new FormatError(`a data block for TOC entry ${id}, which has no data`);
    seen.add(id);
  }
  const missing = [...expected].filter((id) => !seen.has(id));
  if (missing.length > 0) throw new FormatError(`the data of ${missing.length} of ${expected.size} TOC entries is missing (the dump stopped before writing them)`);
}

async function validateCustom(source: ByteSource): Promise<void> {
  const header = await readArchiveHeader(source);
  if (header.format !== 1) throw new FormatError(`a PGDMP header of format ${header.format}, not custom (1), outside a tar or directory dump`);
  await walkCustomData(source, header, await readToc(source, header));
}

/**
 * A custom archive too large to walk whole, written to a seekable file: pg_dump then rewrote the TOC with each data
 * block's offset. Each offset must hold the header of its own entry's block, and the last block must run to the
 * end of the file exactly; without offsets (piped output, or a dump that never finished) it cannot be told.
 */
async function validateCustomByOffsets(handle: FileHandle, size: number, budget: number): Promise<void> {
  const source = new FileSource(handle, size);
  const header = await readArchiveHeader(source);
  if (header.format !== 1) throw new FormatError(`a PGDMP header of format ${header.format}, not custom (1)`);
  const entries = await readToc(source, header);
  const withData = entries.filter((e) => e.hadDumper && e.dataState !== 3);
  if (withData.some((e) => e.dataState !== 2)) {
    throw new TooLarge(`${size} bytes is over the ${budget}-byte read limit, and its TOC holds no data offsets to check instead (piped output, or a dump that did not finish)`);
  }
  if (withData.length === 0) {
    if (source.remaining !== 0) throw new FormatError('bytes after the table of contents of an archive without data');
    return;
  }
  for (const entry of withData) {
    if (entry.dataOffset! >= size) throw new FormatError(`the data of TOC entry ${entry.dumpId} lies beyond the end of the file (cut off)`);
    const at = new FileSource(handle, size);
    await at.skip(entry.dataOffset!);
    const type = (await exactly(at, 1, 'a data block header'))[0]!;
    if ((type !== 1 && type !== 3) || (await readInt(at, header)) !== entry.dumpId) throw new FormatError(`no data block of TOC entry ${entry.dumpId} at its offset`);
  }
  const last = withData.reduce((a, b) => (b.dataOffset! > a.dataOffset! ? b : a));
  const tail = new FileSource(handle, size);
  await tail.skip(last.dataOffset!);
  await walkCustomData(tail, header, [last]);
}

// ---------------------------------------------------------------------------------------------------------------
// tar

function octal(field: Buffer): number {
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new FormatError(`a tar header with a bad size field "${text}"`);
  return parseInt(text, 8);
}

/**
 * Walks a tar archive member by member to its two zero blocks, keeping toc.dat (wherever it sits) and the head and
 * tail of .sql members, then checks what they hold: a pg_dump tar (or a tarred directory dump), or a plain dump.
 */
async function validateTar(source: ByteSource): Promise<void> {
  const members = new Map<string, number>();
  let toc: { dir: string; data: Buffer } | undefined;
  const sql: { name: string; head: string; tail: string }[] = [];
  for (;;) {
    const block = await source.read(512);
    if (block.length === 0) throw new FormatError('a tar archive without its end-of-archive blocks (cut off)');
    if (block.length < 512) throw new FormatError('cut off inside a tar header');
    if (block.every((b) => b === 0)) break;
    const field = (from: number, to: number) => block.subarray(from, to).toString('latin1').replace(/\0.*$/s, '');
    // ustar keeps long paths' leading part in a prefix field.
    const prefix = field(345, 500);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = octal(block.subarray(124, 136));
    const type = String.fromCharCode(block[156]!);
    const padded = Math.ceil(size / 512) * 512;
    const base = path.posix.basename(name);
    if ((type === '0' || type === '\0') && base === 'toc.dat' && !toc) {
      if (size > MAX_TOC_BYTES) throw new FormatError('a toc.dat too large to be a table of contents');
      const data = await exactly(source, size, `tar member ${name}`);
      await source.skip(padded - size);
      toc = { dir: path.posix.dirname(name), data };
    } else if ((type === '0' || type === '\0') && /\.sql$/i.test(base)) {
      let head = '';
      let tail = Buffer.alloc(0);
      let left = size;
      while (left > 0) {
        const chunk = await source.read(Math.min(left, 1024 * 1024));
        if (chunk.length === 0) break;
        if (head.length < 256) head += chunk.subarray(0, 256).toString('utf8');
        tail = Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
        left -= chunk.length;
      }
      if (left > 0) throw new FormatError(`cut off inside tar member ${name}`);
      await source.skip(padded - size);
      sql.push({ name, head, tail: tail.toString('utf8') });
    } else if ((await source.skip(padded)) < padded) {
      throw new FormatError(`cut off inside tar member ${name}`);
    }
    if (type === '0' || type === '\0') members.set(name, size);
  }
  if (toc) {
    const tocSource = new BufferSource(toc.data);
    const header = await readArchiveHeader(tocSource);
    if (header.format !== 3 && header.format !== 5) throw new FormatError(`toc.dat is of archive format ${header.format}, not tar`);
    const entries = await readToc(tocSource, header);
    const at = (file: string) => (toc!.dir === '.' ? file : `${toc!.dir}/${file}`);
    // Large objects are stored as blob_<oid>.dat members listed in blobs.toc (blobs_<id>.toc from 17), not under the entry's name.
    const missing = entries
      .filter((e) => e.hadDumper && e.filename)
      .map((e) => (e.desc === 'BLOBS' ? [at('blobs.toc'), at(`blobs_${e.dumpId}.toc`)] : [at(e.filename!)]))
      .filter((names) => !names.some((file) => members.has(file) || members.has(`${file}.gz`) || members.has(`${file}.lz4`) || members.has(`${file}.zst`)))
      .map((names) => names[0]!);
    if (missing.length > 0) throw new FormatError(`${missing.length} data member(s) named in toc.dat are missing (${missing.slice(0, 3).join(', ')})`);
    return;
  }
  if (sql.length > 0) {
    for (const member of sql) {
      const problem = plainProblem(member.head, member.tail);
      if (problem) throw new FormatError(`tar member ${member.name} ${problem}`);
    }
    return;
  }
  throw new NotADump('a tar archive with no pg_dump output in it (no toc.dat, no .sql file)');
}

class NotADump extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// plain SQL

/** Why a plain dump is not whole, or undefined: it must start with pg_dump's header and end with its trailer. */
function plainProblem(head: string, tail: string): string | undefined {
  if (!PLAIN_HEADERS.some((h) => head.includes(h))) return 'does not start with pg_dump\'s "-- PostgreSQL database dump" header';
  const trailer = PLAIN_TRAILERS.map((t) => tail.lastIndexOf(t)).reduce((a, b) => Math.max(a, b), -1);
  if (trailer === -1) return 'is truncated (no "dump complete" trailer)';
  // After the trailer only blank lines, comments and pg_dump's own \unrestrict line (17.6+) may follow.
  const after = tail.slice(trailer).split('\n').slice(1);
  if (after.some((line) => line.trim() !== '' && !line.startsWith('--') && !/^\\unrestrict\s/.test(line))) return 'has text after its "dump complete" trailer';
  return undefined;
}

function isPlainStart(head: Buffer): boolean {
  const text = head.toString('utf8');
  return PLAIN_HEADERS.some((h) => text.includes(h));
}

function isTarStart(head: Buffer): boolean {
  return head.length >= 263 && head.subarray(257, 262).toString('latin1') === 'ustar';
}

/** The first line of a file that is not a dump, when it is printable text, for the message (80 characters). */
function printableStart(head: Buffer): string | undefined {
  const text = head.toString('utf8');
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (line === '' || /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(line)) return undefined;
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

// ---------------------------------------------------------------------------------------------------------------
// files

async function readHead(file: string, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function readTail(file: string, size: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(TAIL_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, Math.max(0, size - buffer.length));
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function withHandle<T>(file: string, work: (handle: FileHandle) => Promise<T>): Promise<T> {
  const handle = await open(file, 'r');
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function withFile<T>(file: string, size: number, work: (source: FileSource) => Promise<T>): Promise<T> {
  return withHandle(file, (handle) => work(new FileSource(handle, size)));
}

/** Runs a validation and turns its outcome into completeness. */
async function verdict(work: () => Promise<void>): Promise<Pick<Inspection, 'complete' | 'problem'>> {
  try {
    await work();
    return { complete: true };
  } catch (error) {
    if (error instanceof TooLarge) return { complete: null, problem: error.message };
    if (error instanceof FormatError) return { complete: false, problem: error.message };
    if (error instanceof NotADump) throw error;
    // zlib's own errors: a cut-off or corrupt compressed stream.
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code.startsWith('Z_')) return { complete: false, problem: `the gzip stream is cut off or corrupt (${(error as Error).message})` };
    throw error;
  }
}

const MAGIC: readonly [BackupFormat, number[]][] = [
  ['zstd', [0x28, 0xb5, 0x2f, 0xfd]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['bzip2', [0x42, 0x5a, 0x68]],
  ['lz4', [0x04, 0x22, 0x4d, 0x18]],
];

/** Inspects one backup file to its end (within the bounds above; `readBudget` lowers the walk's, for tests). */
export async function inspectFile(file: string, bytes: number, readBudget: number = READ_BUDGET): Promise<Inspection> {
  if (bytes === 0) return { format: 'unknown', complete: false, problem: 'the file is empty' };
  const head = await readHead(file, 512);
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') {
    if (bytes > readBudget) return { format: 'custom', ...(await verdict(() => withHandle(file, (handle) => validateCustomByOffsets(handle, bytes, readBudget)))) };
    return { format: 'custom', ...(await verdict(() => withFile(file, bytes, validateCustom))) };
  }
  if (head[0] === 0x1f && head[1] === 0x8b) return inspectGzip(file, bytes);
  if (isTarStart(head)) {
    try {
      // Members are skipped by seeking, so a tar of any size is walked; only toc.dat and .sql members are read.
      return { format: 'tar', ...(await verdict(() => withFile(file, bytes, validateTar))) };
    } catch (error) {
      if (error instanceof NotADump) return { format: 'unknown', complete: false, problem: error.message };
      throw error;
    }
  }
  if (isPlainStart(head)) {
    const problem = plainProblem(head.toString('utf8'), await readTail(file, bytes));
    return { format: 'plain', complete: problem === undefined, ...(problem ? { problem } : {}) };
  }
  for (const [format, magic] of MAGIC) {
    if (magic.every((b, i) => head[i] === b)) {
      return { format, complete: null, problem: `${format}-compressed: this build cannot decompress it to check the dump inside` };
    }
  }
  const start = printableStart(head);
  return { format: 'unknown', complete: false, problem: 'not pg_dump output in any format (plain, custom, directory, tar) nor gzip', ...(start ? { startsWith: start } : {}) };
}

async function inspectGzip(file: string, bytes: number): Promise<Inspection> {
  if (bytes > MAX_GZIP_BYTES) return { format: 'gzip', complete: null, problem: `${bytes} bytes is over the ${MAX_GZIP_BYTES}-byte limit for inflating` };
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const source = new StreamSource(gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>, READ_BUDGET * 4);
  try {
    let inner: InnerFormat = 'unknown';
    let start: string | undefined;
    const result = await verdict(async () => {
      const head = await source.read(512);
      if (head.subarray(0, 5).toString('latin1') === 'PGDMP') {
        inner = 'custom';
        source.unread(head);
        await validateCustom(source);
      } else if (isTarStart(head)) {
        inner = 'tar';
        source.unread(head);
        await validateTar(source);
        // The zero blocks end the archive, not the stream: inflate the rest so a cut-off stream still shows.
        await source.skip(Number.MAX_SAFE_INTEGER);
      } else if (isPlainStart(head)) {
        inner = 'plain';
        let tail = head;
        for (;;) {
          const chunk = await source.read(1024 * 1024);
          if (chunk.length === 0) break;
          tail = Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
        }
        const problem = plainProblem(head.toString('utf8'), tail.toString('utf8'));
        if (problem) throw new FormatError(`the dump inside ${problem}`);
      } else {
        // Read to the end all the same: a cut-off stream is worth saying.
        await source.skip(Number.MAX_SAFE_INTEGER);
        start = printableStart(head);
      }
    });
    if (inner === 'unknown' && result.complete !== false) {
      return { format: 'gzip', inner, complete: false, problem: 'the gzip file holds no pg_dump output', ...(start ? { startsWith: start } : {}) };
    }
    return { format: 'gzip', inner, ...result, ...(start ? { startsWith: start } : {}) };
  } catch (error) {
    if (error instanceof NotADump) return { format: 'gzip', inner: 'tar', complete: false, problem: error.message };
    throw error;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

/** A directory-format dump (pg_dump -Fd): a folder holding toc.dat. */
export async function isDirectoryDump(dir: string): Promise<boolean> {
  try {
    return (await stat(path.join(dir, 'toc.dat'))).isFile();
  } catch {
    return false;
  }
}

/** Data files of a directory dump left without their toc.dat: pg_dump writes toc.dat last, so the dump stopped. */
export function looksLikeDirectoryDumpData(names: readonly string[]): boolean {
  return names.some((n) => /^\d+\.dat(\.(gz|lz4|zst))?$/.test(n)) && !names.includes('toc.dat');
}

/**
 * Validates a directory-format dump: toc.dat parsed to its end, every data file it names present (with the
 * compression suffix pg_dump adds), gzip ones inflated whole, and large objects listed in blobs*.toc present.
 */
export async function inspectDirectory(dir: string): Promise<Inspection> {
  return {
    format: 'directory',
    ...(await verdict(async () => {
      const toc = await readFile(path.join(dir, 'toc.dat'));
      if (toc.length > MAX_TOC_BYTES) throw new FormatError('toc.dat is too large to be a table of contents');
      const source = new BufferSource(toc);
      const header = await readArchiveHeader(source);
      // pg_dump writes "tar" (3) in a directory dump's toc.dat: the two lay out their TOC alike.
      if (header.format !== 3 && header.format !== 5) throw new FormatError(`toc.dat is of archive format ${header.format}, not directory or tar`);
      const entries = await readToc(source, header);
      if (source.remaining !== 0) throw new FormatError('toc.dat has bytes after its table of contents');
      const names = new Set(await readdir(dir));
      const present = (file: string) => ['', '.gz', '.lz4', '.zst'].map((s) => `${file}${s}`).find((f) => names.has(f));
      let budget = READ_BUDGET;
      const check = async (file: string) => {
        const found = present(file);
        if (!found) throw new FormatError(`${file}, named in toc.dat, is missing`);
        if (found.endsWith('.gz')) {
          const size = (await stat(path.join(dir, found))).size;
          budget -= size;
          if (budget < 0) throw new TooLarge(`its data files exceed the ${READ_BUDGET}-byte read limit`);
          await inflateWhole(path.join(dir, found), found);
        }
        return found;
      };
      for (const entry of entries) {
        if (!entry.hadDumper || !entry.filename) continue;
        const found = await check(entry.filename);
        if (/^blobs(_\d+)?\.toc$/.test(entry.filename)) {
          const list = (await readFile(path.join(dir, found))).toString('utf8');
          for (const line of list.split('\n')) {
            const blob = /^\d+ (\S+)$/.exec(line.trim())?.[1];
            if (blob) await check(blob.replace(/\.(gz|lz4|zst)$/, ''));
          }
        }
      }
    })),
  };
}

function inflateWhole(file: string, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip();
    const input = createReadStream(file);
    input.on('error', reject);
    gunzip.on('error', (error) => reject(new FormatError(`${name} is cut off or corrupt (${error.message})`)));
    gunzip.on('data', () => undefined);
    gunzip.on('end', () => resolve());
    input.pipe(gunzip);
  });
}
