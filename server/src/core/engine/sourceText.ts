import * as fs from 'node:fs';
import { nonFileKind } from '../fileKind';
import type { ScanNote } from '../model';

/** Larger files are generated bundles or data, never hand-written flag code. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export type SourceRead = { text: string; size: number; mtimeMs: number } | { note: ScanNote };

/** A file's bytes as read, before any decoding (a file that only a few bytes searches rule out is never decoded). */
export type SourceBytes = { bytes: Buffer; size: number; mtimeMs: number } | { note: ScanNote };

/** Reads a source file, turning every way it can go wrong into a note instead of an exception. */
export function readSource(file: string): SourceRead {
  return decodeSource(readSourceBytes(file));
}

/**
 * One buffer for the reads of a pass over the files, each read's bytes valid until the next: a scan
 * reads every file once per pass (the prefilter, each round of new wrapper names) and decodes or
 * hashes the bytes at once, so a fresh buffer per file only added a malloc and external memory for
 * the garbage collector to account (issue #12).
 */
export class ReadScratch {
  private buf = Buffer.allocUnsafeSlow(64 * 1024);

  /** `size` bytes of the shared buffer, grown when a file is larger (at most MAX_SOURCE_BYTES are asked for). */
  take(size: number): Buffer {
    if (this.buf.length < size) this.buf = Buffer.allocUnsafeSlow(Math.max(size, this.buf.length * 2));
    return this.buf.subarray(0, size);
  }
}

/**
 * `readSource` without the decoding, for files the walker listed as regular files. It saves the stat
 * before the open: the open is non-blocking instead, so a file replaced by a FIFO since the walk
 * still cannot block it, and the fstat after it tells such a file apart as before. With `scratch`,
 * the bytes are read into it, and valid only until its next read.
 */
export function readListedSourceBytes(file: string, scratch?: ReadScratch): SourceBytes {
  return readSourceBytes(file, true, scratch);
}

export function readSourceBytes(file: string, listed = false, scratch?: ReadScratch): SourceBytes {
  let buf: Buffer;
  let st: fs.Stats;
  let fd: number | undefined;
  try {
    // A stat before the open: a FIFO or device reached through the editor's file events would
    // block the open or never end the read (the walker itself lists regular files only).
    if (!listed) {
      const kind = nonFileKind(fs.statSync(file));
      if (kind) return { note: { file, kind: 'unreadable', message: `${file} is ${kind}, not a file; skipped` } };
    }
    // One open, one fstat, one read: the size and mtime the cache needs come with the content.
    fd = fs.openSync(file, listed ? LISTED_OPEN_FLAGS : 'r');
    st = fs.fstatSync(fd);
    const kind = listed ? nonFileKind(st) : undefined;
    if (kind) return { note: { file, kind: 'unreadable', message: `${file} is ${kind}, not a file; skipped` } };
    if (st.size > MAX_SOURCE_BYTES) {
      return {
        note: {
          file,
          kind: 'too-large',
          message: `${file} is ${(st.size / 1048576).toFixed(1)} MB (over ${MAX_SOURCE_BYTES / 1048576} MB); skipped as generated code`,
        },
      };
    }
    buf = scratch ? scratch.take(st.size) : Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < buf.length) {
      const n = fs.readSync(fd, buf, read, buf.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read < buf.length) buf = buf.subarray(0, read);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { note: { file, kind: 'vanished', message: `${file} disappeared during the scan` } };
    return { note: { file, kind: 'unreadable', message: `cannot read ${file}: ${(err as Error).message}` } };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  // UTF-16 text is full of NUL bytes: it is told apart from binary when decoded (decodeSource).
  if (!utf16Bom(buf) && buf.subarray(0, 8192).includes(0)) {
    return { note: { file, kind: 'binary', message: `${file} looks binary (it contains NUL bytes); skipped` } };
  }
  return { bytes: buf, size: st.size, mtimeMs: st.mtimeMs };
}

/** The text of bytes `readSourceBytes` returned: UTF-16 when a byte order mark says so, else UTF-8. */
export function decodeSource(read: SourceBytes): SourceRead {
  if ('note' in read) return read;
  // The BOM itself is dropped by TextDecoder, so positions count from the first real character as for UTF-8.
  const utf16 = utf16Bom(read.bytes);
  const text = utf16 ? new TextDecoder(utf16).decode(read.bytes) : read.bytes.toString('utf8');
  return { text, size: read.size, mtimeMs: read.mtimeMs };
}

/**
 * Whether the text of these bytes holds `word`, without decoding them: UTF-8 is self-synchronising
 * (an ASCII byte is always that character, and a lead byte starts a character even after invalid
 * bytes), so searching the word's UTF-8 bytes agrees with searching the decoded text. UTF-16 text is
 * decoded first.
 */
export function bytesInclude(bytes: Buffer, word: string): boolean {
  const utf16 = utf16Bom(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes).includes(word);
  return bytes.indexOf(word) !== -1;
}

/**
 * Whether the text of these bytes holds any of the ASCII `words` (an alternation without anchors,
 * `asciiAlternation`), without decoding them as UTF-8: an ASCII byte is always that character, so
 * the Latin-1 view of the bytes holds an ASCII word exactly where the text does. One regular
 * expression over that view costs half of one `indexOf` per word when there are a dozen words.
 */
export function bytesMatch(bytes: Buffer, words: RegExp): boolean {
  const utf16 = utf16Bom(bytes);
  if (utf16) return words.test(new TextDecoder(utf16).decode(bytes));
  return words.test(bytes.toString('latin1'));
}

/** Read only, non-blocking (a FIFO opens at once), never a controlling terminal. */
const LISTED_OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOCTTY;

/** The UTF-16 encoding a byte order mark at the start of `buf` announces, if any. */
export function utf16Bom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}
