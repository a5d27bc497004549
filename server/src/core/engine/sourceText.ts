import * as fs from 'node:fs';
import { nonFileKind } from '../fileKind';
import type { ScanNote } from '../model';

/** Larger files are generated bundles or data, never hand-written flag code. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export type SourceRead = { text: string; size: number; mtimeMs: number } | { note: ScanNote };

/** Reads a source file, turning every way it can go wrong into a note instead of an exception. */
export function readSource(file: string): SourceRead {
  let buf: Buffer;
  let st: fs.Stats;
  let fd: number | undefined;
  try {
    // A stat before the open: a FIFO or device reached through the editor's file events would
    // block the open or never end the read (the walker itself lists regular files only).
    const kind = nonFileKind(fs.statSync(file));
    if (kind) return { note: { file, kind: 'unreadable', message: `${file} is ${kind}, not a file; skipped` } };
    // One open, one fstat, one read: the size and mtime the cache needs come with the content.
    fd = fs.openSync(file, 'r');
    st = fs.fstatSync(fd);
    if (st.size > MAX_SOURCE_BYTES) {
      return { note: { file, kind: 'too-large', message: `${file} is ${(st.size / 1048576).toFixed(1)} MB (over ${MAX_SOURCE_BYTES / 1048576} MB); skipped as generated code` } };
    }
    buf = Buffer.allocUnsafe(st.size);
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
  // UTF-16 with a BOM is text full of NUL bytes; decode it rather than call it binary.
  // The BOM itself is dropped by TextDecoder, so positions count from the first real character as for UTF-8.
  const utf16 = utf16Bom(buf);
  if (utf16) return { text: new TextDecoder(utf16).decode(buf), size: st.size, mtimeMs: st.mtimeMs };
  if (buf.subarray(0, 8192).includes(0)) {
    return { note: { file, kind: 'binary', message: `${file} looks binary (it contains NUL bytes); skipped` } };
  }
  return { text: buf.toString('utf8'), size: st.size, mtimeMs: st.mtimeMs };
}

/** The UTF-16 encoding a byte order mark at the start of `buf` announces, if any. */
export function utf16Bom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}
